"""Import of Smart City Index results from CSV, in two phases.

Phase one reads and validates every row of both files (rankings and, where
given, editions) without writing anything; every problem becomes a
``RowError`` naming the file, row and column, in German. If there is any
error the import is refused as a whole (``ImportRefused``). Phase two writes
everything in one transaction with ``bulk_create``/``bulk_update`` and one
``ImportRun`` row. Importing the same file twice changes nothing (not even an
``ImportRun`` is written when no row was added or changed).

The columns are those of ``data/smart_city_index.csv``:
``edition_year,city,area,rank,score,source_url,provenance,note``, and of
``data/smart_city_index_editions.csv``:
``edition_year,cities,published_on,indicators,parameters,note``.
"""

import csv
import datetime
import hashlib
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from rankings.models import (
    SOURCE_SEPARATOR,
    Area,
    AreaLabel,
    City,
    Edition,
    FederalState,
    ImportRun,
    Provenance,
    RankingEntry,
)

RANKING_COLUMNS = [
    "edition_year",
    "city",
    "area",
    "rank",
    "score",
    "source_url",
    "provenance",
    "note",
]
EDITION_COLUMNS = ["edition_year", "cities", "published_on", "indicators", "parameters", "note"]
EDITIONS_FILENAME = "smart_city_index_editions.csv"

# A real index file has a few thousand rows (83 cities × 6 areas × editions).
MAX_BYTES = 5 * 1024 * 1024
MAX_ERRORS = 50

# (code, canonical name, position, is overall); the name is what the CSV uses.
AREAS = [
    ("gesamt", "Gesamt", 0, True),
    ("verwaltung", "Verwaltung", 1, False),
    ("it-und-kommunikation", "IT und Kommunikation", 2, False),
    ("energie-und-umwelt", "Energie und Umwelt", 3, False),
    ("mobilitaet", "Mobilität", 4, False),
    ("gesellschaft", "Gesellschaft", 5, False),
]
# Other names the sources use for the same area.
AREA_ALIASES = {
    "Gesellschaft und Bildung": "gesellschaft",
    "IT-Infrastruktur": "it-und-kommunikation",
    "IT- und Telekommunikationsinfrastruktur": "it-und-kommunikation",
}
# An area's label from an edition on (the label applies to that year and later).
AREA_RENAMES = {"gesellschaft": [(2023, "Gesellschaft und Bildung")]}


@dataclass(frozen=True)
class RowError:
    filename: str
    row: int
    column: str
    message: str

    def __str__(self):
        if self.column:
            return _("%(file)s, row %(row)d, column “%(column)s”: %(message)s") % {
                "file": self.filename,
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        return _("%(file)s, row %(row)d: %(message)s") % {
            "file": self.filename,
            "row": self.row,
            "message": self.message,
        }


class ImportRefused(Exception):
    """The file was refused; nothing was written."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))

    @property
    def shown_errors(self) -> list[RowError]:
        return self.errors[:MAX_ERRORS]


@dataclass(frozen=True)
class EditionRow:
    row: int
    year: int
    cities_ranked: int | None
    published_on: datetime.date | None
    indicators: int | None
    parameters: int | None
    note: str


@dataclass(frozen=True)
class EntryRow:
    row: int
    year: int
    city: str
    area_code: str
    rank: int | None
    score: Decimal | None
    sources: str
    provenance: str
    note: str

    @property
    def key(self):
        return (self.year, self.city, self.area_code)

    @property
    def values(self):
        return (self.rank, self.score, self.sources, self.provenance, self.note)


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


# --- reading -----------------------------------------------------------------


def read_limited(fileobj) -> bytes:
    """Read at most one byte more than ``MAX_BYTES``, so a huge file is never read whole."""
    return fileobj.read(MAX_BYTES + 1)


def _decode(data: bytes, filename: str) -> str:
    if len(data) > MAX_BYTES:
        row = data[:MAX_BYTES].count(b"\n") + 1
        raise ImportRefused(
            [
                RowError(
                    filename,
                    row,
                    "",
                    _(
                        "The file is larger than %(limit)d MB; reading stopped in this row. "
                        "Nothing was imported."
                    )
                    % {"limit": MAX_BYTES // (1024 * 1024)},
                )
            ]
        )
    if not data.strip():
        raise ImportRefused([RowError(filename, 1, "", _("The file is empty."))])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = data[: error.start].count(b"\n") + 1
        raise ImportRefused(
            [
                RowError(
                    filename,
                    row,
                    "",
                    _(
                        "The file is not encoded in UTF-8 (byte 0x%(byte)02X; probably "
                        "Latin-1 or Windows-1252). Save it as UTF-8 and upload it again."
                    )
                    % {"byte": data[error.start]},
                )
            ]
        ) from None


def _records(text: str, filename: str, columns: list[str], errors: list[RowError]):
    """``(row number, dict)`` per data row; refuse a wrong header, collect bad row lengths."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise ImportRefused([RowError(filename, 1, "", _("The file is empty."))]) from None
    except csv.Error as error:
        raise ImportRefused([RowError(filename, 1, "", str(error))]) from None
    header = [name.strip() for name in header]
    if header != columns:
        missing = [c for c in columns if c not in header]
        unexpected = [c for c in header if c not in columns]
        details = []
        if missing:
            details.append(_("missing: %(cols)s") % {"cols": ", ".join(missing)})
        if unexpected:
            details.append(_("unexpected: %(cols)s") % {"cols": ", ".join(unexpected)})
        if not details:
            details.append(_("wrong order"))
        raise ImportRefused(
            [
                RowError(
                    filename,
                    1,
                    "",
                    _("Wrong header (%(details)s). Expected: %(expected)s")
                    % {"details": "; ".join(details), "expected": ",".join(columns)},
                )
            ]
        )
    rows = []
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            errors.append(RowError(filename, reader.line_num, "", str(error)))
            break
        if not any(value.strip() for value in record):
            continue
        if len(record) != len(columns):
            errors.append(
                RowError(
                    filename,
                    reader.line_num,
                    "",
                    _("Expected %(expected)d fields, found %(found)d.")
                    % {"expected": len(columns), "found": len(record)},
                )
            )
            continue
        rows.append((reader.line_num, dict(zip(columns, (v.strip() for v in record), strict=True))))
    if not rows and not errors:
        raise ImportRefused([RowError(filename, 2, "", _("The file has a header but no rows."))])
    return rows


class _RowChecker:
    """Collects the errors of one row while converting its fields."""

    def __init__(self, filename: str, row: int, errors: list[RowError]):
        self.filename, self.row, self.errors = filename, row, errors

    def fail(self, column: str, message: str):
        self.errors.append(RowError(self.filename, self.row, column, message))

    def integer(self, values: dict, column: str, required: bool = False) -> int | None:
        raw = values[column]
        if not raw:
            if required:
                self.fail(column, _("A value is required."))
            return None
        if not raw.isdigit() or int(raw) < 1:
            self.fail(column, _("“%(value)s” is not a whole number of 1 or more.") % {"value": raw})
            return None
        return int(raw)

    def score(self, values: dict, column: str) -> Decimal | None:
        raw = values[column]
        if not raw:
            return None
        try:
            number = Decimal(raw)
        except InvalidOperation:
            hint = _(" Use a decimal point, not a comma.") if "," in raw else ""
            self.fail(column, _("“%(value)s” is not a number.") % {"value": raw} + hint)
            return None
        if not number.is_finite() or not (0 <= number <= 100):
            self.fail(column, _("“%(value)s” is not between 0 and 100.") % {"value": raw})
            return None
        if number != number.quantize(Decimal("0.01")):
            self.fail(column, _("“%(value)s” has more than two decimal places.") % {"value": raw})
            return None
        return number.quantize(Decimal("0.01"))

    def date(self, values: dict, column: str) -> datetime.date | None:
        raw = values[column]
        if not raw:
            return None
        try:
            return datetime.date.fromisoformat(raw)
        except ValueError:
            self.fail(column, _("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": raw})
            return None


def parse_editions(data: bytes, filename: str = EDITIONS_FILENAME) -> list[EditionRow]:
    text = _decode(data, filename)
    errors: list[RowError] = []
    result: list[EditionRow] = []
    seen: dict[int, int] = {}
    for row, values in _records(text, filename, EDITION_COLUMNS, errors):
        check = _RowChecker(filename, row, errors)
        year = check.integer(values, "edition_year", required=True)
        if year is not None and year in seen:
            check.fail("edition_year", _("Edition %(year)d already in row %(row)d.") % {
                "year": year, "row": seen[year]})  # fmt: skip
        edition = EditionRow(
            row=row,
            year=year or 0,
            cities_ranked=check.integer(values, "cities"),
            published_on=check.date(values, "published_on"),
            indicators=check.integer(values, "indicators"),
            parameters=check.integer(values, "parameters"),
            note=values["note"],
        )
        if year is not None:
            seen[year] = row
            result.append(edition)
    if errors:
        raise ImportRefused(sorted(errors, key=lambda e: e.row))
    return result


def area_codes_by_name() -> dict[str, str]:
    names = {name: code for code, name, _position, _overall in AREAS}
    return names | AREA_ALIASES


def parse_rankings(
    data: bytes, editions: dict[int, int | None], filename: str = "smart_city_index.csv"
) -> list[EntryRow]:
    """Validate every row. ``editions`` maps each known year to its number of cities ranked."""
    text = _decode(data, filename)
    errors: list[RowError] = []
    areas = area_codes_by_name()
    provenances = set(Provenance.values)
    by_key: dict[tuple, EntryRow] = {}
    for row, values in _records(text, filename, RANKING_COLUMNS, errors):
        check = _RowChecker(filename, row, errors)
        year = check.integer(values, "edition_year", required=True)
        if year is not None and year not in editions:
            check.fail(
                "edition_year",
                _("There is no edition %(year)d. Import the editions file first.") % {"year": year},
            )
        city = values["city"]
        if not city:
            check.fail("city", _("A value is required."))
        elif len(city) > 100:
            check.fail("city", _("The name is longer than 100 characters."))
        area_code = areas.get(values["area"])
        if area_code is None:
            check.fail(
                "area",
                _("Unknown area “%(value)s”. Known areas: %(known)s.")
                % {"value": values["area"], "known": ", ".join(n for _c, n, _p, _o in AREAS)},
            )
        rank = check.integer(values, "rank")
        cities_ranked = editions.get(year) if year is not None else None
        if rank is not None and cities_ranked and rank > cities_ranked:
            check.fail(
                "rank",
                _("Rank %(rank)d is beyond the %(count)d cities ranked in %(year)d.")
                % {"rank": rank, "count": cities_ranked, "year": year},
            )
        score = check.score(values, "score")
        sources = [url.strip() for url in values["source_url"].split("|") if url.strip()]
        for url in sources:
            if not url.startswith(("https://", "http://")) or " " in url:
                check.fail("source_url", _("“%(value)s” is not a web address.") % {"value": url})
        provenance = values["provenance"] or Provenance.PUBLISHED
        if provenance not in provenances:
            check.fail(
                "provenance",
                _("Unknown provenance “%(value)s”. Allowed: %(allowed)s.")
                % {"value": provenance, "allowed": ", ".join(Provenance.values)},
            )
        if provenance == Provenance.DERIVED and not values["note"]:
            check.fail("note", _("A derived value needs a note that explains it."))
        if year is None or not city or area_code is None:
            continue
        entry = EntryRow(
            row=row,
            year=year,
            city=city,
            area_code=area_code,
            rank=rank,
            score=score,
            sources=SOURCE_SEPARATOR.join(sources),
            provenance=provenance,
            note=values["note"],
        )
        earlier = by_key.get(entry.key)
        if earlier is None:
            by_key[entry.key] = entry
        elif earlier.values != entry.values:
            check.fail(
                "",
                _("Duplicate of row %(row)d (same edition, city and area) with different values.")
                % {"row": earlier.row},
            )
    if errors:
        raise ImportRefused(sorted(errors, key=lambda e: e.row))
    return list(by_key.values())


def shared_ranks(rows: list[EntryRow], filename: str) -> list[RowError]:
    """Rows giving two cities the same rank in one edition and area: allowed (a tie), but shown.

    Bitkom ranks by unrounded values, so real ties are rare; a shared rank is
    more often a typing error, which the person importing should look at.
    """
    first: dict[tuple, EntryRow] = {}
    warnings = []
    for row in rows:
        if row.rank is None:
            continue
        key = (row.year, row.area_code, row.rank)
        if key in first:
            warnings.append(
                RowError(
                    filename,
                    row.row,
                    "rank",
                    _("Rank %(rank)d is also given to %(city)s in row %(row)d (a tie?).")
                    % {"rank": row.rank, "city": first[key].city, "row": first[key].row},
                )
            )
        else:
            first[key] = row
    return warnings


# --- writing -----------------------------------------------------------------


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


# --- city master data (federal state, AGS, peers) -----------------------------

CITY_COLUMNS = ["city", "federal_state", "ags", "population", "peers"]


def import_cities(data: bytes, filename: str = "cities.csv") -> int:
    """Set federal state, AGS, population and peers of cities; returns how many changed."""
    text = _decode(data, filename)
    errors: list[RowError] = []
    rows = []
    for row, values in _records(text, filename, CITY_COLUMNS, errors):
        check = _RowChecker(filename, row, errors)
        if values["federal_state"] and values["federal_state"] not in FederalState.values:
            check.fail("federal_state", _("Unknown federal state “%(value)s”.") % {
                "value": values["federal_state"]})  # fmt: skip
        if values["ags"] and not (values["ags"].isdigit() and len(values["ags"]) == 8):
            check.fail("ags", _("The AGS has eight digits."))
        population = check.integer(values, "population")
        peers = [name.strip() for name in values["peers"].split("|") if name.strip()]
        rows.append((values, population, peers))
    if errors:
        raise ImportRefused(sorted(errors, key=lambda e: e.row))
    changed = 0
    with transaction.atomic():
        taken = set(City.objects.values_list("slug", flat=True))
        cities = {city.name: city for city in City.objects.prefetch_related("peers")}
        for values, _population, _peers in rows:
            if values["city"] not in cities:
                city = City.objects.create(
                    name=values["city"], slug=unique_slug(values["city"], taken)
                )
                cities[city.name] = city
        for values, population, peers in rows:
            city = cities[values["city"]]
            new = (values["federal_state"], values["ags"], population)
            if (city.federal_state, city.ags, city.population) != new:
                city.federal_state, city.ags, city.population = new
                city.save(update_fields=["federal_state", "ags", "population"])
                changed += 1
            wanted = {cities[name].pk for name in peers if name in cities}
            if wanted != {peer.pk for peer in city.peers.all()}:
                city.peers.set(wanted)
                changed += 1
    return changed
