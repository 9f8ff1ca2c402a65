"""The council side: committees, their meetings, factions and councillors."""

import datetime
from typing import Self

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Committee(models.Model):
    class Kind(models.TextChoices):
        COUNCIL = "council", _("Council")
        COMMITTEE = "committee", _("Committee")
        DISTRICT = "district", _("District council")

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(
        _("short name"), max_length=30, unique=True, help_text=_('For example "Rat" or "DIM".')
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.COMMITTEE)
    submission_deadline_days = models.PositiveSmallIntegerField(
        _("submission deadline (days before the meeting)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(90)],
        help_text=_("Leave empty to use the portal's default."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def open_for_inquiries(self, now: datetime.datetime | None = None) -> Self:
        """Meetings whose submission deadline has not passed yet."""
        return self.filter(submission_deadline__gt=now or timezone.now(), is_cancelled=False)

    def upcoming(self, now: datetime.datetime | None = None) -> Self:
        return self.filter(starts_at__gte=now or timezone.now())


class Meeting(models.Model):
    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("committee")
    )
    starts_at = models.DateTimeField(_("date and time"))
    location = models.CharField(_("place"), max_length=200, blank=True)
    submission_deadline = models.DateTimeField(
        _("submission deadline for inquiries"),
        blank=True,
        help_text=_("Leave empty to derive it from the committee's rule."),
    )
    is_cancelled = models.BooleanField(_("cancelled"), default=False)

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "starts_at"],
                name="meeting_unique_per_committee_and_time",
                violation_error_message=_("This committee already meets at that time."),
            ),
            models.CheckConstraint(
                condition=Q(submission_deadline__lte=F("starts_at")),
                name="meeting_deadline_before_start",
                violation_error_message=_(
                    "The submission deadline must not be after the meeting starts."
                ),
            ),
        ]

    def __str__(self):
        local = timezone.localtime(self.starts_at)
        return f"{self.committee.short_name} {local:%d.%m.%Y}"

    def is_open_for_inquiries(self, now=None) -> bool:
        return not self.is_cancelled and (now or timezone.now()) < self.submission_deadline


class Faction(models.Model):
    class Kind(models.TextChoices):
        FACTION = "faction", _("Faction")
        GROUP = "group", _("Group")
        INDIVIDUAL = "individual", _("Individual member")

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.FACTION)
    is_active = models.BooleanField(_("active"), default=True)

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("faction")
        verbose_name_plural = _("factions")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Councillor(models.Model):
    title = models.CharField(
        _("title"), max_length=60, blank=True, help_text=_('For example "Stadtverordneter".')
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    faction = models.ForeignKey(
        Faction,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="councillors",
        verbose_name=_("faction"),
    )
    committees = models.ManyToManyField(
        Committee, blank=True, related_name="members", verbose_name=_("committees")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="councillor",
        verbose_name=_("login"),
    )
    # Contact data is personal: never shown on public pages.
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("councillor")
        verbose_name_plural = _("councillors")
        ordering = ["last_name", "first_name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(last_name=""), name="councillor_last_name_not_empty"
            ),
        ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def title_and_name(self) -> str:
        return f"{self.title} {self.full_name}".strip()


class LegislativeTerm(models.Model):
    """An electoral term (Wahlperiode) of the council."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("legislative term")
        verbose_name_plural = _("legislative terms")
        ordering = ["start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="legislative_term_ends_after_start",
                violation_error_message=_("A term cannot end before it starts."),
            )
        ]

    def __str__(self):
        return self.name
