"""A visitor opens the portal, finds the seed inquiry and reads its five questions."""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())


def serious_violations(page):
    results = Axe().run(page)
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]])
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def test_visitor_reads_the_seed_inquiry(page, demo):
    page.goto("/")
    assert page.locator("h1").inner_text() == "Anfragen und Antworten"
    assert serious_violations(page) == []
    page.get_by_role("link", name="Ergebnis der Stadt Herne beim Smart City Index").click()
    page.wait_for_url("**/anfragen/*/")
    assert page.locator("h1").inner_text() == "Ergebnis der Stadt Herne beim Smart City Index"
    questions = page.locator("ol.questions > li")
    assert questions.count() == 5
    assert "Onlinezugangsgesetz" in questions.nth(4).inner_text()
    assert "Lars Wind" in page.locator(".facts").inner_text()
    assert serious_violations(page) == []


def test_keyboard_user_skips_to_content_and_page_fits_a_phone(page, demo):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#inhalt"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360


def test_visitor_switches_to_english(page, demo):
    page.goto("/")
    page.get_by_label("Sprache").select_option("en")
    page.get_by_role("button", name="Wechseln").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Inquiries and answers"
    assert page.locator("html").get_attribute("lang") == "en"
