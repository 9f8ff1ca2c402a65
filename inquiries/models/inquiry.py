"""Inquiries (Anfragen) and their numbered questions (answers: ``answering``).

Status fields change only through ``inquiries.workflow``.
"""

import datetime
from typing import Self

from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from inquiries.models.administration import Department
from inquiries.models.council import Councillor, Faction, Meeting
from inquiries.models.topic import Topic

# Longest text of one question, in characters (the database enforces it too).
QUESTION_MAX_LENGTH = 5000


def overdue_inquiry(today: datetime.date, via: str = "") -> Q:
    """Overdue: registered (being answered) and its due date has passed before ``today``.

    ``via`` is the path from the queried model to the inquiry ("inquiry__").
    """
    return Q(**{f"{via}status": Inquiry.Status.REGISTERED, f"{via}due_date__lt": today})


def overdue_question(today: datetime.date, via: str = "") -> Q:
    """Overdue: a question not yet approved of an overdue inquiry (``via``: path to it)."""
    return ~Q(**{f"{via}status": Question.Status.APPROVED}) & overdue_inquiry(
        today, via=f"{via}inquiry__"
    )


def _flag(condition: Q) -> ExpressionWrapper:
    return ExpressionWrapper(condition, output_field=BooleanField())


class InquiryQuerySet(models.QuerySet["Inquiry"]):
    def published(self) -> Self:
        """What the public may see. Every public page starts here."""
        return self.filter(status=Inquiry.Status.PUBLISHED)

    def overdue(self, today: datetime.date) -> Self:
        return self.filter(overdue_inquiry(today))

    def with_overdue_flag(self, today: datetime.date) -> Self:
        """Each inquiry with ``is_overdue`` (what templates and filters read)."""
        return self.annotate(is_overdue=_flag(overdue_inquiry(today)))

    def of_faction(self, faction: Faction) -> Self:
        """Inquiries whose ``effective_faction`` is ``faction``."""
        return self.filter(Q(faction=faction) | Q(faction__isnull=True, author__faction=faction))

    def with_listing_relations(self) -> Self:
        return self.select_related(
            "author__faction", "faction", "meeting__committee"
        ).prefetch_related("cosigners")


class Inquiry(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        REGISTERED = "registered", _("Registered")
        ANSWERED = "answered", _("Answered")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        REJECTED = "rejected", _("Rejected")

    class Channel(models.TextChoices):
        PORTAL = "portal", _("Portal")
        PAPER = "paper", _("On paper")
        EMAIL = "email", _("By email")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="inquiries", verbose_name=_("meeting")
    )
    author = models.ForeignKey(
        Councillor, on_delete=models.PROTECT, related_name="inquiries", verbose_name=_("author")
    )
    cosigners: "models.ManyToManyField[Councillor, CoSignature]" = models.ManyToManyField(
        Councillor,
        through="CoSignature",
        related_name="cosigned_inquiries",
        blank=True,
        verbose_name=_("co-signers"),
    )
    faction = models.ForeignKey(
        Faction,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inquiries",
        verbose_name=_("faction"),
        help_text=_("Set for a faction inquiry (Fraktionsanfrage)."),
    )
    subject = models.CharField(_("subject"), max_length=300)
    preamble = models.TextField(
        _("preamble"),
        blank=True,
        help_text=_("The text before the questions. Line breaks are kept."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.DRAFT, db_index=True
    )
    received_via = models.CharField(
        _("received via"), max_length=10, choices=Channel, default=Channel.PORTAL
    )
    # The number is assigned at registration: "2022/0017" is year 2022, sequence 17.
    number_year = models.PositiveSmallIntegerField(_("year of the number"), null=True, blank=True)
    number_sequence = models.PositiveIntegerField(_("sequence number"), null=True, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    # One-time token of the form that created the draft: a second POST of the
    # same form (double click, back button, two tabs) finds this draft again
    # instead of creating another one (see inquiries.drafting).
    creation_token = models.UUIDField(
        _("creation token"), null=True, blank=True, unique=True, editable=False
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="inquiries", verbose_name=_("topics")
    )

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    registered_at = models.DateTimeField(_("registered"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(subject=""),
                name="inquiry_subject_not_empty",
                violation_error_message=_("An inquiry needs a subject."),
            ),
            models.UniqueConstraint(
                fields=["number_year", "number_sequence"],
                name="inquiry_number_unique_per_year",
                violation_error_message=_("This number is already taken in that year."),
            ),
            models.CheckConstraint(
                condition=(
                    Q(number_year__isnull=True, number_sequence__isnull=True)
                    | Q(number_year__isnull=False, number_sequence__gte=1)
                ),
                name="inquiry_number_complete",
                violation_error_message=_(
                    "A number needs both a year and a sequence of 1 or more."
                ),
            ),
        ]
        indexes = [models.Index(fields=["status", "-published_at"])]

    def __str__(self):
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("inquiries:detail", args=[self.pk])

    @property
    def number(self) -> str:
        """The registered number, such as "2022/0017", or an empty string."""
        if self.number_year is None:
            return ""
        return f"{self.number_year}/{self.number_sequence:04d}"

    @property
    def effective_faction(self) -> Faction | None:
        """The faction an inquiry speaks for: its own (a faction inquiry), else its author's."""
        return self.faction or self.author.faction

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class CoSignature(models.Model):
    inquiry = models.ForeignKey(
        Inquiry, on_delete=models.CASCADE, related_name="cosignatures", verbose_name=_("inquiry")
    )
    councillor = models.ForeignKey(
        Councillor,
        on_delete=models.PROTECT,
        related_name="cosignatures",
        verbose_name=_("councillor"),
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("co-signature")
        verbose_name_plural = _("co-signatures")
        constraints = [
            models.UniqueConstraint(
                fields=["inquiry", "councillor"],
                name="cosignature_unique",
                violation_error_message=_("This councillor already co-signs the inquiry."),
            )
        ]

    def __str__(self):
        return str(self.councillor)


class QuestionQuerySet(models.QuerySet["Question"]):
    def overdue(self, today: datetime.date) -> Self:
        return self.filter(overdue_question(today))

    def with_overdue_flag(self, today: datetime.date) -> Self:
        """Each question with ``is_overdue`` (what templates and filters read)."""
        return self.annotate(is_overdue=_flag(overdue_question(today)))


class Question(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        ROUTED = "routed", _("Routed")
        DRAFTING = "drafting", _("Answer being drafted")
        IN_REVIEW = "in_review", _("In review")
        APPROVED = "approved", _("Approved")

    inquiry = models.ForeignKey(
        Inquiry, on_delete=models.CASCADE, related_name="questions", verbose_name=_("inquiry")
    )
    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1)])
    text = models.TextField(_("text"), validators=[MaxLengthValidator(QUESTION_MAX_LENGTH)])
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.NEW, db_index=True
    )
    lead_department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lead_questions",
        verbose_name=_("lead department"),
    )
    contributing_departments = models.ManyToManyField(
        Department,
        blank=True,
        related_name="contributing_questions",
        verbose_name=_("contributing departments"),
    )
    answer = models.ForeignKey(
        "Answer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("answer"),
        help_text=_("Several questions may share one answer (grouped answer)."),
    )
    # A department's request to route the question elsewhere, until the office acts on it.
    reroute_reason = models.TextField(_("reason for re-routing"), blank=True)
    reroute_requested_at = models.DateTimeField(_("re-routing requested"), null=True, blank=True)
    # Reminders go out at most once a day per question.
    last_reminded_on = models.DateField(_("last reminder"), null=True, blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["inquiry", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["inquiry", "number"],
                name="question_number_unique_per_inquiry",
                violation_error_message=_("Each question number may appear only once."),
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="question_number_positive",
                violation_error_message=_("Question numbers start at 1."),
            ),
            models.CheckConstraint(
                condition=~Q(text=""),
                name="question_text_not_empty",
                violation_error_message=_("A question needs a text."),
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("text"), QUESTION_MAX_LENGTH),
                name="question_text_max_length",
                violation_error_message=format_lazy(
                    _("A question may be at most {limit} characters long."),
                    limit=QUESTION_MAX_LENGTH,
                ),
            ),
        ]

    def __str__(self):
        return _("Question %(number)s") % {"number": self.number}

    def get_absolute_url(self) -> str:
        return f"{self.inquiry.get_absolute_url()}#frage-{self.number}"


class NumberSequence(models.Model):
    """The last inquiry number handed out in a year; locked while a number is drawn."""

    year = models.PositiveSmallIntegerField(_("year"), primary_key=True)
    last = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("number sequence")
        verbose_name_plural = _("number sequences")

    def __str__(self):
        return f"{self.year}: {self.last}"
