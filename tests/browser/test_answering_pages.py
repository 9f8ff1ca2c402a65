"""The office registers an inquiry and a clerk drafts an answer, in a real browser."""

import io

import pytest
from django.core.management import call_command

from tests.browser.test_public_pages import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())


def log_in(page, username, password):
    page.goto("/konto/login/")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(password)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_load_state()


def test_office_registers_a_submitted_inquiry(page, demo):
    log_in(page, "buero.rat", "demo-buero")
    page.get_by_role("link", name="Posteingang (Büro des Rates)").click()
    page.wait_for_load_state()
    assert serious_violations(page) == []
    page.get_by_role("link", name="Stand der Umsetzung des Onlinezugangsgesetzes").click()
    page.wait_for_load_state()
    assert serious_violations(page) == []
    page.get_by_role("button", name="Registrieren und Nummer vergeben").click()
    page.wait_for_load_state()
    assert "Registriert als" in page.locator(".messages").inner_text()
    assert page.get_by_role("button", name="Alle Fragen zuweisen").is_visible()


def test_clerk_drafts_on_a_phone_sized_screen(page, demo):
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(page, "sb.digital", "demo-sachbearbeitung")
    page.get_by_role("link", name="Posteingang (Fachbereich)").click()
    page.wait_for_load_state()
    assert serious_violations(page) == []
    page.locator("tr", has_text="Tablets für die Ratsarbeit").get_by_role("link").click()
    page.wait_for_load_state()
    page.get_by_role("textbox", name="Antwort", exact=True).fill("Ein Entwurf aus dem Browser.")
    page.get_by_role("button", name="Entwurf speichern").click()
    page.wait_for_load_state()
    assert "Der Entwurf wurde gespeichert." in page.locator(".messages").inner_text()
    assert serious_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
