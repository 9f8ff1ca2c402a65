"""What a reply letter is built from: the inquiry and its answers as plain data.

The same dict is embedded in the PDF as JSON (``antwort.json``), stored on the
``ReplyDocument`` (so that a lost file can be rebuilt exactly) and hashed: a
reply whose ``content_hash`` differs from the hash of the current content is
stale.
"""

import datetime
import hashlib
import json
from typing import TypeGuard

from django.utils import timezone

from inquiries.models import Answer, Inquiry

FORMAT = "ratsportal-reply/1"
# Only these inquiries get a released reply; a draft can be previewed at any time.
RELEASABLE = {Inquiry.Status.ANSWERED, Inquiry.Status.PUBLISHED}


def _date(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return value.isoformat()


def _person(councillor) -> dict:
    return {
        "title": councillor.title,
        "name": councillor.full_name,
        "faction": councillor.faction.name if councillor.faction_id else None,
    }


def _answer(answer, numbers: list[int]) -> dict:
    return {
        "id": answer.pk,
        "questions": numbers,
        "department": {"code": answer.department.code, "name": answer.department.name},
        "text": answer.text,
        "is_holding_answer": answer.is_holding_answer,
        "holding_until": _date(answer.holding_until),
        "approved_on": _date(answer.approved_at),
        "attachments": [
            {
                "title": attachment.title or attachment.original_name,
                "file_name": attachment.original_name,
                "content_type": attachment.content_type,
                "size": attachment.size,
                "sha256": attachment.sha256,
            }
            for attachment in answer.attachments.all()
        ],
        "corrections": [
            {"date": _date(correction.created_at), "reason": correction.reason}
            for correction in answer.corrections.all()
        ],
    }


def _is_released(answer: Answer | None) -> TypeGuard[Answer]:
    return answer is not None and answer.is_released


def build_payload(inquiry: Inquiry, *, today: datetime.date | None = None) -> dict:
    """The reply content of ``inquiry`` (load it with ``selectors.inquiry_for_reply``).

    Only approved answers are included; a question without one has ``answer: None``.
    The letter date is the day of the last approval or correction, so the same
    content always gives the same payload and hash.
    """
    questions = list(inquiry.questions.all())
    answers: dict[int, Answer] = {}
    numbers: dict[int, list[int]] = {}
    for question in questions:
        if _is_released(question.answer):
            answers.setdefault(question.answer.pk, question.answer)
            numbers.setdefault(question.answer.pk, []).append(question.number)
    moments = [inquiry.answered_at] + [a.approved_at for a in answers.values()]
    moments += [c.created_at for a in answers.values() for c in a.corrections.all()]
    known = [m for m in moments if m is not None]
    letter_date = _date(max(known)) if known else (today or timezone.localdate()).isoformat()
    faction = inquiry.effective_faction
    meeting = inquiry.meeting
    return {
        "format": FORMAT,
        "letter_date": letter_date,
        "inquiry": {
            "id": inquiry.pk,
            "number": inquiry.number,
            "subject": inquiry.subject,
            "preamble": inquiry.preamble,
            "submitted_on": _date(inquiry.submitted_at),
            "faction": faction.name if faction else None,
            "author": _person(inquiry.author),
            "cosigners": [_person(c) for c in inquiry.cosigners.all()],
            "meeting": {
                "committee": meeting.committee.name,
                "committee_kind": meeting.committee.kind,
                "date": _date(meeting.starts_at),
            },
        },
        "questions": [
            {
                "number": q.number,
                "text": q.text,
                "answer": q.answer.pk if _is_released(q.answer) else None,
            }
            for q in questions
        ],
        "answers": [_answer(answer, numbers[pk]) for pk, answer in answers.items()],
    }


def is_complete(payload: dict) -> bool:
    """Every question has an approved answer (a holding answer counts)."""
    return bool(payload["questions"]) and all(q["answer"] for q in payload["questions"])


def canonical_json(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def content_hash(payload: dict) -> str:
    return hashlib.sha256(canonical_json(payload)).hexdigest()
