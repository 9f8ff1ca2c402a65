"""Answers and what goes with them: contributions, attachments, corrections."""

from typing import Self

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def released_answer(via: str = "") -> Q:
    """Released: the answer is approved (a holding answer is approved when given).

    Only released answers are ever shown outside the administration.
    """
    return Q(**{f"{via}approved_at__isnull": False})


class AnswerQuerySet(models.QuerySet["Answer"]):
    def released(self) -> Self:
        return self.filter(released_answer())


class Answer(models.Model):
    """The answer of the administration to one or more questions of an inquiry."""

    inquiry = models.ForeignKey(
        "Inquiry", on_delete=models.CASCADE, related_name="answers", verbose_name=_("inquiry")
    )
    department = models.ForeignKey(
        "Department",
        on_delete=models.PROTECT,
        related_name="answers",
        verbose_name=_("department"),
    )
    text = models.TextField(_("text"), blank=True)
    is_holding_answer = models.BooleanField(
        _("holding answer"),
        default=False,
        help_text=_("An interim reply (Zwischennachricht) when the due date cannot be met."),
    )
    holding_until = models.DateField(
        _("final answer expected by"),
        null=True,
        blank=True,
        help_text=_("The new date announced with a holding answer."),
    )
    # Optimistic locking: a save must name the version it was based on.
    version = models.PositiveIntegerField(_("version"), default=1)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("drafted by"),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["inquiry", "pk"]

    def __str__(self):
        numbers = ", ".join(str(q.number) for q in self.questions.all())
        return _("Answer to question(s) %(numbers)s") % {"numbers": numbers or "–"}

    @property
    def is_released(self) -> bool:
        """See ``released_answer``: approved."""
        return self.approved_at is not None


class Contribution(models.Model):
    """A contributing department's input to a question; the lead department sees it."""

    question = models.ForeignKey(
        "Question",
        on_delete=models.CASCADE,
        related_name="contributions",
        verbose_name=_("question"),
    )
    department = models.ForeignKey(
        "Department",
        on_delete=models.PROTECT,
        related_name="contributions",
        verbose_name=_("department"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["question", "created_at"]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="contribution_text_not_empty")
        ]

    def __str__(self):
        return f"{self.department.code}: {self.question}"


def attachment_path(instance, filename):
    # The original name is kept in ``original_name``; the stored name is never trusted.
    return f"attachments/{instance.answer.inquiry_id}/{instance.answer_id}/{instance.sha256}"


class AnswerAttachment(models.Model):
    """A file that belongs to an answer (PDF, image, spreadsheet); listed as "Anlage"."""

    answer = models.ForeignKey(
        "Answer", on_delete=models.CASCADE, related_name="attachments", verbose_name=_("answer")
    )
    file = models.FileField(_("file"), upload_to=attachment_path)
    original_name = models.CharField(_("file name"), max_length=255)
    title = models.CharField(_("title"), max_length=200, blank=True)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["answer", "created_at"]

    def __str__(self):
        return self.title or self.original_name


class AnswerCorrection(models.Model):
    """A correction (Berichtigung) of a published answer: the original text stays visible."""

    answer = models.ForeignKey(
        "Answer", on_delete=models.PROTECT, related_name="corrections", verbose_name=_("answer")
    )
    previous_text = models.TextField(_("text before the correction"))
    reason = models.TextField(_("reason"))
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("corrected by"),
    )
    created_at = models.DateTimeField(_("corrected"), auto_now_add=True)

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["answer", "created_at"]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="correction_reason_not_empty")
        ]

    def __str__(self):
        return f"{self.answer} ({self.created_at:%d.%m.%Y})"
