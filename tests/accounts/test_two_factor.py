"""Optional two-factor authentication for the administration's staff (TWO_FACTOR_FOR_STAFF)."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import InquiryFactory, publish_through_workflow


def _code(device):
    token = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{token:06d}"


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
    assert done["Location"] == audit_url
    assert client.get(audit_url).status_code == 200
    device.refresh_from_db()
    assert device.confirmed


@pytest.mark.django_db
def test_staff_with_app_enter_code_after_password(client, personas, audit_url, settings):
    settings.TWO_FACTOR_FOR_STAFF = True
    device = TOTPDevice.objects.create(user=personas.office, name="App", confirmed=True)
    client.post(reverse("login"), {"username": "office", "password": "secret-password"})
    response = client.get(audit_url)
    assert response.status_code == 302
    assert client.get(reverse("inquiries:list")).status_code == 302  # nothing else either
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
