"""The lifecycle of inquiries and questions: every change of status happens here.

Each transition is one function. It checks that the actor may do it
(``inquiries.permissions``) and that the object is in a state that allows it,
locks the row, saves with ``update_fields``, writes an ``AuditEvent`` and
enqueues its side effects on commit. Anything else that wants a status to
change calls one of these functions.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inquiries.models import Answer, AuditEvent, Inquiry, NumberSequence, Question
from inquiries.reply.tasks import schedule_reply_build  # issue 5: the reply PDF

InquiryStatus = Inquiry.Status
QuestionStatus = Question.Status


class TransitionError(Exception):
    """A transition that is not allowed: wrong state or wrong person.

    ``message`` is a German sentence fit for the user; views turn it into a
    409 (state) or 403 (person).
    """

    def __init__(self, message: str, *, forbidden: bool = False):
        super().__init__(message)
        self.message = message
        self.forbidden = forbidden


def _require(actor, perm: str, obj) -> None:
    if not actor.has_perm(perm, obj):
        raise TransitionError(_("You are not allowed to do this."), forbidden=True)


def _lock_inquiry(inquiry: Inquiry) -> Inquiry:
    return Inquiry.objects.select_for_update().get(pk=inquiry.pk)


def _lock_question(question: Question) -> Question:
    return Question.objects.select_for_update().select_related("inquiry").get(pk=question.pk)


def _expect(obj, allowed: set, message: str) -> None:
    if obj.status not in allowed:
        raise TransitionError(message)


def _log(
    inquiry, actor, action, from_state, to_state, comment="", question=None, public=False, now=None
):
    return AuditEvent.objects.create(
        created_at=now or timezone.now(),
        inquiry=inquiry,
        question=question,
        actor=actor,
        action=action,
        from_state=from_state,
        to_state=to_state,
        comment=comment,
        is_public=public,
    )


def _set_status(inquiry: Inquiry, to: str, actor, action: str, comment="", now=None, **fields):
    from_state = inquiry.status
    inquiry.status = to
    for field, value in fields.items():
        setattr(inquiry, field, value)
    inquiry.save(update_fields=["status", "updated_at", *fields])
    _log(inquiry, actor, action, from_state, to, comment, public=True, now=now)
    return inquiry


# --- Inquiry -----------------------------------------------------------------


@transaction.atomic
def submit(inquiry: Inquiry, actor, now=None) -> Inquiry:
    inquiry = _lock_inquiry(inquiry)
    _require(actor, "inquiries.submit_inquiry", inquiry)
    _expect(inquiry, {InquiryStatus.DRAFT}, _("Only a draft can be submitted."))
    now = now or timezone.now()
    if not inquiry.questions.exists():
        raise TransitionError(_("An inquiry needs at least one question."))
    if not inquiry.meeting.is_open_for_inquiries(now):
        raise TransitionError(_("The submission deadline of this meeting has passed."))
    if inquiry.cosignatures.filter(confirmed_at__isnull=True).exists():
        raise TransitionError(_("All co-signers must confirm before the inquiry is submitted."))
    return _set_status(inquiry, InquiryStatus.SUBMITTED, actor, "submit", now=now, submitted_at=now)


@transaction.atomic
def withdraw(inquiry: Inquiry, actor, reason: str, now=None) -> Inquiry:
    inquiry = _lock_inquiry(inquiry)
    _require(actor, "inquiries.withdraw_inquiry", inquiry)
    _expect(
        inquiry,
        {InquiryStatus.SUBMITTED, InquiryStatus.REGISTERED},
        _("Only a submitted inquiry that is not answered yet can be withdrawn."),
    )
    if not reason.strip():
        raise TransitionError(_("Please give a reason for the withdrawal."))
    return _set_status(inquiry, InquiryStatus.WITHDRAWN, actor, "withdraw", reason.strip(), now=now)


def _next_number(year: int) -> int:
    """Draw the next number of ``year``; gapless, safe against concurrent registration."""
    NumberSequence.objects.bulk_create([NumberSequence(year=year)], ignore_conflicts=True)
    sequence = NumberSequence.objects.select_for_update().get(year=year)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return sequence.last


@transaction.atomic
def register(inquiry: Inquiry, actor, due_date: datetime.date, now=None) -> Inquiry:
    inquiry = _lock_inquiry(inquiry)
    _require(actor, "inquiries.register_inquiry", inquiry)
    _expect(inquiry, {InquiryStatus.SUBMITTED}, _("Only a submitted inquiry can be registered."))
    now = now or timezone.now()
    year = timezone.localtime(now).year
    inquiry.number_year = year
    inquiry.number_sequence = _next_number(year)
    inquiry.due_date = due_date
    return _set_status(
        inquiry,
        InquiryStatus.REGISTERED,
        actor,
        "register",
        now=now,
        registered_at=now,
        number_year=inquiry.number_year,
        number_sequence=inquiry.number_sequence,
        due_date=due_date,
    )


@transaction.atomic
def reject(inquiry: Inquiry, actor, reason: str, now=None) -> Inquiry:
    inquiry = _lock_inquiry(inquiry)
    _require(actor, "inquiries.reject_inquiry", inquiry)
    _expect(inquiry, {InquiryStatus.SUBMITTED}, _("Only a submitted inquiry can be rejected."))
    if not reason.strip():
        raise TransitionError(_("Please give a reason for the rejection."))
    return _set_status(inquiry, InquiryStatus.REJECTED, actor, "reject", reason.strip(), now=now)


@transaction.atomic
def publish(inquiry: Inquiry, actor, now=None) -> Inquiry:
    inquiry = _lock_inquiry(inquiry)
    _require(actor, "inquiries.publish_inquiry", inquiry)
    _expect(inquiry, {InquiryStatus.ANSWERED}, _("Only an answered inquiry can be published."))
    now = now or timezone.now()
    _set_status(inquiry, InquiryStatus.PUBLISHED, actor, "publish", now=now, published_at=now)
    schedule_reply_build(inquiry)  # issue 5: make sure the released reply PDF exists
    return inquiry


# --- Questions ----------------------------------------------------------------


def _set_question_status(question: Question, to: str, actor, action: str, comment="", now=None):
    from_state = question.status
    question.status = to
    question.save(update_fields=["status"])
    _log(question.inquiry, actor, action, from_state, to, comment, question=question, now=now)
    return question


@transaction.atomic
def route(question: Question, actor, lead_department, contributing=(), now=None) -> Question:
    question = _lock_question(question)
    _require(actor, "inquiries.route_question", question.inquiry)
    if question.inquiry.status != InquiryStatus.REGISTERED:
        raise TransitionError(_("Questions can be routed only once the inquiry is registered."))
    _expect(
        question,
        {QuestionStatus.NEW, QuestionStatus.ROUTED},
        _("This question is already being answered."),
    )
    question.lead_department = lead_department
    question.save(update_fields=["lead_department"])
    question.contributing_departments.set(contributing)
    return _set_question_status(
        question, QuestionStatus.ROUTED, actor, "route", comment=str(lead_department), now=now
    )


@transaction.atomic
def draft_answer(question: Question, actor, text: str, also=(), now=None) -> Answer:
    """Write the answer of ``question`` (and of the questions in ``also``: a grouped answer)."""
    question = _lock_question(question)
    _require(actor, "inquiries.draft_answer", question)
    _expect(
        question,
        {QuestionStatus.ROUTED, QuestionStatus.DRAFTING},
        _("This question cannot be answered in its current state."),
    )
    answer = question.answer or Answer(
        inquiry=question.inquiry, department=question.lead_department
    )
    answer.text = text
    answer.drafted_by = actor
    if answer.pk:
        answer.version += 1
    answer.save()
    for other in [question, *also]:
        other = _lock_question(other) if other.pk != question.pk else question
        _require(actor, "inquiries.draft_answer", other)
        other.answer = answer
        other.save(update_fields=["answer"])
        if other.status != QuestionStatus.DRAFTING:
            _set_question_status(other, QuestionStatus.DRAFTING, actor, "draft", now=now)
    return answer


@transaction.atomic
def send_for_review(question: Question, actor, now=None) -> Question:
    question = _lock_question(question)
    _require(actor, "inquiries.draft_answer", question)
    _expect(
        question, {QuestionStatus.DRAFTING}, _("Only a drafted answer can be sent for approval.")
    )
    if question.answer is None or not question.answer.text.strip():
        raise TransitionError(_("Please write the answer before sending it for approval."))
    return _set_question_status(
        question, QuestionStatus.IN_REVIEW, actor, "send_for_review", now=now
    )


@transaction.atomic
def return_answer(question: Question, actor, comment: str, now=None) -> Question:
    question = _lock_question(question)
    _require(actor, "inquiries.approve_answer", question)
    _expect(question, {QuestionStatus.IN_REVIEW}, _("Only an answer in review can be returned."))
    if not comment.strip():
        raise TransitionError(_("Please say what needs to change."))
    return _set_question_status(
        question, QuestionStatus.DRAFTING, actor, "return", comment.strip(), now=now
    )


@transaction.atomic
def approve(question: Question, actor, now=None) -> Question:
    question = _lock_question(question)
    _require(actor, "inquiries.approve_answer", question)
    _expect(question, {QuestionStatus.IN_REVIEW}, _("Only an answer in review can be approved."))
    now = now or timezone.now()
    answer = question.answer
    answer.approved_by = actor
    answer.approved_at = now
    answer.save(update_fields=["approved_by", "approved_at", "updated_at"])
    _set_question_status(question, QuestionStatus.APPROVED, actor, "approve", now=now)
    inquiry = _lock_inquiry(question.inquiry)
    open_questions = inquiry.questions.exclude(status=QuestionStatus.APPROVED)
    if inquiry.status == InquiryStatus.REGISTERED and not open_questions.exists():
        _set_status(inquiry, InquiryStatus.ANSWERED, actor, "answer", now=now, answered_at=now)
        schedule_reply_build(inquiry)  # issue 5: build the reply PDF in the background
    return question
