"""After the due date and after publication: holding answers and corrections.

A holding answer (Zwischennachricht) tells the author that the due date cannot
be met and names a new one; a correction (Berichtigung) changes a published
answer and keeps the old text beside it.
"""

import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inquiries import notifications
from inquiries.models import Answer, AnswerCorrection, AuditEvent, Inquiry
from inquiries.permissions import holding_answer_department
from inquiries.workflow.answering import answers_changed
from inquiries.workflow.core import Transition, TransitionError, lock_inquiry, write_event

Action = AuditEvent.Action

GIVE_HOLDING_ANSWER = Transition(
    "give_holding_answer",
    Inquiry,
    "inquiries.give_holding_answer",
    frozenset({Inquiry.Status.REGISTERED}),
    gettext_lazy("A holding answer can be given only while the inquiry is being answered."),
)
CORRECT_ANSWER = Transition(
    "correct_answer",
    Answer,
    "inquiries.correct_answer",
    frozenset({Inquiry.Status.PUBLISHED}),
    gettext_lazy("Only an answer that has been published is changed by a correction."),
    state=lambda answer: answer.inquiry.status,
)


@transaction.atomic
def give_holding_answer(
    inquiry: Inquiry,
    actor: User,
    text: str,
    until: datetime.date,
    now: datetime.datetime | None = None,
) -> Answer:
    """An interim reply (Zwischennachricht): the due date cannot be met, here is a new one."""
    inquiry = lock_inquiry(inquiry)
    GIVE_HOLDING_ANSWER.check(actor, inquiry)
    now = now or timezone.now()
    if not text.strip():
        raise TransitionError(_("Please write the holding answer."))
    if until <= timezone.localdate(now):
        raise TransitionError(_("The new date must lie in the future."))
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
    write_event(
        inquiry,
        actor,
        Action.HOLDING_ANSWER,
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
    CORRECT_ANSWER.require(actor, answer)
    answer.inquiry = inquiry = lock_inquiry(answer.inquiry)
    CORRECT_ANSWER.expect(answer)
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
    write_event(
        inquiry,
        actor,
        Action.CORRECT,
        inquiry.status,
        inquiry.status,
        reason.strip(),
        public=True,
        now=now,
    )
    answers_changed(inquiry, corrected=True)
    return correction
