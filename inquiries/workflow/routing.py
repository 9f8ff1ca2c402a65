"""Routing questions to departments: the office routes and re-routes, a department asks it to.

A question can be (re-)routed until its answer is sent for approval
(``ROUTABLE``). When the lead department changes, the question leaves the old
department's answer (which is kept) and starts again as "routed".
"""

import datetime
from collections.abc import Iterable, Mapping

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inquiries import notifications
from inquiries.models import AuditEvent, Department, Inquiry, Question
from inquiries.workflow.core import (
    Transition,
    TransitionError,
    expect_state,
    lock_inquiry,
    lock_question,
    set_question_status,
    write_event,
)

Status = Question.Status
Action = AuditEvent.Action

# The states in which a question may be (re-)routed.
ROUTABLE = frozenset({Status.NEW, Status.ROUTED, Status.DRAFTING})

ROUTE = Transition(
    "route",
    Inquiry,
    "inquiries.route_question",
    frozenset({Inquiry.Status.REGISTERED}),
    gettext_lazy("Questions can be routed only once the inquiry is registered."),
)
REQUEST_REROUTE = Transition(
    "request_reroute",
    Question,
    "inquiries.request_reroute",
    frozenset({Status.ROUTED, Status.DRAFTING}),
    gettext_lazy("Re-routing can be requested only before the answer is sent for approval."),
)


@transaction.atomic
def route(
    question: Question,
    actor: User,
    lead_department: Department | None,
    contributing: Iterable[Department] = (),
    comment: str = "",
    now: datetime.datetime | None = None,
) -> Question:
    """Give ``question`` its lead department (and contributing ones); also re-routing."""
    _route(question, actor, lead_department, contributing, comment, now)
    question.refresh_from_db()
    return question


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
    inquiry = lock_inquiry(inquiry)
    ROUTE.require(actor, inquiry)
    changed = 0
    for question, (lead, contributing) in assignments.items():
        if question.inquiry_id != inquiry.pk:
            raise TransitionError(_("This question belongs to another inquiry."))
        changed += _route(question, actor, lead, contributing, comment, now)
    return changed


def _route(
    question: Question,
    actor: User,
    lead_department: Department | None,
    contributing: Iterable[Department],
    comment: str,
    now: datetime.datetime | None,
) -> bool:
    """Route one question inside the caller's transaction; ``True`` if anything changed."""
    question = lock_question(question)
    ROUTE.check(actor, question.inquiry)
    expect_state(question, ROUTABLE, _("This question is already being answered."))
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
    action = Action.ROUTE if before is None else Action.REROUTE
    set_question_status(question, Status.ROUTED, actor, action, comment=note, now=now)
    changed = [lead_department] if before != lead_department.pk else []
    changed += [d for d in contributing if d.pk not in old_contributing]
    notifications.question_routed(question, changed)
    return True


@transaction.atomic
def request_reroute(
    question: Question, actor: User, reason: str, now: datetime.datetime | None = None
) -> Question:
    """A department asks the office to route ``question`` elsewhere, with its reason."""
    question = lock_question(question)
    REQUEST_REROUTE.check(actor, question)
    if not reason.strip():
        raise TransitionError(_("Please say why another department should answer."))
    now = now or timezone.now()
    question.reroute_reason = reason.strip()
    question.reroute_requested_at = now
    question.save(update_fields=["reroute_reason", "reroute_requested_at"])
    write_event(
        question.inquiry,
        actor,
        Action.REQUEST_REROUTE,
        question.status,
        question.status,
        reason.strip(),
        question=question,
        now=now,
    )
    notifications.reroute_requested(question)
    return question
