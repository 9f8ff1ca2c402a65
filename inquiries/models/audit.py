"""The audit trail: one row for every change of state, never edited or deleted."""

from typing import Self

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# What each action of ``inquiries.workflow`` (and the draft service) is called in the UI.
ACTION_LABELS = {
    "create": _("Draft created"),
    "cosign": _("Co-signature confirmed"),
    "submit": _("Submitted"),
    "withdraw": _("Withdrawn"),
    "receive": _("Entered by the council office"),
    "register": _("Registered"),
    "reject": _("Rejected"),
    "route": _("Routed"),
    "reroute": _("Re-routed"),
    "request_reroute": _("Re-routing requested"),
    "draft": _("Answer drafted"),
    "send_for_review": _("Sent for approval"),
    "return": _("Returned with a comment"),
    "approve": _("Approved"),
    "answer": _("All questions answered"),
    "publish": _("Published"),
    "holding_answer": _("Holding answer given"),
    "correct": _("Answer corrected"),
    "contribute": _("Contribution added"),
    "attach": _("Attachment added"),
}


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def public(self) -> Self:
        return self.filter(is_public=True)


class AuditEvent(models.Model):
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
    action = models.CharField(_("action"), max_length=40)
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
        from inquiries.models.inquiry import Inquiry, Question

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

    @property
    def action_label(self) -> str:
        """The human name of what happened, e.g. "Sent for approval"."""
        return str(ACTION_LABELS.get(self.action, self.action))
