"""The lifecycle of inquiries and questions: every change of status happens here.

Each transition is one function. It checks that the actor may do it
(``inquiries.permissions``) and that the object is in a state that allows it,
locks the row, saves with ``update_fields``, writes an ``AuditEvent`` and
enqueues its side effects on commit. Anything else that wants a status to
change calls one of these functions.
"""

import datetime
from collections.abc import Container, Iterable, Mapping
from typing import TYPE_CHECKING

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inquiries import notifications
from inquiries.models import (
    Answer,
    AnswerAttachment,
    AnswerCorrection,
    AuditEvent,
    Contribution,
    CoSignature,
    Department,
    Inquiry,
    NumberSequence,
    Question,
)
from inquiries.reply.tasks import schedule_reply_build

if TYPE_CHECKING:
    from inquiries.attachments import CheckedUpload

InquiryStatus = Inquiry.Status
QuestionStatus = Question.Status


class TransitionError(Exception):
    """A transition that is not allowed: wrong state or wrong person.

    ``message`` is a German sentence fit for the user; views turn it into a
    409 (state) or 403 (person).
    """

    def __init__(self, message: str, *, forbidden: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.forbidden = forbidden


def _require(actor: User, perm: str, obj: Inquiry | Question | Answer) -> None:
    if not actor.has_perm(perm, obj):
        raise TransitionError(_("You are not allowed to do this."), forbidden=True)


def _lock_inquiry(inquiry: Inquiry) -> Inquiry:
    return Inquiry.objects.select_for_update().get(pk=inquiry.pk)


def _lock_question(question: Question) -> Question:
    return Question.objects.select_for_update().select_related("inquiry").get(pk=question.pk)


def _expect(obj: Inquiry | Question, allowed: Container[str], message: str) -> None:
    if obj.status not in allowed:
        raise TransitionError(message)


def _log(
    inquiry: Inquiry,
    actor: User,
    action: str,
    from_state: str,
    to_state: str,
    comment: str = "",
    question: Question | None = None,
    public: bool = False,
    now: datetime.datetime | None = None,
) -> AuditEvent:
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


def _set_status(
    inquiry: Inquiry,
    to: str,
    actor: User,
    action: str,
    comment: str = "",
    now: datetime.datetime | None = None,
    **fields: object,
) -> Inquiry:
    from_state = inquiry.status
    inquiry.status = to
    for field, value in fields.items():
        setattr(inquiry, field, value)
    inquiry.save(update_fields=["status", "updated_at", *fields])
    _log(inquiry, actor, action, from_state, to, comment, public=True, now=now)
    return inquiry


# --- Inquiry -----------------------------------------------------------------


@transaction.atomic
def submit(inquiry: Inquiry, actor: User, now: datetime.datetime | None = None) -> Inquiry:
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
    _set_status(inquiry, InquiryStatus.SUBMITTED, actor, "submit", now=now, submitted_at=now)
    notifications.inquiry_submitted(inquiry)
    return inquiry


@transaction.atomic
def withdraw(
    inquiry: Inquiry, actor: User, reason: str, now: datetime.datetime | None = None
) -> Inquiry:
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
def register(
    inquiry: Inquiry, actor: User, due_date: datetime.date, now: datetime.datetime | None = None
) -> Inquiry:
    inquiry = _lock_inquiry(inquiry)
    _require(actor, "inquiries.register_inquiry", inquiry)
    _expect(inquiry, {InquiryStatus.SUBMITTED}, _("Only a submitted inquiry can be registered."))
    now = now or timezone.now()
    year = timezone.localtime(now).year
    inquiry.number_year = year
    inquiry.number_sequence = _next_number(year)
    inquiry.due_date = due_date
    _set_status(
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
    notifications.inquiry_registered(inquiry)
    return inquiry


@transaction.atomic
def reject(
    inquiry: Inquiry, actor: User, reason: str, now: datetime.datetime | None = None
) -> Inquiry:
    inquiry = _lock_inquiry(inquiry)
    _require(actor, "inquiries.reject_inquiry", inquiry)
    _expect(inquiry, {InquiryStatus.SUBMITTED}, _("Only a submitted inquiry can be rejected."))
    if not reason.strip():
        raise TransitionError(_("Please give a reason for the rejection."))
    _set_status(inquiry, InquiryStatus.REJECTED, actor, "reject", reason.strip(), now=now)
    notifications.inquiry_rejected(inquiry, reason.strip())
    return inquiry


@transaction.atomic
def publish(inquiry: Inquiry, actor: User, now: datetime.datetime | None = None) -> Inquiry:
    inquiry = _lock_inquiry(inquiry)
    _require(actor, "inquiries.publish_inquiry", inquiry)
    _expect(inquiry, {InquiryStatus.ANSWERED}, _("Only an answered inquiry can be published."))
    now = now or timezone.now()
    _set_status(inquiry, InquiryStatus.PUBLISHED, actor, "publish", now=now, published_at=now)
    notifications.inquiry_published(inquiry)
    schedule_reply_build(inquiry)  # make sure the released reply PDF exists
    return inquiry


# --- Questions: routing, drafting, approval (issue 4) ----------------------------------------


def _set_question_status(
    question: Question,
    to: str,
    actor: User,
    action: str,
    comment: str = "",
    now: datetime.datetime | None = None,
) -> Question:
    from_state = question.status
    question.status = to
    question.save(update_fields=["status"])
    _log(question.inquiry, actor, action, from_state, to, comment, question=question, now=now)
    return question


ROUTABLE = {QuestionStatus.NEW, QuestionStatus.ROUTED, QuestionStatus.DRAFTING}


@transaction.atomic
def route(
    question: Question,
    actor: User,
    lead_department: Department | None,
    contributing: Iterable[Department] = (),
    comment: str = "",
    now: datetime.datetime | None = None,
) -> Question:
    """Give ``question`` its lead department (and contributing ones); also re-routing.

    A question can be (re-)routed until its answer is sent for approval. When the lead
    department changes, the question leaves the old department's answer (which is kept)
    and starts again as "routed".
    """
    _route(question, actor, lead_department, contributing, comment, now)
    question.refresh_from_db()
    return question


def _route(
    question: Question,
    actor: User,
    lead_department: Department | None,
    contributing: Iterable[Department],
    comment: str,
    now: datetime.datetime | None,
) -> bool:
    """Route one question inside the caller's transaction; ``True`` if anything changed."""
    question = _lock_question(question)
    _require(actor, "inquiries.route_question", question.inquiry)
    if question.inquiry.status != InquiryStatus.REGISTERED:
        raise TransitionError(_("Questions can be routed only once the inquiry is registered."))
    _expect(question, ROUTABLE, _("This question is already being answered."))
    if lead_department is None:
        raise TransitionError(_("Please choose the lead department."))
    contributing = [d for d in contributing if d.pk != lead_department.pk]
    before = question.lead_department_id
    old_contributing = set(question.contributing_departments.values_list("pk", flat=True))
    new_contributing = {d.pk for d in contributing}
    if before == lead_department.pk and old_contributing == new_contributing:
        if not question.reroute_reason:
            return False  # nothing changes: no event, no email
    fields = ["lead_department", "reroute_reason", "reroute_requested_at"]
    question.lead_department = lead_department
    question.reroute_reason = ""
    question.reroute_requested_at = None
    if before is not None and before != lead_department.pk:
        question.answer = None
        fields.append("answer")
    question.save(update_fields=fields)
    question.contributing_departments.set(contributing)
    note = str(lead_department)
    if contributing:
        note += " (" + ", ".join(d.code for d in contributing) + ")"
    if comment.strip():
        note += ": " + comment.strip()
    action = "route" if before is None else "reroute"
    _set_question_status(question, QuestionStatus.ROUTED, actor, action, comment=note, now=now)
    changed = [lead_department] if before != lead_department.pk else []
    changed += [d for d in contributing if d.pk not in old_contributing]
    notifications.question_routed(question, changed)
    return True


@transaction.atomic
def route_many(
    inquiry: Inquiry,
    actor: User,
    assignments: Mapping[Question, tuple[Department | None, Iterable[Department]]],
    comment: str = "",
    now: datetime.datetime | None = None,
) -> int:
    """Route several questions of ``inquiry`` in one go.

    ``assignments`` maps each question to ``(lead_department, contributing departments)``.
    Either all are routed or none. Returns how many questions changed.
    """
    inquiry = _lock_inquiry(inquiry)
    _require(actor, "inquiries.route_question", inquiry)
    changed = 0
    for question, (lead, contributing) in assignments.items():
        if question.inquiry_id != inquiry.pk:
            raise TransitionError(_("This question belongs to another inquiry."))
        changed += _route(question, actor, lead, contributing, comment, now)
    return changed


@transaction.atomic
def request_reroute(
    question: Question, actor: User, reason: str, now: datetime.datetime | None = None
) -> Question:
    """A department asks the office to route ``question`` elsewhere, with its reason."""
    question = _lock_question(question)
    _require(actor, "inquiries.request_reroute", question)
    _expect(
        question,
        {QuestionStatus.ROUTED, QuestionStatus.DRAFTING},
        _("Re-routing can be requested only before the answer is sent for approval."),
    )
    if not reason.strip():
        raise TransitionError(_("Please say why another department should answer."))
    now = now or timezone.now()
    question.reroute_reason = reason.strip()
    question.reroute_requested_at = now
    question.save(update_fields=["reroute_reason", "reroute_requested_at"])
    _log(
        question.inquiry,
        actor,
        "request_reroute",
        question.status,
        question.status,
        reason.strip(),
        question=question,
        now=now,
    )
    notifications.reroute_requested(question)
    return question


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


DRAFTABLE = {QuestionStatus.ROUTED, QuestionStatus.DRAFTING}


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
    question = _lock_question(question)
    _require(actor, "inquiries.draft_answer", question)
    _expect(question, DRAFTABLE, _("This question cannot be answered in its current state."))
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
        other = _lock_question(other)
        _require(actor, "inquiries.draft_answer", other)
        if other.inquiry_id != question.inquiry_id:
            raise TransitionError(_("Only questions of the same inquiry can share an answer."))
        if other.lead_department_id != question.lead_department_id:
            raise TransitionError(
                _("Only questions of the same lead department can share an answer.")
            )
        _expect(other, DRAFTABLE, _("This question cannot be answered in its current state."))
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
        if member.status != QuestionStatus.DRAFTING:
            _set_question_status(member, QuestionStatus.DRAFTING, actor, "draft", now=now)
    return answer


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
    question = _lock_question(question)
    _require(actor, "inquiries.draft_answer", question)
    _expect(
        question, {QuestionStatus.DRAFTING}, _("Only a drafted answer can be sent for approval.")
    )
    if question.answer is None or not question.answer.text.strip():
        raise TransitionError(_("Please write the answer before sending it for approval."))
    for member in _answer_group(question, QuestionStatus.DRAFTING):
        _set_question_status(member, QuestionStatus.IN_REVIEW, actor, "send_for_review", now=now)
    notifications.answer_in_review(question)
    question.refresh_from_db(fields=["status"])
    return question


@transaction.atomic
def return_answer(
    question: Question, actor: User, comment: str, now: datetime.datetime | None = None
) -> Question:
    question = _lock_question(question)
    _require(actor, "inquiries.approve_answer", question)
    _expect(question, {QuestionStatus.IN_REVIEW}, _("Only an answer in review can be returned."))
    if not comment.strip():
        raise TransitionError(_("Please say what needs to change."))
    for member in _answer_group(question, QuestionStatus.IN_REVIEW):
        _set_question_status(
            member, QuestionStatus.DRAFTING, actor, "return", comment.strip(), now=now
        )
    notifications.answer_returned(question, comment.strip())
    question.refresh_from_db(fields=["status"])
    return question


@transaction.atomic
def approve(question: Question, actor: User, now: datetime.datetime | None = None) -> Question:
    """Approve the answer of ``question`` (and of every question it serves).

    When the last question of the inquiry is approved, the inquiry becomes answered.
    """
    question = _lock_question(question)
    _require(actor, "inquiries.approve_answer", question)
    _expect(question, {QuestionStatus.IN_REVIEW}, _("Only an answer in review can be approved."))
    now = now or timezone.now()
    assert question.answer_id is not None  # in review: the answer was drafted
    answer = Answer.objects.select_for_update().get(pk=question.answer_id)
    answer.approved_by = actor
    answer.approved_at = now
    answer.save(update_fields=["approved_by", "approved_at", "updated_at"])
    for member in _answer_group(question, QuestionStatus.IN_REVIEW):
        _set_question_status(member, QuestionStatus.APPROVED, actor, "approve", now=now)
    inquiry = _lock_inquiry(question.inquiry)
    open_questions = inquiry.questions.exclude(status=QuestionStatus.APPROVED)
    if inquiry.status == InquiryStatus.REGISTERED and not open_questions.exists():
        _set_status(inquiry, InquiryStatus.ANSWERED, actor, "answer", now=now, answered_at=now)
        _answers_changed(inquiry, corrected=False)
    question.refresh_from_db(fields=["status"])
    return question


# --- Councillors: co-signatures and submission notices (issue 3) -----------------------


@transaction.atomic
def confirm_cosignature(
    inquiry: Inquiry, actor: User, now: datetime.datetime | None = None
) -> CoSignature:
    """A co-signer confirms a draft. Not a status change of the inquiry, but audited."""
    inquiry = _lock_inquiry(inquiry)
    _require(actor, "inquiries.cosign_inquiry", inquiry)
    _expect(inquiry, {InquiryStatus.DRAFT}, _("Only a draft can be co-signed."))
    now = now or timezone.now()
    signature = inquiry.cosignatures.select_for_update().get(councillor_id=actor.councillor.pk)
    if signature.confirmed_at is not None:
        raise TransitionError(_("You have already confirmed your co-signature."))
    signature.confirmed_at = now
    signature.save(update_fields=["confirmed_at"])
    _log(inquiry, actor, "cosign", inquiry.status, inquiry.status, str(actor.councillor), now=now)
    return signature


def _answers_changed(inquiry: Inquiry, *, corrected: bool) -> None:
    """Hook after the answers of ``inquiry`` became final (answered) or were corrected.

    The reply letter is (re)built in the background and the people concerned are told.
    """
    schedule_reply_build(inquiry)
    if corrected:
        notifications.answer_corrected(inquiry)
    else:
        notifications.inquiry_answered(inquiry)


# --- Holding answers, corrections, contributions, attachments (issue 4) ----------------------


@transaction.atomic
def give_holding_answer(
    inquiry: Inquiry,
    actor: User,
    text: str,
    until: datetime.date,
    now: datetime.datetime | None = None,
) -> Answer:
    """An interim reply (Zwischennachricht): the due date cannot be met, here is a new one."""
    inquiry = _lock_inquiry(inquiry)
    _require(actor, "inquiries.give_holding_answer", inquiry)
    _expect(
        inquiry,
        {InquiryStatus.REGISTERED},
        _("A holding answer can be given only while the inquiry is being answered."),
    )
    now = now or timezone.now()
    if not text.strip():
        raise TransitionError(_("Please write the holding answer."))
    if until <= timezone.localdate(now):
        raise TransitionError(_("The new date must lie in the future."))
    from inquiries.permissions import holding_answer_department

    answer = Answer.objects.create(
        inquiry=inquiry,
        department=holding_answer_department(actor, inquiry),
        text=text.strip(),
        is_holding_answer=True,
        holding_until=until,
        drafted_by=actor,
        approved_by=actor,
        approved_at=now,
    )
    previous = inquiry.due_date
    inquiry.due_date = until
    inquiry.save(update_fields=["due_date", "updated_at"])
    comment = _("New date: %(date)s") % {"date": until.strftime("%d.%m.%Y")}
    if previous:
        comment += " (" + _("before: %(date)s") % {"date": previous.strftime("%d.%m.%Y")} + ")"
    _log(
        inquiry,
        actor,
        "holding_answer",
        inquiry.status,
        inquiry.status,
        comment,
        public=False,
        now=now,
    )
    notifications.holding_answer_given(inquiry, answer)
    return answer


@transaction.atomic
def correct_answer(
    answer: Answer, actor: User, text: str, reason: str, now: datetime.datetime | None = None
) -> AnswerCorrection:
    """Change a published answer by a correction (Berichtigung): the old text is kept."""
    answer = Answer.objects.select_for_update().select_related("inquiry").get(pk=answer.pk)
    _require(actor, "inquiries.correct_answer", answer)
    inquiry = _lock_inquiry(answer.inquiry)
    _expect(
        inquiry,
        {InquiryStatus.PUBLISHED},
        _("Only an answer that has been published is changed by a correction."),
    )
    if not reason.strip():
        raise TransitionError(_("Please give the reason for the correction."))
    if not text.strip() or text.strip() == answer.text:
        raise TransitionError(_("The corrected text must differ from the published one."))
    correction = AnswerCorrection.objects.create(
        answer=answer, previous_text=answer.text, reason=reason.strip(), corrected_by=actor
    )
    answer.text = text.strip()
    answer.version += 1
    answer.save(update_fields=["text", "version", "updated_at"])
    _log(
        inquiry,
        actor,
        "correct",
        inquiry.status,
        inquiry.status,
        reason.strip(),
        public=True,
        now=now,
    )
    _answers_changed(inquiry, corrected=True)
    return correction


@transaction.atomic
def add_contribution(
    question: Question,
    actor: User,
    department: Department,
    text: str,
    now: datetime.datetime | None = None,
) -> Contribution:
    """A contributing department's input; the lead department sees it beside its draft."""
    question = _lock_question(question)
    _require(actor, "inquiries.contribute", question)
    _expect(
        question,
        DRAFTABLE,
        _("Contributions are possible only while the answer is being drafted."),
    )
    from inquiries.permissions import department_ids

    if department.pk not in department_ids(actor):
        raise TransitionError(_("You are not allowed to do this."), forbidden=True)
    if not text.strip():
        raise TransitionError(_("Please write your contribution."))
    contribution = Contribution.objects.create(
        question=question, department=department, author=actor, text=text.strip()
    )
    _log(
        question.inquiry,
        actor,
        "contribute",
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
    question = _lock_question(question)
    _require(actor, "inquiries.draft_answer", question)
    _expect(question, DRAFTABLE, _("Attachments can be added only while drafting."))
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
    _log(
        question.inquiry,
        actor,
        "attach",
        question.status,
        question.status,
        checked_file.name,
        question=question,
    )
    return attachment


# --- Inquiries that arrive on paper or by email (issue 4) -------------------------------------


@transaction.atomic
def receive(inquiry: Inquiry, actor: User, now: datetime.datetime | None = None) -> Inquiry:
    """The office enters an inquiry that came on paper or by email as submitted.

    The submission deadline is not enforced here: the office sees on the register page
    whether it was met and decides on admissibility there.
    """
    inquiry = _lock_inquiry(inquiry)
    _require(actor, "inquiries.enter_inquiry", inquiry)
    _expect(inquiry, {InquiryStatus.DRAFT}, _("Only a draft can be submitted."))
    if inquiry.received_via == Inquiry.Channel.PORTAL:
        raise TransitionError(_("Inquiries filed in the portal are submitted by their author."))
    if not inquiry.questions.exists():
        raise TransitionError(_("An inquiry needs at least one question."))
    now = now or timezone.now()
    return _set_status(
        inquiry,
        InquiryStatus.SUBMITTED,
        actor,
        "receive",
        inquiry.get_received_via_display(),
        now=now,
        submitted_at=now,
    )
