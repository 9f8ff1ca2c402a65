"""Logins are throttled (django-axes) and staff sessions are short."""

import pytest
from django.urls import reverse
from django.utils import translation


def _attempt(client, password):
    return client.post(reverse("login"), {"username": "councillor", "password": password})


@pytest.mark.django_db
def test_login_is_locked_after_repeated_failures_with_german_message(client, personas, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _attempt(client, "falsch").status_code == 200
    locked = _attempt(client, "falsch")
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in text
    assert "15 Minuten" in text
    # Even the right password is refused while locked.
    assert _attempt(client, "secret-password").status_code == 429


@pytest.mark.django_db
def test_successful_login_resets_the_counter(client, personas, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _attempt(client, "falsch")
    assert _attempt(client, "secret-password").status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _attempt(client, "falsch").status_code == 200


@pytest.mark.django_db
def test_other_users_are_not_locked_by_someone_elses_failures(client, personas, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _attempt(client, "falsch")
    response = client.post(reverse("login"), {"username": "office", "password": "secret-password"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_weak_passwords_are_refused(personas):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with translation.override("de"), pytest.raises(ValidationError) as error:
        validate_password("12345678", personas.councillor)
    assert "zu kurz" in " ".join(error.value.messages)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "staff"),
    [("office", True), ("clerk_a", True), ("head_a", True), ("admin", True), ("councillor", False)],
)
def test_staff_sessions_expire_after_a_working_day(client, personas, settings, persona, staff):
    client.post(
        reverse("login"),
        {"username": getattr(personas, persona).username, "password": "secret-password"},
    )
    client.get(reverse("inquiries:list"))
    expected = settings.STAFF_SESSION_AGE if staff else settings.SESSION_COOKIE_AGE
    assert client.session.get_expiry_age() == expected


@pytest.mark.django_db
def test_forged_forwarded_for_header_does_not_dodge_the_lock(client, personas, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("login"),
            {"username": "councillor", "password": "falsch"},
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        )
    response = client.post(
        reverse("login"),
        {"username": "councillor", "password": "falsch"},
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert response.status_code == 429
