"""The lifecycle of inquiries and questions: every change of status happens here.

Each transition is one function. It locks the row, checks that the actor may
do it and that the object is in a state that allows it (its ``Transition`` in
the same module: permission and states in one place), saves with
``update_fields``, writes an ``AuditEvent`` and enqueues its side effects on
commit. Anything else that wants a status to change calls one of these
functions; pages ask ``allowed_actions`` what to offer.

Modules by subject:

- ``core``: ``TransitionError``, ``Transition``, locking, audit events;
- ``inquiry``: submit, co-sign, withdraw, receive (paper), register, reject, publish;
- ``routing``: route (also re-route) and the department's request to re-route;
- ``answering``: draft (grouped) answers, contributions, attachments, review, approval;
- ``corrections``: holding answers and corrections of published answers;
- ``actions``: ``allowed_actions(actor, obj)`` over every ``Transition``.

A new transition goes into the module of its subject with its ``Transition``,
is listed in ``actions.TRANSITIONS`` and re-exported here.
"""

from inquiries.workflow.actions import allowed_actions
from inquiries.workflow.answering import (
    DRAFTABLE,
    AnswerConflict,
    add_attachment,
    add_contribution,
    approve,
    draft_answer,
    groupable_with,
    return_answer,
    send_for_review,
)
from inquiries.workflow.core import TransitionError
from inquiries.workflow.corrections import correct_answer, give_holding_answer
from inquiries.workflow.inquiry import (
    EDIT,
    confirm_cosignature,
    publish,
    receive,
    register,
    reject,
    submit,
    withdraw,
)
from inquiries.workflow.routing import ROUTABLE, request_reroute, route, route_many

__all__ = [
    "DRAFTABLE",
    "EDIT",
    "ROUTABLE",
    "AnswerConflict",
    "TransitionError",
    "add_attachment",
    "add_contribution",
    "allowed_actions",
    "approve",
    "confirm_cosignature",
    "correct_answer",
    "draft_answer",
    "give_holding_answer",
    "groupable_with",
    "publish",
    "receive",
    "register",
    "reject",
    "request_reroute",
    "return_answer",
    "route",
    "route_many",
    "send_for_review",
    "submit",
    "withdraw",
]
