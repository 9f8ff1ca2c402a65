"""Many inquiries at once, shaped as the workflow leaves them: the one bulk-data builder.

For the benchmarks (``bench/``) and for tests of long lists: ``create_inquiries``
writes what ``InquirySpec``s describe with ``bulk_create``, in a fixed number of
queries however many there are. Nothing here checks a rule of the workflow (that
is tested elsewhere); the rows look as if the workflow had written them.
"""

import datetime
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from inquiries.models import (
    Answer,
    AuditEvent,
    CoSignature,
    Councillor,
    Department,
    Inquiry,
    Meeting,
    Question,
    ReplyDocument,
    Topic,
)


@dataclass
class QuestionSpec:
    text: str
    lead_department: Department | None = None
    status: str = Question.Status.APPROVED
    # The text of its answer (approved with the inquiry's ``answered_at`` if the question is).
    answer: str | None = None
    # Answered by the answer of the question before it (a grouped answer).
    with_previous: bool = False


@dataclass
class InquirySpec:
    meeting: Meeting
    author: Councillor
    subject: str
    questions: list[QuestionSpec]
    status: str = Inquiry.Status.PUBLISHED
    preamble: str = ""
    number: tuple[int, int] | None = None  # (year, sequence)
    submitted_at: datetime.datetime | None = None
    registered_at: datetime.datetime | None = None
    due_date: datetime.date | None = None
    answered_at: datetime.datetime | None = None
    published_at: datetime.datetime | None = None
    topics: Sequence[Topic] = field(default_factory=tuple)
    cosigners: Sequence[Councillor] = field(default_factory=tuple)


def create_inquiries(
    specs: Sequence[InquirySpec], *, events_by=None, reply_pdf: bytes | None = None
) -> list[Inquiry]:
    """The inquiries of ``specs`` with questions, answers, topics and co-signatures.

    With ``events_by`` (a user) each published one gets its public timeline (submitted,
    registered, published); with ``reply_pdf`` each published one gets that file as its
    released reply letter (version 1).
    """
    inquiries = Inquiry.objects.bulk_create(_inquiry(spec) for spec in specs)
    pairs = list(zip(specs, inquiries, strict=True))
    answers: list[Answer] = []
    questions: list[tuple[Answer | None, Question]] = []
    for spec, inquiry in pairs:
        answer = None
        for number, question_spec in enumerate(spec.questions, start=1):
            if question_spec.answer is not None and not question_spec.with_previous:
                approved = question_spec.status == Question.Status.APPROVED
                answer = Answer(
                    inquiry=inquiry,
                    department=question_spec.lead_department,
                    text=question_spec.answer,
                    approved_at=spec.answered_at if approved else None,
                )
                answers.append(answer)
            elif not question_spec.with_previous:
                answer = None
            questions.append(
                (
                    answer,
                    Question(
                        inquiry=inquiry,
                        number=number,
                        text=question_spec.text,
                        status=question_spec.status,
                        lead_department=question_spec.lead_department,
                    ),
                )
            )
    Answer.objects.bulk_create(answers)
    for shared, question in questions:
        question.answer = shared
    Question.objects.bulk_create(question for _shared, question in questions)
    Inquiry.topics.through.objects.bulk_create(
        Inquiry.topics.through(inquiry_id=inquiry.pk, topic_id=topic.pk)
        for spec, inquiry in pairs
        for topic in spec.topics
    )
    CoSignature.objects.bulk_create(
        CoSignature(inquiry=inquiry, councillor=cosigner, confirmed_at=spec.submitted_at)
        for spec, inquiry in pairs
        for cosigner in spec.cosigners
    )
    published = [inquiry for inquiry in inquiries if inquiry.status == Inquiry.Status.PUBLISHED]
    if events_by is not None:
        AuditEvent.objects.bulk_create(
            event for inquiry in published for event in _timeline(inquiry, events_by)
        )
    if reply_pdf is not None:
        ReplyDocument.objects.bulk_create(_reply(inquiry, reply_pdf) for inquiry in published)
    return inquiries


def _inquiry(spec: InquirySpec) -> Inquiry:
    year, sequence = spec.number or (None, None)
    return Inquiry(
        meeting=spec.meeting,
        author=spec.author,
        subject=spec.subject,
        preamble=spec.preamble,
        status=spec.status,
        number_year=year,
        number_sequence=sequence,
        submitted_at=spec.submitted_at,
        registered_at=spec.registered_at,
        due_date=spec.due_date,
        answered_at=spec.answered_at,
        published_at=spec.published_at,
    )


def _timeline(inquiry: Inquiry, actor) -> list[AuditEvent]:
    Status, Action = Inquiry.Status, AuditEvent.Action
    published_at = inquiry.published_at
    assert published_at is not None  # only published inquiries get a timeline
    steps = [
        (Action.SUBMIT, Status.DRAFT, Status.SUBMITTED, inquiry.submitted_at),
        (Action.REGISTER, Status.SUBMITTED, Status.REGISTERED, inquiry.registered_at),
        (Action.PUBLISH, Status.ANSWERED, Status.PUBLISHED, inquiry.published_at),
    ]
    return [
        AuditEvent(
            inquiry=inquiry,
            actor=actor,
            action=action,
            from_state=from_state,
            to_state=to_state,
            is_public=True,
            created_at=when or published_at,
        )
        for action, from_state, to_state, when in steps
    ]


def _reply(inquiry: Inquiry, pdf: bytes) -> ReplyDocument:
    sha = hashlib.sha256(pdf).hexdigest()
    name = default_storage.save(f"replies/{inquiry.pk}/v1-{sha[:12]}.pdf", ContentFile(pdf))
    return ReplyDocument(
        inquiry=inquiry,
        version=1,
        file=name,
        size=len(pdf),
        sha256=sha,
        content_hash=sha,
        released_at=inquiry.published_at,
    )
