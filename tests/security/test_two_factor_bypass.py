"""Issue 17, point 1: a password alone never adds a second factor (through a running server).

The attack of the security review: with TWO_FACTOR_FOR_STAFF=1 a staff user
who already has an authenticator app logs in with the password only, opens
the set-up page, gets a new secret, confirms it with a code of the attacker's
own app and has full access. Here a real HTTP client (``requests``, its own
cookie jar and CSRF token) talks to pytest-django's live server.
"""

import secrets

import pytest
import requests
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import AccountEvent, RecoveryCodeDevice

pytestmark = pytest.mark.django_db(transaction=True)


def _code(key_hex: str) -> str:
    return f"{totp(bytes.fromhex(key_hex)):06d}"


def _post(session, url, data):
    data = {**data, "csrfmiddlewaretoken": session.cookies["csrftoken"]}
    return session.post(url, data=data, allow_redirects=False, timeout=10)


def _get(session, url):
    return session.get(url, allow_redirects=False, timeout=10)


def test_password_alone_cannot_enrol_a_new_app(live_server, personas, settings):
    settings.TWO_FACTOR_FOR_STAFF = True
    office = personas.office
    app = TOTPDevice.objects.create(user=office, name="App", confirmed=True)
    devices_before = list(TOTPDevice.objects.values_list("pk", "user_id", "key", "confirmed"))
    base = live_server.url
    inbox = f"{base}/buero/"
    setup = f"{base}/konto/zwei-faktor/einrichten/"
    verify = f"{base}/konto/zwei-faktor/"

    attacker = requests.Session()
    _get(attacker, f"{base}/konto/login/")  # the CSRF cookie
    login = _post(
        attacker, f"{base}/konto/login/", {"username": "office", "password": "secret-password"}
    )
    assert login.status_code == 302
    assert _get(attacker, inbox).headers["Location"].startswith("/konto/zwei-faktor/")

    # The set-up page refuses: back to the code entry, with a German reason, no new secret.
    page = _get(attacker, setup)
    assert page.status_code == 302
    assert page.headers["Location"].startswith("/konto/zwei-faktor/?")
    assert "secret=" not in page.text
    assert "<svg" not in page.text
    shown = attacker.get(f"{base}{page.headers['Location']}", timeout=10).text
    assert "Ihr Konto hat bereits eine Authenticator-App" in shown
    assert "otpauth://" not in shown

    # A fresh code of the attacker's own secret, posted straight to the set-up page.
    own_key = secrets.token_hex(20)
    posted = _post(attacker, setup, {"token": _code(own_key), "next": "/buero/"})
    assert posted.status_code == 302
    assert posted.headers["Location"].startswith("/konto/zwei-faktor/?")
    # Nor new recovery codes, nor removing the real app.
    new_codes = _post(attacker, f"{base}/konto/zwei-faktor/wiederherstellungscodes/neu/", {})
    assert new_codes.headers["Location"].startswith("/konto/zwei-faktor/")
    remove = _post(attacker, f"{base}/konto/zwei-faktor/geraete/{app.pk}/entfernen/", {})
    assert remove.headers["Location"].startswith("/konto/zwei-faktor/")

    assert list(TOTPDevice.objects.values_list("pk", "user_id", "key", "confirmed")) == (
        devices_before
    )
    assert not RecoveryCodeDevice.objects.exists()
    assert not AccountEvent.objects.exists()
    for staff_page in (inbox, f"{base}/admin/", f"{base}/konto/meine-daten.json"):
        response = _get(attacker, staff_page)
        assert response.status_code == 302, staff_page
        assert response.headers["Location"].startswith("/konto/zwei-faktor/"), staff_page

    # The real app still lets its owner in, and only then may a device be added.
    owner = requests.Session()
    _get(owner, f"{base}/konto/login/")
    _post(owner, f"{base}/konto/login/", {"username": "office", "password": "secret-password"})
    confirmed = _post(owner, verify, {"token": _code(app.key), "next": "/buero/"})
    assert confirmed.headers["Location"] == "/buero/"
    assert _get(owner, inbox).status_code == 200
    assert _get(owner, setup).status_code == 200
