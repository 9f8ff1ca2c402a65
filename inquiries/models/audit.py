"""The audit trail: one row for every change of state, never edited or deleted.

What each action (of ``inquiries.workflow`` and the draft service) is called
is its label in ``AuditEvent.Action``.
"""

from typing import Self

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inquiries.models.inquiry import Inquiry, Question


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def public(self) -> Self:
        return self.filter(is_public=True)


class AuditEvent(models.Model):
    class Action(models.TextChoices):
        """What happened; the labels are what the timeline and the admin show."""

        CREATE = "create", _("Draft created")
        COSIGN = "cosign", _("Co-signature confirmed")
        SUBMIT = "submit", _("Submitted")
        WITHDRAW = "withdraw", _("Withdrawn")
        RECEIVE = "receive", _("Entered by the council office")
        REGISTER = "register", _("Registered")
        REJECT = "reject", _("Rejected")
        ROUTE = "route", _("Routed")
        REROUTE = "reroute", _("Re-routed")
        REQUEST_REROUTE = "request_reroute", _("Re-routing requested")
        DRAFT = "draft", _("Answer drafted")
        SEND_FOR_REVIEW = "send_for_review", _("Sent for approval")
        RETURN = "return", _("Returned with a comment")
        APPROVE = "approve", _("Approved")
        ANSWER = "answer", _("All questions answered")
        PUBLISH = "publish", _("Published")
        HOLDING_ANSWER = "holding_answer", _("Holding answer given")
        CORRECT = "correct", _("Answer corrected")
        CONTRIBUTE = "contribute", _("Contribution added")
        ATTACH = "attach", _("Attachment added")

    inquiry = models.ForeignKey(
        "Inquiry", on_delete=models.PROTECT, related_name="events", verbose_name=_("inquiry")
    )
    question = models.ForeignKey(
        "Question",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("question"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    action = models.CharField(_("action"), max_length=40, choices=Action)
    from_state = models.CharField(_("from"), max_length=20, blank=True)
    to_state = models.CharField(_("to"), max_length=20, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    is_public = models.BooleanField(_("shown on the public timeline"), default=False)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return (
            f"{self.created_at:%d.%m.%Y %H:%M} {self.action}: {self.from_state} → {self.to_state}"
        )

    def _state_label(self, state: str) -> str:
        choices = Question.Status if self.question_id else Inquiry.Status
        try:
            return str(choices(state).label)
        except ValueError:
            return state

    @property
    def to_state_label(self) -> str:
        """The human label of the state this event led to."""
        return self._state_label(self.to_state)

    @property
    def from_state_label(self) -> str:
        return self._state_label(self.from_state) if self.from_state else ""
