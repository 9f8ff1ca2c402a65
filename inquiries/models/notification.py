"""Idempotency records: an email job with a key is sent once, however often it runs."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SentNotification(models.Model):
    """One row per email sent under an idempotency key (e.g. "published:17:councillor:3")."""

    key = models.CharField(_("idempotency key"), max_length=200, unique=True)
    subject = models.CharField(_("subject"), max_length=300)
    recipients = models.JSONField(_("recipients"), default=list)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("sent notification")
        verbose_name_plural = _("sent notifications")
        ordering = ["-sent_at"]

    def __str__(self):
        return self.key
