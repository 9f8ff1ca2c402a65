"""``next=`` never sends a user to another host."""

import pytest
from django.urls import reverse

EVIL = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "https:evil.example",
    "\\\\evil.example",
    "http://testserver@evil.example/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_login_ignores_foreign_next(client, personas, target):
    response = client.post(
        f"{reverse('login')}?next={target}",
        {"username": "councillor", "password": "secret-password", "next": target},
    )
    assert response.status_code == 302
    assert response["Location"] == "/meine-anfragen/"  # the councillor's own start page


@pytest.mark.django_db
def test_login_follows_own_next(client, personas):
    response = client.post(
        reverse("login"),
        {"username": "councillor", "password": "secret-password", "next": "/anfragen/1/"},
    )
    assert response["Location"] == "/anfragen/1/"


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_language_switch_and_logout_ignore_foreign_next(client, personas, target):
    response = client.post(reverse("set_language"), {"language": "en", "next": target})
    assert "evil.example" not in response.get("Location", "")
    client.force_login(personas.councillor)
    response = client.post(f"{reverse('logout')}?next={target}", {"next": target})
    assert "evil.example" not in response.get("Location", "")
