"""Smart City Index (Bitkom): cities, thematic areas, editions and ranking entries.

The source data is incomplete by nature: an entry may have a rank without a
score, a score without a rank, and a city may appear in some editions only.
Ranks are not unique per edition and area in the database (the sources have
ties and gaps); only one entry per edition, city and area is allowed.
Rows are written by ``rankings.importing`` (command, admin upload, demo).
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

SOURCE_SEPARATOR = " | "


class FederalState(models.TextChoices):
    BW = "BW", _("Baden-Württemberg")
    BY = "BY", _("Bavaria")
    BE = "BE", _("Berlin")
    BB = "BB", _("Brandenburg")
    HB = "HB", _("Bremen")
    HH = "HH", _("Hamburg")
    HE = "HE", _("Hesse")
    MV = "MV", _("Mecklenburg-Western Pomerania")
    NI = "NI", _("Lower Saxony")
    NW = "NW", _("North Rhine-Westphalia")
    RP = "RP", _("Rhineland-Palatinate")
    SL = "SL", _("Saarland")
    SN = "SN", _("Saxony")
    ST = "ST", _("Saxony-Anhalt")
    SH = "SH", _("Schleswig-Holstein")
    TH = "TH", _("Thuringia")


class City(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    federal_state = models.CharField(
        _("federal state"), max_length=2, choices=FederalState.choices, blank=True
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    ags = models.CharField(
        _("official municipality key (AGS)"),
        max_length=8,
        blank=True,
        help_text=_("Eight digits, where known."),
    )
    peers = models.ManyToManyField(
        "self", symmetrical=False, blank=True, verbose_name=_("peer cities")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("city")
        verbose_name_plural = _("cities")

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("rankings:city", args=[self.slug])


class Area(models.Model):
    """A thematic area with a stable identity, or the overall ranking (``is_overall``)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("canonical name"), max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_overall = models.BooleanField(_("overall ranking"), default=False)

    class Meta:
        ordering = ["position"]
        verbose_name = _("thematic area")
        verbose_name_plural = _("thematic areas")

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("rankings:area", args=[self.code])


class Edition(models.Model):
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    publisher = models.CharField(_("publisher"), max_length=100, default="Bitkom")
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    cities_ranked = models.PositiveSmallIntegerField(_("cities ranked"), null=True, blank=True)
    indicators = models.PositiveSmallIntegerField(_("indicators"), null=True, blank=True)
    parameters = models.PositiveSmallIntegerField(_("parameters"), null=True, blank=True)
    source = models.URLField(_("source"), max_length=500, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["year"]
        verbose_name = _("index edition")
        verbose_name_plural = _("index editions")

    def __str__(self):
        return f"Smart City Index {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("rankings:edition", args=[self.year])


class AreaLabel(models.Model):
    """The name an area carries in one edition ("Gesellschaft und Bildung" from 2023)."""

    area = models.ForeignKey(
        Area, on_delete=models.CASCADE, related_name="labels", verbose_name=_("area")
    )
    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="area_labels", verbose_name=_("edition")
    )
    label = models.CharField(_("label"), max_length=100)

    class Meta:
        ordering = ["edition__year", "area__position"]
        verbose_name = _("area label")
        verbose_name_plural = _("area labels")
        constraints = [
            models.UniqueConstraint(fields=["area", "edition"], name="unique_area_label")
        ]

    def __str__(self):
        return f"{self.label} ({self.edition.year})"


class Provenance(models.TextChoices):
    PUBLISHED = "published", _("published")
    DERIVED = "derived", _("derived")
    AREA_UNCERTAIN = "area_uncertain", _("area uncertain")


class RankingEntry(models.Model):
    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="entries", verbose_name=_("edition")
    )
    city = models.ForeignKey(
        City, on_delete=models.CASCADE, related_name="entries", verbose_name=_("city")
    )
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="entries", verbose_name=_("area")
    )
    rank = models.PositiveSmallIntegerField(
        _("rank"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    score = models.DecimalField(
        _("score"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    sources = models.TextField(_("sources"), blank=True, help_text=_("URLs separated by ' | '."))
    provenance = models.CharField(
        _("provenance"), max_length=20, choices=Provenance.choices, default=Provenance.PUBLISHED
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["edition__year", "area__position", "rank"]
        verbose_name = _("ranking entry")
        verbose_name_plural = _("ranking entries")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "city", "area"], name="unique_entry_per_edition_city_area"
            )
        ]

    def __str__(self):
        return f"{self.city} {self.edition.year} {self.area}: {self.rank or '—'}"

    @property
    def source_urls(self) -> list[str]:
        return [url.strip() for url in self.sources.split(SOURCE_SEPARATOR.strip()) if url.strip()]

    @property
    def is_published(self) -> bool:
        return self.provenance == Provenance.PUBLISHED


class ImportRun(models.Model):
    """One successful import: who, what file, and what it added and changed."""

    created_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("user"),
    )
    filename = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    rows = models.PositiveIntegerField(_("rows"))
    added = models.PositiveIntegerField(_("added"))
    changed = models.PositiveIntegerField(_("changed"))
    unchanged = models.PositiveIntegerField(_("unchanged"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")

    def __str__(self):
        return f"{self.filename} ({self.created_at:%Y-%m-%d %H:%M})"


class InquiryContext(models.Model):
    """The index figures an inquiry argues from: cities, an edition and areas."""

    inquiry = models.OneToOneField(
        "inquiries.Inquiry",
        on_delete=models.CASCADE,
        related_name="ranking_context",
        verbose_name=_("inquiry"),
    )
    edition = models.ForeignKey(
        Edition, on_delete=models.PROTECT, related_name="+", verbose_name=_("edition")
    )
    cities = models.ManyToManyField(City, related_name="+", verbose_name=_("cities"))
    areas = models.ManyToManyField(
        Area,
        related_name="+",
        blank=True,
        verbose_name=_("areas"),
        help_text=_("The overall ranking is always shown."),
    )

    class Meta:
        verbose_name = _("index context of an inquiry")
        verbose_name_plural = _("index contexts of inquiries")

    def __str__(self):
        return f"{self.inquiry} – {self.edition}"
