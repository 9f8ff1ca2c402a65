"""A new visitor in Chromium: search, filter, read, jump to a question, follow a topic.

Every public page is checked with axe-core (no serious or critical violation),
at 360 pixels wide (no horizontal scrolling) and for a visible keyboard path.
"""

import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from inquiries.models import Inquiry, Subscription
from tests.browser.test_public_pages import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED = "Ergebnis der Stadt Herne beim Smart City Index"


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=io.StringIO())
    return Inquiry.objects.get(subject=SEED)  # load_demo built its reply PDF


def test_new_visitor_searches_filters_reads_downloads_and_follows(page, demo):
    page.goto("/")
    page.get_by_label("Anfragen und Antworten durchsuchen").fill("Smart City")
    page.get_by_role("button", name="Suchen").click()
    page.wait_for_url(re.compile(r"/anfragen/\?q=Smart\+City"))
    assert page.get_by_role("link", name=SEED).count() == 1

    page.get_by_label("Fraktion").select_option(label="Piratenpartei")
    page.get_by_role("button", name="Ergebnisse anzeigen").click()
    page.wait_for_url(re.compile(r"fraktion=PIRATEN"))
    assert "q=Smart+City" in page.url  # the filter state lives in the address
    page.get_by_role("link", name=SEED).click()
    page.wait_for_url(f"**{demo.get_absolute_url()}")

    page.get_by_role("navigation", name="Direkt zur Frage").get_by_role(
        "link", name="Frage 5"
    ).click()
    assert page.evaluate("location.hash") == "#frage-5"
    assert "Onlinezugangsgesetz" in page.locator(":target").inner_text()

    # The reply PDF, downloaded through the link on the page.
    link = page.get_by_role("link", name="Antwortschreiben herunterladen (PDF)")
    pdf = page.request.get(link.get_attribute("href"))
    assert pdf.ok
    assert pdf.body().startswith(b"%PDF")

    topic = demo.topics.get(slug="smart-city")
    page.get_by_label("Was möchten Sie verfolgen?").select_option(f"topic:{topic.pk}")
    page.get_by_label("Ihre E-Mail-Adresse").fill("leserin@example.org")
    page.get_by_role("button", name="Abonnieren").click()
    assert "Bestätigungslink" in page.locator("main").inner_text()
    assert Subscription.objects.get(email="leserin@example.org").topic == topic
    assert [m.to for m in mail.outbox if "leserin@example.org" in m.to] == [["leserin@example.org"]]


def _public_pages(seed):
    subscription = Subscription.objects.create(
        email="a@example.org", kind="topic", topic=seed.topics.first()
    )
    return [
        "/",
        "/anfragen/",
        "/anfragen/?q=Verwaltung&sortierung=relevanz",
        "/anfragen/?q=zzzzunbekannt",
        "/anfragen/?fraktion=GIBTESNICHT&jahr=abc",
        seed.get_absolute_url(),
        "/statistik/",
        reverse("inquiries:subscription_confirm", args=[subscription.token]),
        reverse("inquiries:subscription_unsubscribe", args=[subscription.token]),
    ]


def test_every_public_page_passes_axe_and_fits_a_phone(page, demo):
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 800})
        for url in _public_pages(demo):
            page.goto(url)
            assert serious_violations(page) == [], url
            if width == 360:
                assert page.evaluate("document.documentElement.scrollWidth") <= 360, url


def test_subscription_error_page_passes_axe(page, demo):
    page.goto(demo.get_absolute_url())
    page.get_by_label("Ihre E-Mail-Adresse").fill("kein-at")
    page.get_by_role("button", name="Abonnieren").click()
    assert "gültige E-Mail-Adresse" in page.locator("main").inner_text()
    assert serious_violations(page) == []


def test_keyboard_user_reaches_search_and_results(page, demo):
    page.goto("/anfragen/")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.id")
    assert focused == "id_q"
    page.keyboard.type("Smart City")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=Smart"))
    assert page.get_by_role("link", name=SEED).count() == 1
