"""Answering a question: drafting (alone or as a grouped answer), contributions and
attachments, sending for approval, returning and approving.

When the last question of an inquiry is approved, the inquiry becomes answered
and its reply letter is built (``answers_changed``).
"""

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inquiries import notifications
from inquiries.models import (
    Answer,
    AnswerAttachment,
    AuditEvent,
    Contribution,
    Department,
    Inquiry,
    Question,
)
from inquiries.permissions import department_ids
from inquiries.reply.tasks import schedule_reply_build
from inquiries.workflow.core import (
    Transition,
    TransitionError,
    lock_inquiry,
    lock_question,
    refuse_person,
    set_question_status,
    set_status,
    write_event,
)

if TYPE_CHECKING:
    from inquiries.attachments import CheckedUpload

Status = Question.Status
Action = AuditEvent.Action

# The states in which an answer is written (and contributions and attachments added).
DRAFTABLE = frozenset({Status.ROUTED, Status.DRAFTING})

DRAFT_ANSWER = Transition(
    "draft_answer",
    Question,
    "inquiries.draft_answer",
    DRAFTABLE,
    gettext_lazy("This question cannot be answered in its current state."),
)
ADD_CONTRIBUTION = Transition(
    "add_contribution",
    Question,
    "inquiries.contribute",
    DRAFTABLE,
    gettext_lazy("Contributions are possible only while the answer is being drafted."),
)
ADD_ATTACHMENT = Transition(
    "add_attachment",
    Question,
    "inquiries.draft_answer",
    DRAFTABLE,
    gettext_lazy("Attachments can be added only while drafting."),
)
SEND_FOR_REVIEW = Transition(
    "send_for_review",
    Question,
    "inquiries.draft_answer",
    frozenset({Status.DRAFTING}),
    gettext_lazy("Only a drafted answer can be sent for approval."),
)
RETURN_ANSWER = Transition(
    "return_answer",
    Question,
    "inquiries.approve_answer",
    frozenset({Status.IN_REVIEW}),
    gettext_lazy("Only an answer in review can be returned."),
)
APPROVE = Transition(
    "approve",
    Question,
    "inquiries.approve_answer",
    frozenset({Status.IN_REVIEW}),
    gettext_lazy("Only an answer in review can be approved."),
)


class AnswerConflict(TransitionError):
    """Someone else saved the answer since it was opened: the save is refused.

    ``current_text`` and ``current_version`` are what is stored now; the view shows
    both texts so that nothing typed is lost.
    """

    def __init__(self, answer: Answer) -> None:
        super().__init__(
            _(
                "Someone else has changed this answer since you opened it. Your text was "
                "not saved; both versions are shown below."
            )
        )
        self.current_text = answer.text
        self.current_version = answer.version


def groupable_with(question: Question) -> list[Question]:
    """The other questions that may share ``question``'s answer (a grouped answer).

    Questions of the same inquiry and lead department, all still being drafted.
    ``question.inquiry.questions`` may be prefetched.
    """
    if question.status not in DRAFTABLE:
        return []
    return [
        q
        for q in question.inquiry.questions.all()
        if q.pk != question.pk
        and q.lead_department_id == question.lead_department_id
        and q.status in DRAFTABLE
    ]


@transaction.atomic
def draft_answer(
    question: Question,
    actor: User,
    text: str,
    also: Iterable[Question] = (),
    base_version: int | None = None,
    now: datetime.datetime | None = None,
) -> Answer:
    """Write the answer of ``question`` (and of the questions in ``also``: a grouped answer).

    ``base_version`` is the answer version the writer started from (optimistic locking):
    if the stored answer has moved on, ``AnswerConflict`` is raised and nothing is saved.
    """
    question = lock_question(question)
    DRAFT_ANSWER.check(actor, question)
    if question.answer_id:
        answer = Answer.objects.select_for_update().get(pk=question.answer_id)
        if base_version is not None and answer.version != base_version:
            raise AnswerConflict(answer)
    else:
        answer = Answer(inquiry=question.inquiry, department=question.lead_department)
    group = [question]
    for other in also:
        if other.pk == question.pk:
            continue
        other = lock_question(other)
        DRAFT_ANSWER.require(actor, other)
        if other.inquiry_id != question.inquiry_id:
            raise TransitionError(_("Only questions of the same inquiry can share an answer."))
        if other.lead_department_id != question.lead_department_id:
            raise TransitionError(
                _("Only questions of the same lead department can share an answer.")
            )
        DRAFT_ANSWER.expect(other)
        group.append(other)
    answer.text = text.strip()
    answer.drafted_by = actor
    if answer.pk:
        answer.version += 1
        answer.save(update_fields=["text", "drafted_by", "version", "updated_at"])
    else:
        answer.save()
    for member in group:
        if member.answer_id != answer.pk:
            member.answer = answer
            member.save(update_fields=["answer"])
        if member.status != Status.DRAFTING:
            set_question_status(member, Status.DRAFTING, actor, Action.DRAFT, now=now)
    return answer


@transaction.atomic
def add_contribution(
    question: Question,
    actor: User,
    department: Department,
    text: str,
    now: datetime.datetime | None = None,
) -> Contribution:
    """A contributing department's input; the lead department sees it beside its draft."""
    question = lock_question(question)
    ADD_CONTRIBUTION.check(actor, question)
    if department.pk not in department_ids(actor):
        raise refuse_person()
    if not text.strip():
        raise TransitionError(_("Please write your contribution."))
    contribution = Contribution.objects.create(
        question=question, department=department, author=actor, text=text.strip()
    )
    write_event(
        question.inquiry,
        actor,
        Action.CONTRIBUTE,
        question.status,
        question.status,
        department.code,
        question=question,
        now=now,
    )
    notifications.contribution_added(question, department)
    return contribution


@transaction.atomic
def add_attachment(
    question: Question, actor: User, checked_file: "CheckedUpload", title: str = ""
) -> AnswerAttachment:
    """Attach a checked upload (``inquiries.attachments.CheckedUpload``) to the answer."""
    question = lock_question(question)
    ADD_ATTACHMENT.check(actor, question)
    if question.answer_id is None:
        raise TransitionError(_("Please save a draft of the answer before adding attachments."))
    attachment = AnswerAttachment(
        answer=question.answer,
        original_name=checked_file.name,
        title=title.strip(),
        content_type=checked_file.content_type,
        size=checked_file.size,
        sha256=checked_file.sha256,
        uploaded_by=actor,
    )
    attachment.file.save(checked_file.sha256, checked_file.file, save=False)
    attachment.save()
    write_event(
        question.inquiry,
        actor,
        Action.ATTACH,
        question.status,
        question.status,
        checked_file.name,
        question=question,
    )
    return attachment


def _answer_group(question: Question, status: str) -> list[Question]:
    """The questions sharing ``question``'s answer that are in ``status``, locked, in order."""
    if question.answer_id is None:
        return [question] if question.status == status else []
    return list(
        Question.objects.select_for_update()
        .select_related("inquiry")
        .filter(answer_id=question.answer_id, status=status)
        .order_by("number")
    )


@transaction.atomic
def send_for_review(
    question: Question, actor: User, now: datetime.datetime | None = None
) -> Question:
    """Send the answer (with every question it serves) to the head of department."""
    question = lock_question(question)
    SEND_FOR_REVIEW.check(actor, question)
    if question.answer is None or not question.answer.text.strip():
        raise TransitionError(_("Please write the answer before sending it for approval."))
    for member in _answer_group(question, Status.DRAFTING):
        set_question_status(member, Status.IN_REVIEW, actor, Action.SEND_FOR_REVIEW, now=now)
    notifications.answer_in_review(question)
    question.refresh_from_db(fields=["status"])
    return question


@transaction.atomic
def return_answer(
    question: Question, actor: User, comment: str, now: datetime.datetime | None = None
) -> Question:
    question = lock_question(question)
    RETURN_ANSWER.check(actor, question)
    if not comment.strip():
        raise TransitionError(_("Please say what needs to change."))
    for member in _answer_group(question, Status.IN_REVIEW):
        set_question_status(member, Status.DRAFTING, actor, Action.RETURN, comment.strip(), now=now)
    notifications.answer_returned(question, comment.strip())
    question.refresh_from_db(fields=["status"])
    return question


@transaction.atomic
def approve(question: Question, actor: User, now: datetime.datetime | None = None) -> Question:
    """Approve the answer of ``question`` (and of every question it serves).

    When the last question of the inquiry is approved, the inquiry becomes answered.
    """
    question = lock_question(question)
    APPROVE.check(actor, question)
    now = now or timezone.now()
    assert question.answer_id is not None  # in review: the answer was drafted
    answer = Answer.objects.select_for_update().get(pk=question.answer_id)
    answer.approved_by = actor
    answer.approved_at = now
    answer.save(update_fields=["approved_by", "approved_at", "updated_at"])
    for member in _answer_group(question, Status.IN_REVIEW):
        set_question_status(member, Status.APPROVED, actor, Action.APPROVE, now=now)
    inquiry = lock_inquiry(question.inquiry)
    open_questions = inquiry.questions.exclude(status=Status.APPROVED)
    if inquiry.status == Inquiry.Status.REGISTERED and not open_questions.exists():
        set_status(inquiry, Inquiry.Status.ANSWERED, actor, Action.ANSWER, now=now, answered_at=now)
        answers_changed(inquiry, corrected=False)
    question.refresh_from_db(fields=["status"])
    return question


def answers_changed(inquiry: Inquiry, *, corrected: bool) -> None:
    """Hook after the answers of ``inquiry`` became final (answered) or were corrected.

    The reply letter is (re)built in the background and the people concerned are told.
    """
    schedule_reply_build(inquiry)
    if corrected:
        notifications.answer_corrected(inquiry)
    else:
        notifications.inquiry_answered(inquiry)
