"""Optional two-factor authentication for the administration's staff (TWO_FACTOR_FOR_STAFF)."""

import time

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import AccountEvent, RecoveryCode, RecoveryCodeDevice
from tests.factories import InquiryFactory, publish_through_workflow


def _code(device):
    """The app's code now, or of the next step if this one was used (codes work once)."""
    if device.pk:
        device.refresh_from_db()
    now = int((time.time() - device.t0) // device.step)
    ahead = max(0, device.last_t + 1 - now)
    token = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=ahead)
    return f"{token:06d}"


def _log_in_with_app(client, user, device):
    """Password, then the app's code: a verified session."""
    client.post(reverse("login"), {"username": user.username, "password": "secret-password"})
    response = client.post(reverse("two_factor_verify"), {"token": _code(device)})
    assert response.status_code == 302
    device.refresh_from_db()


@pytest.fixture
def audit_url(personas):
    inquiry = publish_through_workflow(InquiryFactory(author=personas.councillor_profile), personas)
    return reverse("inquiries:office_audit_csv", args=[inquiry.pk])


@pytest.mark.django_db
def test_off_by_default_staff_get_in_with_password_only(client, personas, audit_url, settings):
    assert settings.TWO_FACTOR_FOR_STAFF is False
    client.force_login(personas.office)
    assert client.get(audit_url).status_code == 200


@pytest.mark.django_db
def test_staff_without_app_are_led_to_set_one_up(client, personas, audit_url, settings):
    settings.TWO_FACTOR_FOR_STAFF = True
    client.force_login(personas.office)
    response = client.get(audit_url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_verify"))
    page = client.get(response["Location"]).content.decode()
    assert "Authenticator-App einrichten" in page

    setup = client.get(reverse("two_factor_setup"), {"next": audit_url})
    assert setup.status_code == 200
    device = TOTPDevice.objects.get(user=personas.office, confirmed=False)
    wrong = client.post(reverse("two_factor_setup"), {"token": "000000", "next": audit_url})
    assert 'role="alert"' in wrong.content.decode()
    assert "Dieser Code ist nicht gültig" in wrong.content.decode()
    # After a wrong code django-otp throttles the device (brute force): even the
    # right code is refused until the delay has passed.
    throttled = client.post(reverse("two_factor_setup"), {"token": _code(device)})
    assert throttled.status_code == 200
    device.refresh_from_db()
    device.throttle_reset()  # the delay has passed
    done = client.post(reverse("two_factor_setup"), {"token": _code(device), "next": audit_url})
    assert done.status_code == 302
    # First the recovery codes (once), then on to where the user wanted to go.
    assert done["Location"].startswith(reverse("two_factor_recovery_codes"))
    codes_page = client.get(done["Location"]).content.decode()
    assert f'href="{audit_url}"' in codes_page
    assert client.get(audit_url).status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    assert list(
        AccountEvent.objects.filter(user=personas.office).values_list("action", flat=True)
    ) == [
        AccountEvent.Action.RECOVERY_CODES_CREATED,
        AccountEvent.Action.DEVICE_ADDED,
    ]


@pytest.mark.django_db
def test_staff_with_app_enter_code_after_password(client, personas, audit_url, settings):
    settings.TWO_FACTOR_FOR_STAFF = True
    device = TOTPDevice.objects.create(user=personas.office, name="App", confirmed=True)
    client.post(reverse("login"), {"username": "office", "password": "secret-password"})
    response = client.get(audit_url)
    assert response.status_code == 302
    assert client.get(reverse("inquiries:list")).status_code == 302  # nothing else either
    assert client.get(reverse("two_factor_devices")).status_code == 302  # nor the device list
    verify = reverse("two_factor_verify")
    refused = client.post(verify, {"token": "12ab56", "next": audit_url})
    assert "sechs Ziffern" in refused.content.decode()
    ok = client.post(verify, {"token": _code(device), "next": "https://evil.example/"})
    assert ok["Location"] == "/"
    assert client.get(audit_url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["clerk_a", "head_a", "admin"])
def test_department_staff_and_admins_need_the_second_factor(client, personas, settings, persona):
    settings.TWO_FACTOR_FOR_STAFF = True
    client.force_login(getattr(personas, persona))
    assert client.get(reverse("my_data_export")).status_code == 302


@pytest.mark.django_db
def test_councillors_are_not_asked(client, personas, settings):
    settings.TWO_FACTOR_FOR_STAFF = True
    client.force_login(personas.councillor)
    assert client.get(reverse("my_data_export")).status_code == 200


# --- Enrolment needs a verified session (issue 17; through HTTP in tests/security/) ----------


@pytest.mark.django_db
@pytest.mark.parametrize("required", [True, False])
def test_a_password_alone_never_adds_an_app(client, personas, settings, required):
    """Whether or not staff must use two factors: an app on the account means verify first."""
    settings.TWO_FACTOR_FOR_STAFF = required
    TOTPDevice.objects.create(user=personas.councillor, name="App", confirmed=True)
    client.force_login(personas.councillor)
    attacker = TOTPDevice(key="3132333435363738393031323334353637383930")
    for response in (
        client.get(reverse("two_factor_setup")),
        client.post(reverse("two_factor_setup"), {"token": _code(attacker)}),
        client.post(reverse("two_factor_recovery_codes_new")),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("two_factor_verify"))
    page = client.get(reverse("two_factor_verify")).content.decode()
    assert "Bestätigen Sie diese Anmeldung zuerst mit ihrem Code" in page
    assert TOTPDevice.objects.filter(user=personas.councillor).count() == 1
    assert not RecoveryCodeDevice.objects.exists()
    assert not AccountEvent.objects.exists()


@pytest.mark.django_db
def test_a_verified_session_adds_a_second_app(client, personas, settings):
    settings.TWO_FACTOR_FOR_STAFF = True
    first = TOTPDevice.objects.create(user=personas.office, name="App", confirmed=True)
    RecoveryCodeDevice.objects.create(user=personas.office, name="Codes").replace_codes()
    _log_in_with_app(client, personas.office, first)
    page = client.get(reverse("two_factor_setup"))
    assert page.status_code == 200
    second = TOTPDevice.objects.get(user=personas.office, confirmed=False)
    done = client.post(
        reverse("two_factor_setup"), {"token": _code(second), "next": reverse("two_factor_devices")}
    )
    assert done["Location"] == reverse("two_factor_devices")
    second.refresh_from_db()
    assert second.confirmed
    event = AccountEvent.objects.get()
    assert (event.user, event.actor, event.action) == (
        personas.office,
        personas.office,
        AccountEvent.Action.DEVICE_ADDED,
    )


@pytest.mark.django_db
def test_a_secret_shown_in_one_session_is_never_handed_to_another(client, personas):
    other = Client()
    client.force_login(personas.office)
    other.force_login(personas.office)
    client.get(reverse("two_factor_setup"))
    first = TOTPDevice.objects.get(user=personas.office)
    assert client.get(reverse("two_factor_setup")).status_code == 200
    assert TOTPDevice.objects.get(user=personas.office) == first  # same session, same secret
    other.get(reverse("two_factor_setup"))
    second = TOTPDevice.objects.get(user=personas.office)
    assert second.key != first.key
    refused = client.post(reverse("two_factor_setup"), {"token": f"{totp(first.bin_key):06d}"})
    assert refused.status_code == 200  # the first secret is gone
    assert not TOTPDevice.objects.filter(user=personas.office, confirmed=True).exists()


@pytest.mark.django_db
def test_setup_shows_the_qr_code_as_inline_svg_and_the_key_as_text(client, personas):
    client.force_login(personas.office)
    html = client.get(reverse("two_factor_setup")).content.decode()
    device = TOTPDevice.objects.get(user=personas.office)
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="img"' in svg
    assert "<title>QR-Code für Ihre Authenticator-App</title>" in svg
    assert "<path" in svg
    assert "<img" not in html  # nothing fetched, not even from our own host
    secret = html.split('<code class="otp-secret">')[1].split("</code>")[0]
    assert secret.replace(" ", "") in device.config_url


# --- Recovery codes ------------------------------------------------------------------------


@pytest.fixture
def enrolled_office(client, personas, settings):
    """The office has set up its app; returns the app and the recovery codes shown."""
    settings.TWO_FACTOR_FOR_STAFF = True
    client.force_login(personas.office)
    client.get(reverse("two_factor_setup"))
    app = TOTPDevice.objects.get(user=personas.office)
    client.post(reverse("two_factor_setup"), {"token": _code(app)})
    html = client.get(reverse("two_factor_recovery_codes")).content.decode()
    codes = [part.split("</code>")[0] for part in html.split("<li><code>")[1:]]
    client.logout()
    return app, codes


@pytest.mark.django_db
def test_recovery_codes_are_shown_once_and_stored_hashed(client, personas, enrolled_office):
    app, codes = enrolled_office
    assert len(codes) == 10
    assert len(set(codes)) == 10
    stored = list(RecoveryCode.objects.values_list("code_hash", flat=True))
    assert len(stored) == 10
    assert not any(code.replace("-", "") in value for code in codes for value in stored)
    _log_in_with_app(client, personas.office, app)
    again = client.get(reverse("two_factor_recovery_codes")).content.decode()
    assert "bereits angezeigt" in again
    assert not any(code in again for code in codes)


@pytest.mark.django_db
def test_a_recovery_code_logs_in_once(client, personas, enrolled_office, audit_url):
    _app, codes = enrolled_office
    client.post(reverse("login"), {"username": "office", "password": "secret-password"})
    assert client.get(audit_url).status_code == 302
    typed = codes[0].lower().replace("-", " ")  # as a person might type it
    response = client.post(reverse("two_factor_recover"), {"code": typed, "next": audit_url})
    assert response["Location"] == audit_url
    assert client.get(audit_url).status_code == 200
    assert RecoveryCode.objects.count() == 9
    assert AccountEvent.objects.filter(action=AccountEvent.Action.RECOVERY_CODE_USED).count() == 1

    client.logout()
    client.post(reverse("login"), {"username": "office", "password": "secret-password"})
    again = client.post(reverse("two_factor_recover"), {"code": codes[0]})
    assert again.status_code == 200
    assert "bereits verwendet" in again.content.decode()
    assert 'value="' + codes[0] + '"' in again.content.decode()  # what was typed stays
    assert client.get(audit_url).status_code == 302


@pytest.mark.django_db
def test_new_recovery_codes_replace_the_old_ones(client, personas, enrolled_office):
    app, old_codes = enrolled_office
    _log_in_with_app(client, personas.office, app)
    response = client.post(reverse("two_factor_recovery_codes_new"))
    html = client.get(response["Location"]).content.decode()
    new_codes = [part.split("</code>")[0] for part in html.split("<li><code>")[1:]]
    assert len(new_codes) == 10
    assert not set(new_codes) & set(old_codes)
    device = RecoveryCodeDevice.objects.get(user=personas.office)
    assert not device.verify_token(old_codes[1])
    device.throttle_reset()
    assert device.verify_token(new_codes[1])


# --- Removing an app -------------------------------------------------------------------------


@pytest.mark.django_db
def test_staff_cannot_remove_their_only_app(client, personas, enrolled_office):
    app, _codes = enrolled_office
    _log_in_with_app(client, personas.office, app)
    page = client.get(reverse("two_factor_devices")).content.decode()
    assert "Ihre einzige App" in page
    response = client.post(reverse("two_factor_device_remove", args=[app.pk]), follow=True)
    assert "Das ist Ihre einzige Authenticator-App" in response.content.decode()
    assert TOTPDevice.objects.filter(pk=app.pk).exists()
    assert not AccountEvent.objects.filter(action=AccountEvent.Action.DEVICE_REMOVED).exists()


@pytest.mark.django_db
def test_staff_remove_the_old_app_after_adding_a_new_one(client, personas, enrolled_office):
    old, _codes = enrolled_office
    new = TOTPDevice.objects.create(user=personas.office, name="Neues Telefon", confirmed=True)
    _log_in_with_app(client, personas.office, new)
    response = client.post(reverse("two_factor_device_remove", args=[old.pk]))
    assert response["Location"] == reverse("two_factor_devices")
    assert list(TOTPDevice.objects.filter(user=personas.office)) == [new]
    assert RecoveryCode.objects.count() == 10  # the codes stay with the remaining app
    event = AccountEvent.objects.get(action=AccountEvent.Action.DEVICE_REMOVED)
    assert (event.user, event.actor) == (personas.office, personas.office)


@pytest.mark.django_db
def test_removing_needs_a_verified_session(client, personas):
    """Without TWO_FACTOR_FOR_STAFF too: a password-only session cannot remove apps."""
    app = TOTPDevice.objects.create(user=personas.councillor, name="App", confirmed=True)
    TOTPDevice.objects.create(user=personas.councillor, name="Zweite", confirmed=True)
    client.force_login(personas.councillor)
    response = client.post(reverse("two_factor_device_remove", args=[app.pk]))
    assert response["Location"].startswith(reverse("two_factor_verify"))
    assert TOTPDevice.objects.filter(user=personas.councillor).count() == 2


@pytest.mark.django_db
def test_another_users_app_is_not_found(client, personas):
    theirs = TOTPDevice.objects.create(user=personas.office, name="App", confirmed=True)
    mine = TOTPDevice.objects.create(user=personas.councillor, name="App", confirmed=True)
    _log_in_with_app(client, personas.councillor, mine)
    response = client.post(reverse("two_factor_device_remove", args=[theirs.pk]))
    assert response.status_code == 404
    assert TOTPDevice.objects.filter(pk=theirs.pk).exists()


@pytest.mark.django_db
def test_a_user_who_need_not_use_two_factors_may_remove_the_last_app(client, personas):
    app = TOTPDevice.objects.create(user=personas.councillor, name="App", confirmed=True)
    RecoveryCodeDevice.objects.create(user=personas.councillor, name="Codes").replace_codes()
    _log_in_with_app(client, personas.councillor, app)
    client.post(reverse("two_factor_device_remove", args=[app.pk]))
    assert not TOTPDevice.objects.filter(user=personas.councillor).exists()
    assert not RecoveryCodeDevice.objects.filter(user=personas.councillor).exists()
    assert AccountEvent.objects.get().action == AccountEvent.Action.DEVICE_REMOVED


@pytest.mark.django_db
def test_device_list_reads_a_constant_number_of_queries(
    client, personas, settings, django_assert_num_queries, django_assert_max_num_queries
):
    settings.TWO_FACTOR_FOR_STAFF = True
    app = TOTPDevice.objects.create(user=personas.office, name="App", confirmed=True)
    _log_in_with_app(client, personas.office, app)
    url = reverse("two_factor_devices")
    client.get(url)
    with django_assert_max_num_queries(50) as one_app:
        assert client.get(url).status_code == 200
    for number in range(3):
        TOTPDevice.objects.create(user=personas.office, name=f"App {number}", confirmed=True)
    with django_assert_num_queries(len(one_app.captured_queries)):
        page = client.get(url).content.decode()
    assert page.count("entfernen") >= 4


# --- The admin resets a lost phone ---------------------------------------------------------


@pytest.mark.django_db
def test_admin_reset_removes_the_apps_and_writes_an_account_event(
    client, personas, enrolled_office
):
    admin_app = TOTPDevice.objects.create(user=personas.admin, name="App", confirmed=True)
    _log_in_with_app(client, personas.admin, admin_app)
    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_two_factor", "_selected_action": [personas.office.pk]},
        follow=True,
    )
    assert "Die Zwei-Faktor-Anmeldung von 1 Person wurde zurückgesetzt" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=personas.office).exists()
    assert not RecoveryCode.objects.exists()
    event = AccountEvent.objects.get(action=AccountEvent.Action.DEVICES_RESET)
    assert (event.user, event.actor, event.detail) == (
        personas.office,
        personas.admin,
        "apps removed: 1",
    )
    assert client.get(reverse("admin:accounts_accountevent_changelist")).status_code == 200

    # The office sets up its new phone at the next login.
    client.force_login(personas.office)
    assert client.get(reverse("two_factor_setup")).status_code == 200


@pytest.mark.django_db
def test_the_admin_shows_apps_without_their_secrets(client, personas):
    app = TOTPDevice.objects.create(user=personas.office, name="App", confirmed=True)
    client.force_login(personas.admin)
    page = client.get(reverse("admin:otp_totp_totpdevice_change", args=[app.pk])).content.decode()
    assert app.key not in page
    assert "qrcode" not in page.lower()


@pytest.mark.django_db
def test_personal_data_export_lists_apps_and_account_events(client, personas, enrolled_office):
    app, _codes = enrolled_office
    _log_in_with_app(client, personas.office, app)
    data = client.get(reverse("my_data_export")).json()
    assert [a["name"] for a in data["two_factor"]["apps"]] == ["Authenticator-App"]
    assert data["two_factor"]["recovery_codes_left"] == 10
    assert {e["action"] for e in data["two_factor"]["events"]} == {
        "device_added",
        "recovery_codes_created",
    }
