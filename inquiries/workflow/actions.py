"""What an actor may do with an object now: permission and state together, for pages.

Views and templates ask ``allowed_actions(user, obj)`` and show a button or a
form exactly for the names it returns; they never compare statuses themselves.
The names are those of the workflow functions (``"approve"``, ``"publish"``…).
"""

from django.contrib.auth.models import AnonymousUser, User
from django.db import models

from inquiries.workflow import answering, corrections, inquiry, routing
from inquiries.workflow.core import Transition

TRANSITIONS: tuple[Transition, ...] = (
    inquiry.EDIT,
    inquiry.SUBMIT,
    inquiry.CONFIRM_COSIGNATURE,
    inquiry.WITHDRAW,
    inquiry.RECEIVE,
    inquiry.REGISTER,
    inquiry.REJECT,
    inquiry.PUBLISH,
    routing.ROUTE,
    routing.REQUEST_REROUTE,
    answering.DRAFT_ANSWER,
    answering.ADD_CONTRIBUTION,
    answering.ADD_ATTACHMENT,
    answering.SEND_FOR_REVIEW,
    answering.RETURN_ANSWER,
    answering.APPROVE,
    corrections.GIVE_HOLDING_ANSWER,
    corrections.CORRECT_ANSWER,
)


def allowed_actions(actor: User | AnonymousUser, obj: models.Model | None) -> frozenset[str]:
    """The names of the transitions ``actor`` may do with ``obj`` (an inquiry, question or
    answer) in its present state; empty for ``None``."""
    if obj is None:
        return frozenset()
    return frozenset(
        transition.name
        for transition in TRANSITIONS
        if isinstance(obj, transition.model) and transition.allows(actor, obj)
    )
