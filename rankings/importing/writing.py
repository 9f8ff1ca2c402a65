"""Phase two of an import: everything checked is written in one transaction.

``bulk_create``/``bulk_update`` and one ``ImportRun`` row; importing the same
files twice changes nothing (not even an ``ImportRun`` is written when no row
was added or changed).
"""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from rankings.importing.files import RowError
from rankings.importing.rows import (
    AREA_RENAMES,
    AREAS,
    EDITIONS_FILENAME,
    EditionRow,
    EntryRow,
    parse_editions,
    parse_rankings,
    shared_ranks,
)
from rankings.models import Area, AreaLabel, City, Edition, ImportRun, RankingEntry


@dataclass
class ImportReport:
    rows: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    editions_added: int = 0
    editions_changed: int = 0
    cities_added: int = 0
    changes: list[str] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)

    def summary(self) -> str:
        return _(
            "%(rows)d rows read. Entries: %(added)d added, %(changed)d changed, "
            "%(unchanged)d unchanged. Editions: %(ed_added)d added, %(ed_changed)d changed. "
            "Cities: %(cities)d added."
        ) % {
            "rows": self.rows,
            "added": self.added,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "ed_added": self.editions_added,
            "ed_changed": self.editions_changed,
            "cities": self.cities_added,
        }


def ensure_areas() -> dict[str, Area]:
    existing = {area.code: area for area in Area.objects.all()}
    missing = [
        Area(code=code, name=name, position=position, is_overall=overall)
        for code, name, position, overall in AREAS
        if code not in existing
    ]
    if missing:
        Area.objects.bulk_create(missing)
        existing = {area.code: area for area in Area.objects.all()}
    return existing


def label_for(area: Area, year: int) -> str:
    label = area.name
    for from_year, new_label in AREA_RENAMES.get(area.code, []):
        if year >= from_year:
            label = new_label
    return label


def ensure_area_labels(editions: Iterable[Edition], areas: Iterable[Area]):
    """Give every area a label in every edition; labels edited in the admin are kept."""
    editions, areas = list(editions), list(areas)
    have = set(AreaLabel.objects.filter(edition__in=editions).values_list("edition_id", "area_id"))
    AreaLabel.objects.bulk_create(
        AreaLabel(area=area, edition=edition, label=label_for(area, edition.year))
        for edition in editions
        for area in areas
        if (edition.pk, area.pk) not in have
    )


def unique_slug(name: str, taken: set[str]) -> str:
    base = slugify(name.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss"))
    slug, n = base or "stadt", 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _apply_editions(rows: list[EditionRow], report: ImportReport) -> dict[int, Edition]:
    existing = {edition.year: edition for edition in Edition.objects.all()}
    fields = ["cities_ranked", "published_on", "indicators", "parameters", "note"]
    to_create, to_update = [], []
    for row in rows:
        values = {
            "cities_ranked": row.cities_ranked,
            "published_on": row.published_on,
            "indicators": row.indicators,
            "parameters": row.parameters,
            "note": row.note,
        }
        edition = existing.get(row.year)
        if edition is None:
            to_create.append(Edition(year=row.year, **values))
        elif any(getattr(edition, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(edition, name, value)
            to_update.append(edition)
    Edition.objects.bulk_create(to_create)
    Edition.objects.bulk_update(to_update, fields)
    report.editions_added, report.editions_changed = len(to_create), len(to_update)
    return {edition.year: edition for edition in Edition.objects.all()}


def _apply_cities(names: set[str], report: ImportReport) -> dict[str, City]:
    existing = {city.name: city for city in City.objects.all()}
    taken = set(City.objects.values_list("slug", flat=True))
    new = [City(name=name, slug=unique_slug(name, taken)) for name in sorted(names - set(existing))]
    City.objects.bulk_create(new)
    report.cities_added = len(new)
    return {city.name: city for city in City.objects.all()}


def _describe(entry: RankingEntry, row: EntryRow, city: str, area: Area) -> str:
    def show(value):
        return "—" if value in (None, "") else str(value)

    parts = []
    for label, old, new in (
        (_("rank"), entry.rank, row.rank),
        (_("score"), entry.score, row.score),
        (_("provenance"), entry.provenance, row.provenance),
    ):
        if old != new:
            parts.append(f"{label} {show(old)} → {show(new)}")
    if entry.sources != row.sources or entry.note != row.note:
        parts.append(_("sources or note"))
    return f"{city} {row.year} {area.name}: {', '.join(parts)}"


def _apply_entries(
    rows: list[EntryRow],
    editions: dict[int, Edition],
    cities: dict[str, City],
    areas: dict[str, Area],
    report: ImportReport,
):
    years = {row.year for row in rows}
    existing = {
        (e.edition_id, e.city_id, e.area_id): e
        for e in RankingEntry.objects.filter(edition__year__in=years)
    }
    to_create, to_update = [], []
    for row in rows:
        edition, city, area = editions[row.year], cities[row.city], areas[row.area_code]
        entry = existing.get((edition.pk, city.pk, area.pk))
        if entry is None:
            to_create.append(
                RankingEntry(
                    edition=edition,
                    city=city,
                    area=area,
                    rank=row.rank,
                    score=row.score,
                    sources=row.sources,
                    provenance=row.provenance,
                    note=row.note,
                )
            )
        elif (entry.rank, entry.score, entry.sources, entry.provenance, entry.note) != row.values:
            report.changes.append(_describe(entry, row, city.name, area))
            entry.rank, entry.score, entry.sources = row.rank, row.score, row.sources
            entry.provenance, entry.note = row.provenance, row.note
            to_update.append(entry)
        else:
            report.unchanged += 1
    RankingEntry.objects.bulk_create(to_create, batch_size=500)
    RankingEntry.objects.bulk_update(
        to_update, ["rank", "score", "sources", "provenance", "note"], batch_size=500
    )
    report.added, report.changed = len(to_create), len(to_update)


def import_rankings(
    data: bytes,
    editions_data: bytes | None = None,
    *,
    filename: str = "smart_city_index.csv",
    editions_filename: str = EDITIONS_FILENAME,
    user=None,
) -> ImportReport:
    """Validate both files completely, then write them in one transaction.

    Raises ``ImportRefused`` (and writes nothing) if any row is wrong.
    """
    edition_rows = parse_editions(editions_data, editions_filename) if editions_data else []
    known = dict(Edition.objects.values_list("year", "cities_ranked"))
    known.update({row.year: row.cities_ranked for row in edition_rows})
    entry_rows = parse_rankings(data, known, filename)

    report = ImportReport(rows=len(entry_rows), warnings=shared_ranks(entry_rows, filename))
    with transaction.atomic():
        editions = _apply_editions(edition_rows, report)
        areas = ensure_areas()
        ensure_area_labels(editions.values(), areas.values())
        cities = _apply_cities({row.city for row in entry_rows}, report)
        _apply_entries(entry_rows, editions, cities, areas, report)
        if not (
            report.added
            or report.changed
            or report.editions_added
            or report.editions_changed
            or report.cities_added
        ):
            return report  # nothing changed: no audit row either, the import is idempotent
        ImportRun.objects.create(
            user=user if user is not None and user.is_authenticated else None,
            filename=filename[:255],
            sha256=hashlib.sha256(data + (editions_data or b"")).hexdigest(),
            rows=report.rows,
            added=report.added,
            changed=report.changed,
            unchanged=report.unchanged,
        )
    return report
