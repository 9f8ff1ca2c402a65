"""The formal reply letter (PDF) of an inquiry, every released version kept."""

import datetime

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def reply_path(instance, filename):
    return f"replies/{instance.inquiry_id}/v{instance.version}-{instance.sha256[:12]}.pdf"


class ReplyDocument(models.Model):
    """One released version of the reply letter: built from approved answers only, never
    changed. The public sees it once its inquiry is published."""

    inquiry = models.ForeignKey(
        "Inquiry", on_delete=models.PROTECT, related_name="replies", verbose_name=_("inquiry")
    )
    version = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=reply_path)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    content_hash = models.CharField(
        _("hash of the content it was built from"),
        max_length=64,
        help_text=_("A reply whose content hash differs from the current content is stale."),
    )
    payload = models.JSONField(
        _("content it was built from"),
        default=dict,
        blank=True,
        help_text=_(
            "The inquiry and its answers as embedded in the PDF; a lost file is rebuilt from it."
        ),
    )
    created_at = models.DateTimeField(_("built"), auto_now_add=True)
    released_at = models.DateTimeField(_("released at"), null=True, blank=True)

    class Meta:
        verbose_name = _("reply document")
        verbose_name_plural = _("reply documents")
        ordering = ["inquiry", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["inquiry", "version"], name="reply_document_version_unique"
            )
        ]

    def __str__(self):
        return _("Reply to %(inquiry)s, version %(version)s") % {
            "inquiry": self.inquiry,
            "version": self.version,
        }

    def get_absolute_url(self) -> str:
        """The public download address of exactly this version."""
        return reverse("inquiries:reply_pdf_version", args=[self.inquiry_id, self.version])

    @property
    def letter_date(self) -> datetime.date | None:
        """The date printed on the letter (its content's date), else the day it was released."""
        if self.payload.get("letter_date"):
            return datetime.date.fromisoformat(self.payload["letter_date"])
        return timezone.localdate(self.released_at) if self.released_at else None

    @property
    def download_name(self) -> str:
        number = (self.inquiry.number or str(self.inquiry_id)).replace("/", "-")
        return f"Antwort-Anfrage-{number}-v{self.version}.pdf"
