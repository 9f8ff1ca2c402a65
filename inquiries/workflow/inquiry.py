"""Transitions of an inquiry as a whole: from draft to submitted, registered or rejected,
withdrawn, published; co-signatures and inquiries that arrive on paper.

The answering in between (routing, drafting, approval) is in ``routing`` and
``answering``; an inquiry becomes answered when its last answer is approved.
"""

import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inquiries import notifications
from inquiries.models import AuditEvent, CoSignature, Inquiry, NumberSequence
from inquiries.reply.tasks import schedule_reply_build
from inquiries.workflow.core import (
    Transition,
    TransitionError,
    lock_inquiry,
    set_status,
    write_event,
)

Status = Inquiry.Status
Action = AuditEvent.Action

# Changing the text of a draft (``inquiries.drafting``) is no change of status, but the
# same rule: the author, while it is a draft.
EDIT = Transition(
    "edit",
    Inquiry,
    "inquiries.edit_inquiry",
    frozenset({Status.DRAFT}),
    gettext_lazy("This inquiry has been submitted already; its text can no longer be changed."),
)
SUBMIT = Transition(
    "submit",
    Inquiry,
    "inquiries.submit_inquiry",
    frozenset({Status.DRAFT}),
    gettext_lazy("Only a draft can be submitted."),
)
CONFIRM_COSIGNATURE = Transition(
    "confirm_cosignature",
    Inquiry,
    "inquiries.cosign_inquiry",
    frozenset({Status.DRAFT}),
    gettext_lazy("Only a draft can be co-signed."),
)
WITHDRAW = Transition(
    "withdraw",
    Inquiry,
    "inquiries.withdraw_inquiry",
    frozenset({Status.SUBMITTED, Status.REGISTERED}),
    gettext_lazy("Only a submitted inquiry that is not answered yet can be withdrawn."),
)
RECEIVE = Transition(
    "receive",
    Inquiry,
    "inquiries.enter_inquiry",
    frozenset({Status.DRAFT}),
    gettext_lazy("Only a draft can be submitted."),
)
REGISTER = Transition(
    "register",
    Inquiry,
    "inquiries.register_inquiry",
    frozenset({Status.SUBMITTED}),
    gettext_lazy("Only a submitted inquiry can be registered."),
)
REJECT = Transition(
    "reject",
    Inquiry,
    "inquiries.reject_inquiry",
    frozenset({Status.SUBMITTED}),
    gettext_lazy("Only a submitted inquiry can be rejected."),
)
PUBLISH = Transition(
    "publish",
    Inquiry,
    "inquiries.publish_inquiry",
    frozenset({Status.ANSWERED}),
    gettext_lazy("Only an answered inquiry can be published."),
)


@transaction.atomic
def submit(inquiry: Inquiry, actor: User, now: datetime.datetime | None = None) -> Inquiry:
    inquiry = lock_inquiry(inquiry)
    SUBMIT.check(actor, inquiry)
    now = now or timezone.now()
    if not inquiry.questions.exists():
        raise TransitionError(_("An inquiry needs at least one question."))
    if not inquiry.meeting.is_open_for_inquiries(now):
        raise TransitionError(_("The submission deadline of this meeting has passed."))
    if inquiry.cosignatures.filter(confirmed_at__isnull=True).exists():
        raise TransitionError(_("All co-signers must confirm before the inquiry is submitted."))
    set_status(inquiry, Status.SUBMITTED, actor, Action.SUBMIT, now=now, submitted_at=now)
    notifications.inquiry_submitted(inquiry)
    return inquiry


@transaction.atomic
def confirm_cosignature(
    inquiry: Inquiry, actor: User, now: datetime.datetime | None = None
) -> CoSignature:
    """A co-signer confirms a draft. Not a status change of the inquiry, but audited."""
    inquiry = lock_inquiry(inquiry)
    CONFIRM_COSIGNATURE.check(actor, inquiry)
    now = now or timezone.now()
    signature = inquiry.cosignatures.select_for_update().get(councillor_id=actor.councillor.pk)
    if signature.confirmed_at is not None:
        raise TransitionError(_("You have already confirmed your co-signature."))
    signature.confirmed_at = now
    signature.save(update_fields=["confirmed_at"])
    write_event(
        inquiry,
        actor,
        Action.COSIGN,
        inquiry.status,
        inquiry.status,
        str(actor.councillor),
        now=now,
    )
    return signature


@transaction.atomic
def withdraw(
    inquiry: Inquiry, actor: User, reason: str, now: datetime.datetime | None = None
) -> Inquiry:
    inquiry = lock_inquiry(inquiry)
    WITHDRAW.check(actor, inquiry)
    if not reason.strip():
        raise TransitionError(_("Please give a reason for the withdrawal."))
    return set_status(inquiry, Status.WITHDRAWN, actor, Action.WITHDRAW, reason.strip(), now=now)


@transaction.atomic
def receive(inquiry: Inquiry, actor: User, now: datetime.datetime | None = None) -> Inquiry:
    """The office enters an inquiry that came on paper or by email as submitted.

    The submission deadline is not enforced here: the office sees on the register page
    whether it was met and decides on admissibility there.
    """
    inquiry = lock_inquiry(inquiry)
    RECEIVE.check(actor, inquiry)
    if inquiry.received_via == Inquiry.Channel.PORTAL:
        raise TransitionError(_("Inquiries filed in the portal are submitted by their author."))
    if not inquiry.questions.exists():
        raise TransitionError(_("An inquiry needs at least one question."))
    now = now or timezone.now()
    return set_status(
        inquiry,
        Status.SUBMITTED,
        actor,
        Action.RECEIVE,
        inquiry.get_received_via_display(),
        now=now,
        submitted_at=now,
    )


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
    inquiry = lock_inquiry(inquiry)
    REGISTER.check(actor, inquiry)
    now = now or timezone.now()
    year = timezone.localtime(now).year
    inquiry.number_year = year
    inquiry.number_sequence = _next_number(year)
    inquiry.due_date = due_date
    set_status(
        inquiry,
        Status.REGISTERED,
        actor,
        Action.REGISTER,
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
    inquiry = lock_inquiry(inquiry)
    REJECT.check(actor, inquiry)
    if not reason.strip():
        raise TransitionError(_("Please give a reason for the rejection."))
    set_status(inquiry, Status.REJECTED, actor, Action.REJECT, reason.strip(), now=now)
    notifications.inquiry_rejected(inquiry, reason.strip())
    return inquiry


@transaction.atomic
def publish(inquiry: Inquiry, actor: User, now: datetime.datetime | None = None) -> Inquiry:
    inquiry = lock_inquiry(inquiry)
    PUBLISH.check(actor, inquiry)
    now = now or timezone.now()
    set_status(inquiry, Status.PUBLISHED, actor, Action.PUBLISH, now=now, published_at=now)
    notifications.inquiry_published(inquiry)
    schedule_reply_build(inquiry)  # make sure the released reply PDF exists
    return inquiry
