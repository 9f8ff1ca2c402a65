"""Every form that changes something requires the CSRF token."""

from collections.abc import Callable

import pytest
from django.urls import reverse

from tests.security.access_table import ACCESS
from tests.security.conftest import ROLES, World, client_for
from tests.security.urls import all_routes

# URLs whose POST must be refused without a token, with the data their form would send
# (a dict, or a function of the world for forms whose fields carry ids).
POST_FORMS: dict[str, dict[str, str] | Callable[[World], dict[str, object]]] = {
    "login": {"username": "councillor", "password": "secret-password"},
    "logout": {},
    "password_change": {
        "old_password": "secret-password",
        "new_password1": "ein-neues-Passwort-42",
        "new_password2": "ein-neues-Passwort-42",
    },
    "password_reset": {"email": "councillor@example.org"},
    "set_language": {"language": "en", "next": "/"},
    "two_factor_device_remove": {},
    "two_factor_recovery_codes_new": {},
    # --- public: following by email ---
    "inquiries:subscribe": lambda world: {
        "email": "leser@example.org",
        "follow": f"inquiry:{world.published.pk}",
    },
    "inquiries:subscription_confirm": {},
    # --- councillors ---
    "inquiries:councillor_new": lambda world: _draft_form(world),
    "inquiries:councillor_edit": lambda world: _draft_form(world),
    "inquiries:councillor_submit": {},
    "inquiries:councillor_withdraw": {"reason": "Hat sich erledigt."},
    "inquiries:councillor_cosign": {},
    # --- council office ---
    "inquiries:office_enter_inquiry": lambda world: {
        "received_via": "email",
        "meeting": world.published.meeting_id,
        "author": world.published.author_id,
        "subject": "Auf Papier eingegangen",
        "fragen-TOTAL_FORMS": "1",
        "fragen-INITIAL_FORMS": "0",
        "fragen-0-text": "Eine Frage?",
    },
    "inquiries:office_register": {"due_date": "2030-01-31"},
    "inquiries:office_reject": {"reason": "Unzulässig."},
    "inquiries:office_route": lambda world: {
        f"lead_{question.pk}": world.in_review.lead_department_id
        for question in world.registered.questions.all()
    },
    "inquiries:office_publish": {},
    # --- departments ---
    "inquiries:department_save_answer": {"text": "Eine Antwort.", "version": ""},
    "inquiries:department_send": {},
    "inquiries:department_approve": {},
    "inquiries:department_return": {"comment": "Bitte ergänzen."},
    "inquiries:department_reroute": {"reason": "Nicht unser Fachbereich."},
    "inquiries:department_contribute": lambda world: {
        "department": world.in_review.lead_department_id,
        "text": "Ein Beitrag.",
    },
    "inquiries:department_attach": {"title": "Anlage"},
    "inquiries:department_holding": {"text": "Die Antwort folgt.", "until": "2030-01-31"},
    "inquiries:department_correct": {"text": "Berichtigt.", "reason": "Tippfehler."},
}

# Views that take POST without a token on purpose, and why.
CSRF_EXEMPT = {
    # RFC 8058 one-click unsubscribe: mail clients POST without a form token; the secret
    # token in the URL is what protects it, and unsubscribing is all it can do.
    "inquiries:subscription_unsubscribe",
}


def _draft_form(world) -> dict:
    return {
        "meeting": world.draft.meeting_id,
        "subject": "Geänderter Betreff",
        "preamble": "Vorrede.",
        "questions-TOTAL_FORMS": "1",
        "questions-INITIAL_FORMS": "0",
        "questions-0-text": "Eine Frage?",
    }


def _form_for(name, world) -> dict:
    data = POST_FORMS.get(name, {"text": "x"})
    return data(world) if callable(data) else data


@pytest.mark.django_db
def test_post_without_csrf_token_is_refused_everywhere(personas, world):
    """One world, every URL × every role (one test keeps the suite fast; all misses listed)."""
    clients = {role: client_for(personas, role, enforce_csrf_checks=True) for role in ROLES}
    misses = []
    for name in sorted(set(ACCESS) - CSRF_EXEMPT):
        rule = ACCESS[name]
        url = reverse(name, kwargs=rule.kwargs(world))
        data = _form_for(name, world)
        for role, client in clients.items():
            status = client.post(url, data).status_code
            # 403 from the CSRF check, or the view does not take POST at all (405),
            # or the role cannot reach it anyway (302 to login, 403, 404).
            allowed = (403,) if name in POST_FORMS else (403, 405, 302, 404)
            if name == "password_change" and role == "anonymous":
                allowed = (403, 302)
            if status not in allowed:
                misses.append(f"{role} POST {url} ({name}): {status}")
    assert misses == []


def test_every_view_that_takes_posts_has_a_form_in_the_csrf_test():
    post_only = {name for name, rule in ACCESS.items() if 405 in rule.expect.values()}
    expected_gets = {"logout", "inquiries:subscribe"}  # POST-only, GET is 405 for everyone
    assert post_only - set(POST_FORMS) - CSRF_EXEMPT == set()
    assert expected_gets <= set(POST_FORMS)


def test_only_the_listed_views_are_exempt_from_csrf():
    exempt = {
        route.name
        for route in all_routes()
        if getattr(route.callback, "csrf_exempt", False) and not route.name.startswith("admin:")
    }
    assert exempt == CSRF_EXEMPT


@pytest.mark.django_db
def test_post_with_token_works(personas):
    client = client_for(personas, "councillor", enforce_csrf_checks=True)
    client.get(reverse("inquiries:list"))
    token = client.cookies["csrftoken"].value
    response = client.post(reverse("logout"), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
