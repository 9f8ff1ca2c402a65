"""Logging in and out and resetting a password, in German."""

import re

import pytest
from django.core import mail
from django.urls import reverse


@pytest.mark.django_db
def test_councillor_logs_in_and_finds_my_inquiries_in_the_navigation(client, personas):
    page = client.get(reverse("login")).content.decode()
    assert "Anmelden" in page
    assert "Passwort vergessen?" in page
    response = client.post(
        reverse("login"),
        {"username": "councillor", "password": "secret-password"},
        follow=True,
    )
    assert 'href="/meine-anfragen/"' in response.content.decode()


@pytest.mark.django_db
def test_office_sees_no_my_inquiries_link(client, personas):
    client.force_login(personas.office)
    assert "Meine Anfragen" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_logout_leads_back_to_the_public_pages(client, personas):
    client.force_login(personas.councillor)
    response = client.post(reverse("logout"), follow=True)
    page = response.content.decode()
    assert "Anmelden" in page
    assert "Meine Anfragen" not in page
    assert client.get(reverse("inquiries:councillor_list")).status_code == 302


@pytest.mark.django_db
def test_password_reset_by_email_in_german_sent_through_the_queue(
    client, personas, django_capture_on_commit_callbacks
):
    assert "Passwort zurücksetzen" in client.get(reverse("password_reset")).content.decode()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(
            reverse("password_reset"), {"email": personas.councillor.email}, follow=True
        )
    assert "E-Mail versendet" in response.content.decode()
    assert mail.outbox == []  # nothing is sent inside the request's transaction
    for callback in callbacks:
        callback()
    (message,) = mail.outbox
    assert message.subject.startswith("Neues Passwort für das Ratsportal")
    link = re.search(r"https?://[^/]+(/\S+)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert "Neues Passwort wählen" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {
            "new_password1": "ein-langes-neues-Passwort-7",
            "new_password2": "ein-langes-neues-Passwort-7",
        },
        follow=True,
    )
    assert "Ihr neues Passwort wurde gespeichert." in done.content.decode()
    personas.councillor.refresh_from_db()
    assert personas.councillor.check_password("ein-langes-neues-Passwort-7")


@pytest.mark.django_db
def test_invalid_reset_link_says_so(client):
    page = client.get(
        reverse("password_reset_confirm", kwargs={"uidb64": "MQ", "token": "falsch"})
    ).content.decode()
    assert "Dieser Link ist ungültig" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "landing"),
    [
        ("office", "/buero/"),
        ("clerk_a", "/fachbereich/"),
        ("head_a", "/fachbereich/"),
        ("councillor", "/meine-anfragen/"),
    ],
)
def test_login_lands_on_the_users_own_work(client, personas, who, landing):
    user = getattr(personas, who)
    response = client.post(
        "/konto/login/", {"username": user.username, "password": "secret-password"}
    )
    assert response.status_code == 302
    assert response["Location"] == landing
