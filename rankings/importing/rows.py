"""Phase one of an import, the rows: rankings and editions read and checked, nothing written.

The columns are those of ``data/smart_city_index.csv``:
``edition_year,city,area,rank,score,source_url,provenance,note``, and of
``data/smart_city_index_editions.csv``:
``edition_year,cities,published_on,indicators,parameters,note``.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from rankings.importing.files import ImportRefused, RowChecker, RowError, decode, records
from rankings.models import SOURCE_SEPARATOR, Provenance

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


def parse_editions(data: bytes, filename: str = EDITIONS_FILENAME) -> list[EditionRow]:
    text = decode(data, filename)
    errors: list[RowError] = []
    result: list[EditionRow] = []
    seen: dict[int, int] = {}
    for row, values in records(text, filename, EDITION_COLUMNS, errors):
        check = RowChecker(filename, row, errors)
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
    text = decode(data, filename)
    errors: list[RowError] = []
    areas = area_codes_by_name()
    provenances = set(Provenance.values)
    by_key: dict[tuple, EntryRow] = {}
    for row, values in records(text, filename, RANKING_COLUMNS, errors):
        check = RowChecker(filename, row, errors)
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
