"""Who may open which URL: the expected HTTP status of a GET per role.

Every URL pattern of the portal needs a row here (``test_access.py`` fails
otherwise). Add the row in the same commit as the view; see docs/security.md.

Statuses: 200 shown, 302 sent to the login page, 403 refused, 404 not
revealed, 405 GET not allowed (POST-only views).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from tests.security.conftest import ROLES, World


@dataclass(frozen=True)
class Rule:
    expect: dict[str, int]
    # URL arguments built from the world's objects (ids of real rows).
    kwargs: Callable[[World], dict] = field(default=lambda world: {})


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(ROLES, status)


def logged_in(status: int = 200, anonymous: int = 302) -> dict[str, int]:
    return {**everyone(status), "anonymous": anonymous}


def only(roles: dict[str, int], others: int) -> dict[str, int]:
    return {**everyone(others), **roles}


def published(world):
    return {"pk": world.published.pk}


ACCESS: dict[str, Rule] = {
    # --- operations ---
    "healthz": Rule(everyone(200)),
    # --- accounts (django.contrib.auth and accounts/) ---
    "login": Rule(everyone(200)),
    "logout": Rule(everyone(405)),  # POST only
    "password_change": Rule(logged_in()),
    "password_change_done": Rule(logged_in()),
    "password_reset": Rule(everyone(200)),
    "password_reset_done": Rule(everyone(200)),
    "password_reset_confirm": Rule(
        everyone(200), kwargs=lambda world: {"uidb64": "MQ", "token": "falsch-123"}
    ),
    "password_reset_complete": Rule(everyone(200)),
    "my_data_export": Rule(logged_in()),
    "two_factor_verify": Rule(logged_in()),
    "two_factor_setup": Rule(logged_in()),
    # --- language ---
    "set_language": Rule(everyone(302)),  # GET only redirects back
    "javascript-catalog": Rule(everyone(200)),
    # --- public pages ---
    "inquiries:list": Rule(everyone(200)),
    "inquiries:detail": Rule(everyone(200), kwargs=published),
    "inquiries:reply_pdf": Rule(everyone(200), kwargs=published),
    "inquiries:reply_pdf_version": Rule(
        everyone(200), kwargs=lambda world: {"pk": world.published.pk, "version": 1}
    ),
    # --- council office ---
    "inquiries:office_audit_csv": Rule(
        only({"office": 200, "admin": 200}, others=403), kwargs=published
    ),
}

# The Django admin checks ``is_staff`` on every one of its URLs itself; its
# generated URLs are covered by this one rule, checked on the index and every
# change list: only staff get in, everyone else is sent to the admin login.
ADMIN_PREFIX = "admin/"
ADMIN = only({"admin": 200}, others=302)
