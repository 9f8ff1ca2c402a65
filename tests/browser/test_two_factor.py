"""A department head sets up an authenticator app from the QR code page, keeps the recovery
codes (shown once) and later logs in with one of them, in a real browser (axe on each page)."""

import base64
import io

import pytest
from django.core.management import call_command
from django_otp.oath import totp

from accounts.models import AccountEvent
from tests.browser.test_answering_pages import log_in
from tests.browser.test_public_pages import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())


def test_head_enrols_with_the_qr_code_and_logs_in_with_a_recovery_code(page, demo, settings):
    settings.TWO_FACTOR_FOR_STAFF = True
    log_in(page, "fbl.digital", "demo-fachbereichsleitung")
    assert page.locator("h1").inner_text() == "Anmeldung bestätigen"
    page.get_by_role("link", name="Authenticator-App einrichten").click()
    page.wait_for_load_state()

    qr_code = page.get_by_role("img", name="QR-Code für Ihre Authenticator-App")
    assert qr_code.is_visible()
    assert qr_code.evaluate("element => element.tagName") == "svg"
    assert serious_violations(page) == []
    key = page.locator("figcaption .otp-secret").inner_text().replace(" ", "")
    code = f"{totp(base64.b32decode(key)):06d}"
    page.get_by_label("Code aus Ihrer Authenticator-App").fill(code)
    page.get_by_role("button", name="Bestätigen und weiter").click()
    page.wait_for_load_state()

    assert page.locator("h1").inner_text() == "Ihre Wiederherstellungscodes"
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    assert serious_violations(page) == []
    page.get_by_role("link", name="Ich habe die Codes aufbewahrt, weiter").click()
    page.wait_for_load_state()
    assert page.url.endswith("/fachbereich/")

    page.goto("/konto/zwei-faktor/wiederherstellungscodes/")  # once only
    assert "bereits angezeigt" in page.locator("main").inner_text()
    assert codes[0] not in page.content()

    page.get_by_role("link", name="Zwei-Faktor-Anmeldung").click()
    page.wait_for_load_state()
    assert "Ihre einzige App" in page.locator("main").inner_text()
    assert "10 unbenutzte Wiederherstellungscodes übrig." in page.locator("main").inner_text()
    assert serious_violations(page) == []

    # The phone is gone: log in again with the password and a recovery code.
    page.get_by_role("button", name="Abmelden").click()
    page.wait_for_load_state()
    log_in(page, "fbl.digital", "demo-fachbereichsleitung")
    page.get_by_role("link", name="Kein Zugriff auf die App?").click()
    page.wait_for_load_state()
    assert serious_violations(page) == []
    page.get_by_label("Wiederherstellungscode").fill(codes[0])
    page.get_by_role("button", name="Bestätigen").click()
    page.wait_for_load_state()
    assert page.url.endswith("/fachbereich/")
    assert "9 Codes sind übrig" in page.locator(".messages").inner_text()
    assert AccountEvent.objects.filter(action=AccountEvent.Action.RECOVERY_CODE_USED).count() == 1
