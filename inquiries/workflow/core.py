"""What every transition shares: the refusal, the permission-and-state rule, locks, audit events.

A ``Transition`` names one change of state: the permission (``inquiries.permissions``)
the actor needs, the states the object must be in, and the German sentence that
refuses any other state. The transition function checks it with ``check`` inside
its transaction, after locking the row; ``allowed_actions`` asks the same
``allows`` for pages, so a button is shown exactly when the click would succeed
(as far as permission and state go).
"""

import datetime
import operator
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from inquiries.models import AuditEvent, Inquiry, Question


class TransitionError(Exception):
    """A transition that is not allowed: wrong state or wrong person.

    ``message`` is a German sentence fit for the user; views turn it into a
    409 (state) or 403 (person).
    """

    def __init__(self, message: str, *, forbidden: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.forbidden = forbidden


def refuse_person() -> TransitionError:
    return TransitionError(_("You are not allowed to do this."), forbidden=True)


def expect_state(obj: Inquiry | Question, allowed: Collection[str], message: str | Promise) -> None:
    """Refuse (409) unless ``obj.status`` is one of ``allowed``."""
    if obj.status not in allowed:
        raise TransitionError(str(message))


@dataclass(frozen=True)
class Transition:
    """Who may change what, and from which states: permission and state asked together.

    ``model`` is the kind of object the rule is asked about (``allowed_actions``
    uses it); ``state`` reads the state that must be one of ``states`` (by
    default the object's own ``status``).
    """

    name: str
    model: type[models.Model]
    perm: str
    states: frozenset[str]
    refusal: Promise
    state: Callable[[Any], str] = operator.attrgetter("status")

    def allows(self, actor: User | AnonymousUser, obj: models.Model) -> bool:
        """Whether ``actor`` may do this to ``obj`` now (no exception, for pages)."""
        return self.state(obj) in self.states and actor.has_perm(self.perm, obj)

    def require(self, actor: User | AnonymousUser, obj: models.Model) -> None:
        """Refuse (403) unless ``actor`` has the permission on ``obj``."""
        if not actor.has_perm(self.perm, obj):
            raise refuse_person()

    def expect(self, obj: models.Model) -> None:
        """Refuse (409) unless ``obj`` is in one of the states."""
        if self.state(obj) not in self.states:
            raise TransitionError(str(self.refusal))

    def check(self, actor: User | AnonymousUser, obj: models.Model) -> None:
        """``require`` then ``expect``: a wrong person hears 403 before a wrong state 409."""
        self.require(actor, obj)
        self.expect(obj)


def lock_inquiry(inquiry: Inquiry) -> Inquiry:
    return Inquiry.objects.select_for_update().get(pk=inquiry.pk)


def lock_question(question: Question) -> Question:
    return Question.objects.select_for_update().select_related("inquiry").get(pk=question.pk)


def write_event(
    inquiry: Inquiry,
    actor: User,
    action: AuditEvent.Action,
    from_state: str,
    to_state: str,
    comment: str = "",
    question: Question | None = None,
    public: bool = False,
    now: datetime.datetime | None = None,
) -> AuditEvent:
    """The audit event of one transition (never changed afterwards)."""
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


def set_status(
    inquiry: Inquiry,
    to: str,
    actor: User,
    action: AuditEvent.Action,
    comment: str = "",
    now: datetime.datetime | None = None,
    **fields: object,
) -> Inquiry:
    """Move ``inquiry`` to ``to`` (saving ``fields`` with it) and write its public event."""
    from_state = inquiry.status
    inquiry.status = to
    for field, value in fields.items():
        setattr(inquiry, field, value)
    inquiry.save(update_fields=["status", "updated_at", *fields])
    write_event(inquiry, actor, action, from_state, to, comment, public=True, now=now)
    return inquiry


def set_question_status(
    question: Question,
    to: str,
    actor: User,
    action: AuditEvent.Action,
    comment: str = "",
    now: datetime.datetime | None = None,
) -> Question:
    """Move ``question`` to ``to`` and write its (internal) event."""
    from_state = question.status
    question.status = to
    question.save(update_fields=["status"])
    write_event(
        question.inquiry, actor, action, from_state, to, comment, question=question, now=now
    )
    return question
