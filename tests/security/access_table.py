"""Who may open which URL: the expected HTTP status of a GET per role.

Every URL pattern of the portal needs a row here (``test_access.py`` fails
otherwise). Add the row in the same commit as the view; see docs/security.md.

Statuses: 200 shown, 302 sent to the login page, 403 refused, 404 not
revealed, 405 GET not allowed (POST-only views).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from oparl.serializers.base import BODY_ID
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


def pk(attribute: str) -> Callable[[World], dict]:
    """URL arguments ``{"pk": world.<attribute>.pk}``."""
    return lambda world: {"pk": getattr(world, attribute).pk}


def body(world):
    return {"body": BODY_ID}


# Councillors' pages (/meine-anfragen/): councillors only; other roles are refused (403)
# before any object is looked at; another councillor's inquiry is not revealed (404).
COUNCILLORS = only({"councillor": 200, "other_councillor": 200, "anonymous": 302}, others=403)
AUTHOR = only({"councillor": 200, "other_councillor": 404, "anonymous": 302}, others=403)
COUNCILLOR_POST = only({"councillor": 405, "other_councillor": 405, "anonymous": 302}, others=403)
# Council office pages (/buero/): the office; admins are superusers and hold every permission.
OFFICE = only({"office": 200, "admin": 200, "anonymous": 302}, others=403)
# Department pages (/fachbereich/): department staff (docs/answering.md); a question of
# another department is not revealed (404). The office works on its own inquiry page.
DEPARTMENT = only({"clerk_other_department": 200, "head": 200, "admin": 200}, others=403) | {
    "anonymous": 302
}
QUESTION_OF_A = only(
    {"head": 200, "admin": 200, "clerk_other_department": 404, "anonymous": 302},
    others=403,
)
# POST-only staff views: the login first, then GET is not allowed.
POST_ONLY = logged_in(405)


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
    "two_factor_recover": Rule(logged_in()),
    "two_factor_devices": Rule(logged_in()),
    "two_factor_device_remove": Rule(POST_ONLY, kwargs=pk("app")),
    "two_factor_recovery_codes": Rule(logged_in()),
    "two_factor_recovery_codes_new": Rule(POST_ONLY),
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
    "inquiries:attachment": Rule(
        everyone(200),
        kwargs=lambda world: {"pk": world.published.pk, "attachment_pk": world.attachment.pk},
    ),
    "inquiries:start": Rule(everyone(200)),
    "inquiries:feed": Rule(everyone(200)),
    "inquiries:feed_search": Rule(everyone(200)),
    "inquiries:feed_topic": Rule(everyone(200), kwargs=lambda world: {"slug": world.topic.slug}),
    "inquiries:feed_department": Rule(
        everyone(200), kwargs=lambda world: {"pk": world.in_review.lead_department_id}
    ),
    "inquiries:feed_councillor": Rule(
        everyone(200), kwargs=lambda world: {"pk": world.published.author_id}
    ),
    "inquiries:feed_inquiry": Rule(everyone(200), kwargs=published),
    "inquiries:meetings_ical": Rule(everyone(200)),
    "inquiries:statistics": Rule(everyone(200)),
    "inquiries:chart_by_year": Rule(everyone(200)),
    "inquiries:chart_by_department": Rule(everyone(200)),
    "inquiries:subscribe": Rule(everyone(405)),  # POST only
    "inquiries:subscription_confirm": Rule(
        everyone(200), kwargs=lambda world: {"token": world.subscription.token}
    ),
    "inquiries:subscription_unsubscribe": Rule(
        everyone(200), kwargs=lambda world: {"token": world.subscription.token}
    ),
    "inquiries:sitemap": Rule(everyone(200)),
    "inquiries:robots_txt": Rule(everyone(200)),
    # --- councillors ---
    "inquiries:councillor_list": Rule(COUNCILLORS),
    "inquiries:councillor_new": Rule(COUNCILLORS),
    "inquiries:councillor_similar": Rule(COUNCILLORS),
    "inquiries:councillor_detail": Rule(AUTHOR, kwargs=pk("draft")),
    "inquiries:councillor_edit": Rule(AUTHOR, kwargs=pk("draft")),
    "inquiries:councillor_preview": Rule(AUTHOR, kwargs=pk("draft")),
    "inquiries:councillor_submit": Rule(AUTHOR, kwargs=pk("draft")),
    "inquiries:councillor_withdraw": Rule(AUTHOR, kwargs=pk("submitted")),
    "inquiries:councillor_cosign": Rule(COUNCILLOR_POST, kwargs=pk("submitted")),
    # --- council office ---
    "inquiries:office_inbox": Rule(OFFICE),
    "inquiries:office_dashboard": Rule(OFFICE),
    "inquiries:office_enter_inquiry": Rule(OFFICE),
    "inquiries:office_inquiry": Rule(OFFICE, kwargs=pk("submitted")),
    "inquiries:office_register": Rule(POST_ONLY, kwargs=pk("submitted")),
    "inquiries:office_reject": Rule(POST_ONLY, kwargs=pk("submitted")),
    "inquiries:office_route": Rule(POST_ONLY, kwargs=pk("registered")),
    "inquiries:office_publish": Rule(POST_ONLY, kwargs=pk("routed")),
    "inquiries:reply_preview": Rule(
        OFFICE | {"other_councillor": 404, "clerk_other_department": 404}, kwargs=pk("routed")
    ),
    "inquiries:office_audit_csv": Rule(
        only({"office": 200, "admin": 200}, others=403), kwargs=published
    ),
    # --- departments ---
    "inquiries:department_inbox": Rule(DEPARTMENT),
    "inquiries:department_question": Rule(QUESTION_OF_A, kwargs=pk("in_review")),
    "inquiries:department_save_answer": Rule(POST_ONLY, kwargs=pk("drafting")),
    "inquiries:department_send": Rule(POST_ONLY, kwargs=pk("drafting")),
    "inquiries:department_approve": Rule(POST_ONLY, kwargs=pk("in_review")),
    "inquiries:department_return": Rule(POST_ONLY, kwargs=pk("in_review")),
    "inquiries:department_reroute": Rule(POST_ONLY, kwargs=pk("drafting")),
    "inquiries:department_contribute": Rule(POST_ONLY, kwargs=pk("drafting")),
    "inquiries:department_attach": Rule(POST_ONLY, kwargs=pk("drafting")),
    "inquiries:department_holding": Rule(POST_ONLY, kwargs=pk("drafting")),
    "inquiries:department_correct": Rule(
        POST_ONLY, kwargs=lambda world: {"pk": world.published.questions.get(number=1).pk}
    ),
    "inquiries:department_attachment": Rule(
        only(
            {"head": 200, "office": 200, "admin": 200, "anonymous": 302},
            others=404,
        ),
        kwargs=pk("attachment"),
    ),
    # --- Smart City Index ---
    "rankings:index": Rule(everyone(200)),
    "rankings:edition": Rule(everyone(200), kwargs=lambda w: {"year": w.ranking.edition.year}),
    "rankings:edition_csv": Rule(everyone(200), kwargs=lambda w: {"year": w.ranking.edition.year}),
    "rankings:edition_json": Rule(everyone(200), kwargs=lambda w: {"year": w.ranking.edition.year}),
    "rankings:city": Rule(everyone(200), kwargs=lambda w: {"slug": w.ranking.city.slug}),
    "rankings:city_chart": Rule(everyone(200), kwargs=lambda w: {"slug": w.ranking.city.slug}),
    "rankings:city_csv": Rule(everyone(200), kwargs=lambda w: {"slug": w.ranking.city.slug}),
    "rankings:city_json": Rule(everyone(200), kwargs=lambda w: {"slug": w.ranking.city.slug}),
    "rankings:compare": Rule(everyone(200)),
    "rankings:compare_chart": Rule(everyone(200)),
    "rankings:area": Rule(everyone(200), kwargs=lambda w: {"code": w.ranking.area.code}),
    # --- OParl (public read API; only published inquiries and their files) ---
    "oparl:system": Rule(everyone(200)),
    "oparl:body_list": Rule(everyone(200)),
    "oparl:body": Rule(everyone(200), kwargs=lambda world: {"pk": BODY_ID}),
    **{
        f"oparl:{name}_list": Rule(everyone(200), kwargs=body)
        for name in (
            "organization",
            "person",
            "membership",
            "meeting",
            "location",
            "legislative_term",
            "paper",
            "consultation",
            "file",
            "agenda_item",
        )
    },
    "oparl:organization": Rule(
        everyone(200),
        kwargs=lambda world: {"kind": "gremium", "pk": world.published.meeting.committee_id},
    ),
    "oparl:person": Rule(everyone(200), kwargs=lambda world: {"pk": world.published.author_id}),
    "oparl:membership": Rule(
        everyone(200), kwargs=lambda world: {"kind": "gremium", "pk": world.seat.pk}
    ),
    "oparl:faction_membership": Rule(
        everyone(200),
        kwargs=lambda world: {
            "pk": world.published.author_id,
            "faction": world.published.author.faction_id,
        },
    ),
    "oparl:meeting": Rule(everyone(200), kwargs=lambda world: {"pk": world.published.meeting_id}),
    "oparl:location": Rule(everyone(200), kwargs=lambda world: {"pk": world.published.meeting_id}),
    "oparl:legislative_term": Rule(everyone(200), kwargs=pk("term")),
    "oparl:paper": Rule(everyone(200), kwargs=published),
    "oparl:reply_paper": Rule(everyone(200), kwargs=published),
    "oparl:consultation": Rule(everyone(200), kwargs=published),
    "oparl:file": Rule(
        everyone(200), kwargs=lambda world: {"pk": world.published.replies.get().pk}
    ),
    "oparl:file_download": Rule(
        everyone(200), kwargs=lambda world: {"pk": world.published.replies.get().pk}
    ),
    "oparl:not_found": Rule(everyone(404), kwargs=lambda world: {"rest": "gibt-es-nicht"}),
}

# The Django admin checks ``is_staff`` on every one of its URLs itself; its
# generated URLs are covered by this one rule, checked on the index and every
# change list: only staff get in, everyone else is sent to the admin login.
ADMIN_PREFIX = "admin/"
ADMIN = only({"admin": 200}, others=302)
