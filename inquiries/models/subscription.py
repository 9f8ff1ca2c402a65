"""Email subscriptions of the public: double opt-in, one-click unsubscribe, daily digests."""

import secrets
from typing import Self

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return secrets.token_urlsafe(32)


class SubscriptionQuerySet(models.QuerySet["Subscription"]):
    def confirmed(self) -> Self:
        return self.filter(confirmed_at__isnull=False)


class Subscription(models.Model):
    """One address following one thing. Removed on unsubscribe: nothing of it must be kept."""

    class Kind(models.TextChoices):
        INQUIRY = "inquiry", _("An inquiry")
        TOPIC = "topic", _("A topic")
        DEPARTMENT = "department", _("A department")
        COUNCILLOR = "councillor", _("A councillor")
        SEARCH = "search", _("A saved search")

    email = models.EmailField(_("email"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    inquiry = models.ForeignKey(
        "Inquiry", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    topic = models.ForeignKey(
        "Topic", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    department = models.ForeignKey(
        "Department", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    councillor = models.ForeignKey(
        "Councillor", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # The query string of the public list (filters and search), as in the address bar.
    search = models.CharField(_("saved search"), max_length=500, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    notified_until = models.DateTimeField(
        _("notified up to"),
        null=True,
        blank=True,
        help_text=_("Everything published before this time has been reported."),
    )

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["email", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="inquiry", inquiry__isnull=False)
                    | Q(kind="topic", topic__isnull=False)
                    | Q(kind="department", department__isnull=False)
                    | Q(kind="councillor", councillor__isnull=False)
                    | Q(kind="search")
                ),
                name="subscription_target_matches_kind",
            ),
        ]
        indexes = [models.Index(fields=["email", "created_at"])]

    def __str__(self):
        return f"{self.email}: {self.target_label}"

    @property
    def target_label(self) -> str:
        target = self.inquiry or self.topic or self.department or self.councillor
        if target is not None:
            return f"{self.get_kind_display()}: {target}"
        return f"{self.get_kind_display()}: {self.search or '–'}"
