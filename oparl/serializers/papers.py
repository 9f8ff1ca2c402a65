"""Paper: each published inquiry ("Anfrage") and its reply ("Beantwortung einer Anfrage").

The inquiry Paper carries its numbered questions and their answers as the
extension ``ratsportal:questions`` (docs/oparl.md): OParl itself knows no
question-level answers, and a client that ignores the key sees plain OParl.
Only approved answers go out; contributions and comments of the departments
never do.
"""

from django.conf import settings

from inquiries.models import Answer, Inquiry
from oparl.serializers.base import (
    EXTENSION,
    Context,
    Data,
    Row,
    compact,
    local_day,
    moment,
    oparl_type,
    stamped,
)
from oparl.serializers.files import reply_file
from oparl.serializers.meetings import consultation
from oparl.serializers.people import DEPARTMENT, FACTION, organization_url

INQUIRY_PAPER = "Anfrage"
REPLY_PAPER = "Beantwortung einer Anfrage"
QUESTIONS_KEY = f"{EXTENSION}:questions"


def _originators(ctx: Context, inquiry: Row) -> list[str]:
    people = [inquiry.author_id] + [c.councillor_id for c in inquiry.ordered_cosignatures]
    return [ctx.url("person", pk) for pk in people]


def _lead_departments(ctx: Context, inquiry: Row) -> list[str]:
    seen = []
    for question in inquiry.ordered_questions:
        if question.lead_department_id and question.lead_department_id not in seen:
            seen.append(question.lead_department_id)
    return [organization_url(ctx, DEPARTMENT, pk) for pk in seen]


def _answer(ctx: Context, answer: Answer | None, shared_with: list[int]) -> Data | None:
    if answer is None or not answer.is_released:
        return None
    corrections = [
        {
            "date": moment(correction.created_at),
            "reason": correction.reason,
            "previousText": correction.previous_text,
        }
        for correction in answer.corrections.all()
    ]
    return compact(
        {
            "text": answer.text,
            "department": organization_url(ctx, DEPARTMENT, answer.department_id),
            "departmentName": str(answer.department),
            "answeredOn": local_day(answer.approved_at),
            "holdingAnswer": answer.is_holding_answer,
            "holdingUntil": answer.holding_until.isoformat() if answer.holding_until else None,
            "sharedWithQuestions": shared_with,
            "corrections": corrections,
        },
        keep=("holdingAnswer", "corrections"),
    )


def questions(ctx: Context, inquiry: Row) -> list[Data]:
    by_answer: dict[int, list[int]] = {}
    for question in inquiry.ordered_questions:
        if question.answer_id:
            by_answer.setdefault(question.answer_id, []).append(question.number)
    result = []
    for question in inquiry.ordered_questions:
        shared = [n for n in by_answer.get(question.answer_id, []) if n != question.number]
        lead = question.lead_department_id
        result.append(
            compact(
                {
                    "number": question.number,
                    "text": question.text,
                    "leadDepartment": organization_url(ctx, DEPARTMENT, lead) if lead else None,
                    "answer": _answer(ctx, question.answer, shared),
                    "web": ctx.absolute(question.get_absolute_url()),
                },
                keep=("answer",),
            )
        )
    return result


def _reference(inquiry: Inquiry) -> str | None:
    return inquiry.number or None


def inquiry_paper(ctx: Context, inquiry: Row) -> Data:
    """The inquiry as an OParl Paper; ``inquiry`` comes from ``selectors.published_inquiries``."""
    files = [reply_file(ctx, doc, embedded=True) for doc in inquiry.released_replies[:1]]
    faction = [organization_url(ctx, FACTION, inquiry.faction_id)] if inquiry.faction_id else []
    data = {
        "id": ctx.url("paper", inquiry.pk),
        "type": oparl_type("Paper"),
        "body": ctx.body,
        "name": inquiry.subject,
        "reference": _reference(inquiry),
        "date": local_day(inquiry.submitted_at or inquiry.created_at),
        "paperType": INQUIRY_PAPER,
        "relatedPaper": [ctx.url("reply_paper", inquiry.pk)],
        "auxiliaryFile": files,
        "originatorPerson": _originators(ctx, inquiry),
        "originatorOrganization": faction,
        "underDirectionOf": _lead_departments(ctx, inquiry),
        "consultation": [consultation(ctx, inquiry, embedded=True)],
        "license": settings.OPARL_LICENSE,
        "web": ctx.absolute(inquiry.get_absolute_url()),
        QUESTIONS_KEY: questions(ctx, inquiry),
    }
    return stamped(compact(data), inquiry)


def reply_paper(ctx: Context, inquiry: Row) -> Data:
    """The administration's reply: the current reply PDF as main file, earlier ones beside it."""
    files = [reply_file(ctx, doc, embedded=True) for doc in inquiry.released_replies]
    label = f"Antwort auf Anfrage {inquiry.number}" if inquiry.number else "Antwort auf Anfrage"
    data = {
        "id": ctx.url("reply_paper", inquiry.pk),
        "type": oparl_type("Paper"),
        "body": ctx.body,
        "name": f"{label}: {inquiry.subject}",
        "reference": _reference(inquiry),
        "date": local_day(inquiry.published_at),
        "paperType": REPLY_PAPER,
        "relatedPaper": [ctx.url("paper", inquiry.pk)],
        "mainFile": files[0] if files else None,
        "auxiliaryFile": files[1:],
        "underDirectionOf": _lead_departments(ctx, inquiry),
        "license": settings.OPARL_LICENSE,
        "web": ctx.absolute(inquiry.get_absolute_url()),
    }
    return stamped(compact(data), inquiry)
