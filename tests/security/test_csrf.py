"""Every form that changes something requires the CSRF token."""

import pytest
from django.urls import reverse

from tests.security.access_table import ACCESS
from tests.security.conftest import ROLES, client_for

# URLs whose POST must be refused without a token, with the data a form would send.
POST_FORMS = {
    "login": {"username": "councillor", "password": "secret-password"},
    "logout": {},
    "password_change": {
        "old_password": "secret-password",
        "new_password1": "ein-neues-Passwort-42",
        "new_password2": "ein-neues-Passwort-42",
    },
    "password_reset": {"email": "councillor@example.org"},
    "set_language": {"language": "en", "next": "/"},
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(ACCESS))
def test_post_without_csrf_token_is_refused(name, personas, world):
    rule = ACCESS[name]
    url = reverse(name, kwargs=rule.kwargs(world))
    for role in ROLES:
        client = client_for(personas, role, enforce_csrf_checks=True)
        response = client.post(url, POST_FORMS.get(name, {"text": "x"}))
        # 403 from the CSRF check, or the view does not take POST at all (405),
        # or the role cannot reach it anyway (302 to login, 403, 404).
        assert response.status_code in (403, 405, 302, 404), f"{role} POST {url}"
        if name in POST_FORMS and not (role == "anonymous" and name == "password_change"):
            assert response.status_code == 403, f"{role} POST {url}"


@pytest.mark.django_db
def test_post_with_token_works(personas):
    client = client_for(personas, "councillor", enforce_csrf_checks=True)
    client.get(reverse("inquiries:list"))
    token = client.cookies["csrftoken"].value
    response = client.post(reverse("logout"), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
