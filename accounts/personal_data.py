"""Everything the portal stores about one user, for the GDPR export (Art. 15, 20 DSGVO).

Texts the user wrote in their role (inquiries, answers, contributions) are
listed with their ids and subjects; their full wording is on the pages the
user can already see.
"""

from django.contrib.auth.models import User

from accounts.devices import confirmed_apps, recovery_codes_left
from accounts.models import AccountEvent
from inquiries.models import (
    Answer,
    AnswerAttachment,
    AuditEvent,
    Contribution,
    CoSignature,
    Inquiry,
    StaffMembership,
)


def _when(value):
    return value.isoformat() if value else None


def personal_data(user: User) -> dict:
    data = {
        "account": {
            "username": user.username,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "date_joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
            "groups": sorted(user.groups.values_list("name", flat=True)),
            "is_admin": user.is_superuser,
        },
        "councillor": None,
        "staff_memberships": [
            {"department": m.department.code, "role": m.role}
            for m in StaffMembership.objects.filter(user=user).select_related("department")
        ],
        "answers_drafted": [
            {"id": a.pk, "inquiry": a.inquiry_id, "created_at": _when(a.created_at)}
            for a in Answer.objects.filter(drafted_by=user).order_by("pk")
        ],
        "answers_approved": [
            {"id": a.pk, "inquiry": a.inquiry_id, "approved_at": _when(a.approved_at)}
            for a in Answer.objects.filter(approved_by=user).order_by("pk")
        ],
        "contributions": [
            {
                "id": c.pk,
                "question": c.question_id,
                "text": c.text,
                "created_at": _when(c.created_at),
            }
            for c in Contribution.objects.filter(author=user).order_by("pk")
        ],
        "attachments_uploaded": [
            {"id": a.pk, "name": a.original_name, "created_at": _when(a.created_at)}
            for a in AnswerAttachment.objects.filter(uploaded_by=user).order_by("pk")
        ],
        "actions": [
            {
                "time": _when(e.created_at),
                "inquiry": e.inquiry_id,
                "action": e.action,
                "from": e.from_state,
                "to": e.to_state,
                "comment": e.comment,
            }
            for e in AuditEvent.objects.filter(actor=user).order_by("created_at", "pk")
        ],
        "two_factor": {
            "apps": [
                {"name": d.name, "created_at": _when(d.created_at)} for d in confirmed_apps(user)
            ],
            "recovery_codes_left": recovery_codes_left(user),
            "events": [
                {"time": _when(e.created_at), "action": e.action, "by_self": e.actor_id == user.pk}
                for e in AccountEvent.objects.filter(user=user).order_by("created_at", "pk")
            ],
        },
    }
    councillor = getattr(user, "councillor", None)
    if councillor is not None:
        data["councillor"] = {
            "title": councillor.title,
            "first_name": councillor.first_name,
            "last_name": councillor.last_name,
            "faction": councillor.faction.name if councillor.faction else None,
            "email": councillor.email,
            "phone": councillor.phone,
            "committees": sorted(councillor.committees.values_list("name", flat=True)),
            "inquiries": [
                {
                    "id": i.pk,
                    "number": i.number,
                    "subject": i.subject,
                    "status": i.status,
                    "created_at": _when(i.created_at),
                }
                for i in Inquiry.objects.filter(author=councillor).order_by("pk")
            ],
            "co_signed": [
                {"inquiry": c.inquiry_id, "confirmed_at": _when(c.confirmed_at)}
                for c in CoSignature.objects.filter(councillor=councillor).order_by("pk")
            ],
        }
    return data
