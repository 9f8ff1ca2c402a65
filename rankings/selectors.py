"""Reads of the index with the derived numbers: rank change, mean score, peer position.

Every function runs a fixed number of queries, however many editions,
cities or areas there are. A missing value stays ``None`` (shown as "—");
nothing is invented: a change needs both ranks, a mean needs all five scores.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q

from rankings.models import (
    Area,
    AreaLabel,
    City,
    Edition,
    InquiryContext,
    Provenance,
    RankingEntry,
)

AREA_COUNT = 5


@dataclass
class Cell:
    """One city's value in one edition and area, with its change against the previous edition."""

    entry: RankingEntry | None = None
    previous: RankingEntry | None = None

    @property
    def rank(self):
        return self.entry.rank if self.entry else None

    @property
    def score(self):
        return self.entry.score if self.entry else None

    @property
    def change(self) -> int | None:
        """Places gained (positive) or lost (negative); ``None`` unless both ranks are known."""
        if self.rank is None or self.previous is None or self.previous.rank is None:
            return None
        return self.previous.rank - self.rank

    @property
    def change_uses_derived(self) -> bool:
        return self.change is not None and any(
            e is not None and e.provenance != Provenance.PUBLISHED
            for e in (self.entry, self.previous)
        )


def mean_score(scores) -> Decimal | None:
    """The overall score as the unweighted mean of the five area scores, if all are known."""
    scores = [s for s in scores if s is not None]
    if len(scores) != AREA_COUNT:
        return None
    return (sum(scores) / AREA_COUNT).quantize(Decimal("0.01"))


def noted(entries) -> list[RankingEntry]:
    """Entries with a note or not published, in edition, area and city order."""
    result = [e for e in entries if e.note or e.provenance != Provenance.PUBLISHED]
    return sorted(result, key=lambda e: (e.edition.year, e.area.position, e.city.name))


def editions() -> list[Edition]:
    return list(Edition.objects.order_by("year"))


def edition_years() -> list[int]:
    """Years of all editions, oldest first (for the open-data links of the OParl Body)."""
    return list(Edition.objects.order_by("year").values_list("year", flat=True))


def previous_editions(all_editions: list[Edition]) -> dict[int, Edition | None]:
    """Map each edition's id to the edition before it."""
    ordered = sorted(all_editions, key=lambda e: e.year)
    return {e.pk: (ordered[i - 1] if i else None) for i, e in enumerate(ordered)}


def labels_by_edition(edition_ids=None) -> dict[tuple[int, int], str]:
    labels = AreaLabel.objects.all()
    if edition_ids is not None:
        labels = labels.filter(edition_id__in=edition_ids)
    return {(x.edition_id, x.area_id): x.label for x in labels}


def area_label(labels, edition: Edition, area: Area) -> str:
    return labels.get((edition.pk, area.pk), area.name)


# --- city page -----------------------------------------------------------------


@dataclass
class HistoryRow:
    edition: Edition
    cells: list[Cell]  # in the order of ``CityHistory.areas``
    mean: Decimal | None = None
    peer_positions: list[tuple[int, int] | None] = field(default_factory=list)

    @property
    def overall(self) -> Cell:
        return self.cells[0]


@dataclass
class CityHistory:
    city: City
    areas: list[Area]
    rows: list[HistoryRow]
    labels: dict
    peers: list[City]

    @property
    def entries(self) -> list[RankingEntry]:
        return [cell.entry for row in self.rows for cell in row.cells if cell.entry]

    @property
    def noted_entries(self) -> list[RankingEntry]:
        return noted(self.entries)

    @property
    def sources(self) -> list[str]:
        seen: dict[str, None] = {}
        for entry in self.entries:
            for url in entry.source_urls:
                seen.setdefault(url)
        return list(seen)

    def series(self) -> list[tuple[str, list[int | None]]]:
        return [
            (area.name, [row.cells[i].rank for row in self.rows])
            for i, area in enumerate(self.areas)
        ]

    @property
    def renamed_areas(self) -> list[tuple[Area, list[tuple[int, str]]]]:
        """Areas whose label changed between editions, with (year, label) from each change."""
        result = []
        for area in self.areas:
            steps, last = [], None
            for row in self.rows:
                label = area_label(self.labels, row.edition, area)
                if label != last:
                    steps.append((row.edition.year, label))
                    last = label
            if len(steps) > 1:
                result.append((area, steps))
        return result


def _group_position(ranks: dict[int, int | None], city_id: int) -> tuple[int, int] | None:
    """(position, group size) of a city among cities with a known rank."""
    known = sorted((rank, cid) for cid, rank in ranks.items() if rank is not None)
    ids = [cid for _rank, cid in known]
    if city_id not in ids:
        return None
    return ids.index(city_id) + 1, len(ids)


def city_history(city: City) -> CityHistory:
    all_editions = editions()
    previous = previous_editions(all_editions)
    areas = list(Area.objects.order_by("position"))
    peers = list(city.peers.order_by("name"))
    group = [city.pk] + [p.pk for p in peers]
    entries = RankingEntry.objects.filter(city_id__in=group).select_related(
        "edition", "area", "city"
    )
    by_key = {(e.city_id, e.edition_id, e.area_id): e for e in entries}
    rows = []
    for edition in all_editions:
        prev = previous[edition.pk]
        cells = [
            Cell(
                entry=by_key.get((city.pk, edition.pk, area.pk)),
                previous=by_key.get((city.pk, prev.pk, area.pk)) if prev else None,
            )
            for area in areas
        ]
        mean = mean_score(
            cell.score for cell, area in zip(cells, areas, strict=True) if not area.is_overall
        )
        positions = []
        for area in areas:
            ranks = {}
            for cid in group:
                entry = by_key.get((cid, edition.pk, area.pk))
                ranks[cid] = entry.rank if entry else None
            positions.append(_group_position(ranks, city.pk) if peers else None)
        rows.append(HistoryRow(edition, cells, mean, positions))
    return CityHistory(city, areas, rows, labels_by_edition(), peers)


# --- edition table ---------------------------------------------------------------


@dataclass
class TableRow:
    city: City
    cell: Cell
    mean: Decimal | None = None


SORT_KEYS = {
    "rang": lambda r: (r.cell.rank is None, r.cell.rank or 0, r.city.name),
    "stadt": lambda r: r.city.name,
    "punkte": lambda r: (r.cell.score is None, -(r.cell.score or 0), r.city.name),
    "veraenderung": lambda r: (r.cell.change is None, -(r.cell.change or 0), r.city.name),
}


def edition_table(
    edition: Edition, area: Area, federal_state: str = "", sort: str = "rang"
) -> list[TableRow]:
    prev = Edition.objects.filter(year__lt=edition.year).order_by("-year").first()
    years = [edition.pk] + ([prev.pk] if prev else [])
    entries = (
        RankingEntry.objects.filter(edition_id__in=years, area=area)
        .select_related("city", "edition", "area")
        .order_by("pk")
    )
    if federal_state:
        entries = entries.filter(city__federal_state=federal_state)
    current = {e.city_id: e for e in entries if e.edition_id == edition.pk}
    before = {e.city_id: e for e in entries if e.edition_id != edition.pk}
    means: dict[int, Decimal | None] = {}
    if area.is_overall:
        scores: dict[int, list] = {}
        for city_id, score in RankingEntry.objects.filter(
            edition=edition, area__is_overall=False, city_id__in=current.keys()
        ).values_list("city_id", "score"):
            scores.setdefault(city_id, []).append(score)
        means = {city_id: mean_score(values) for city_id, values in scores.items()}
    rows = [
        TableRow(entry.city, Cell(entry, before.get(city_id)), means.get(city_id))
        for city_id, entry in current.items()
    ]
    key = sort.lstrip("-")
    rows.sort(key=SORT_KEYS.get(key, SORT_KEYS["rang"]))
    if sort.startswith("-"):
        known = [r for r in rows if _sort_value(r, key) is not None]
        rows = known[::-1] + [r for r in rows if _sort_value(r, key) is None]
    return rows


def _sort_value(row: TableRow, key: str):
    return {"rang": row.cell.rank, "punkte": row.cell.score, "veraenderung": row.cell.change}.get(
        key, row.city.name
    )


# --- comparison and area pages -------------------------------------------------


@dataclass
class Comparison:
    cities: list[City]
    area: Area
    editions: list[Edition]
    ranks: dict  # (city id, edition id) -> Cell

    def rows(self):
        """One row per edition: [Cell per city]."""
        return [
            (e, [self.ranks.get((c.pk, e.pk), Cell()) for c in self.cities]) for e in self.editions
        ]

    @property
    def noted_entries(self) -> list[RankingEntry]:
        return noted(cell.entry for cell in self.ranks.values() if cell.entry)

    def series(self) -> list[tuple[str, list[int | None]]]:
        return [
            (c.name, [self.ranks.get((c.pk, e.pk), Cell()).rank for e in self.editions])
            for c in self.cities
        ]


def comparison(cities: list[City], area: Area) -> Comparison:
    all_editions = editions()
    previous = previous_editions(all_editions)
    entries = RankingEntry.objects.filter(city__in=cities, area=area).select_related(
        "edition", "city", "area"
    )
    by_key = {(e.city_id, e.edition_id): e for e in entries}
    cells = {}
    for city in cities:
        for edition in all_editions:
            prev = previous[edition.pk]
            cells[(city.pk, edition.pk)] = Cell(
                by_key.get((city.pk, edition.pk)),
                by_key.get((city.pk, prev.pk)) if prev else None,
            )
    return Comparison(list(cities), area, all_editions, cells)


def area_overview(area: Area) -> tuple[list[Edition], list[tuple[City, list[Cell]]], dict]:
    """All cities with a value in this area, one column per edition, best latest rank first."""
    all_editions = editions()
    previous = previous_editions(all_editions)
    entries = RankingEntry.objects.filter(area=area).select_related("city", "edition", "area")
    by_key = {(e.city_id, e.edition_id): e for e in entries}
    cities = {e.city_id: e.city for e in entries}
    table = []
    for city in cities.values():
        cells = []
        for edition in all_editions:
            prev = previous[edition.pk]
            cells.append(
                Cell(
                    by_key.get((city.pk, edition.pk)),
                    by_key.get((city.pk, prev.pk)) if prev else None,
                )
            )
        table.append((city, cells))

    def latest_rank(item):
        for cell in reversed(item[1]):
            if cell.rank is not None:
                return (0, cell.rank, item[0].name)
        return (1, 0, item[0].name)

    table.sort(key=latest_rank)
    labels = labels_by_edition()
    return all_editions, table, {e.pk: area_label(labels, e, area) for e in all_editions}


# --- inquiry context panel -----------------------------------------------------


@dataclass
class ContextPanel:
    context: InquiryContext
    previous: Edition | None
    areas: list[Area]
    labels: list[str]
    rows: list[tuple[City, list[Cell]]]

    @property
    def noted_entries(self) -> list[RankingEntry]:
        return noted(
            entry
            for _city, cells in self.rows
            for cell in cells
            for entry in (cell.entry, cell.previous)
            if entry
        )


def inquiry_context_panel(inquiry) -> ContextPanel | None:
    """The index figures an inquiry names, in six queries whatever it names."""
    context = (
        InquiryContext.objects.select_related("edition")
        .prefetch_related("cities")
        .filter(inquiry_id=inquiry.pk)
        .first()
    )
    if context is None:
        return None
    edition = context.edition
    areas = list(
        Area.objects.filter(Q(is_overall=True) | Q(pk__in=context.areas.values("pk"))).order_by(
            "position"
        )
    )
    previous = Edition.objects.filter(year__lt=edition.year).order_by("-year").first()
    cities = list(context.cities.all())
    entries = RankingEntry.objects.filter(
        city__in=cities,
        area__in=areas,
        edition_id__in=[edition.pk] + ([previous.pk] if previous else []),
    ).select_related("city", "edition", "area")
    by_key = {(e.city_id, e.edition_id, e.area_id): e for e in entries}
    labels = labels_by_edition([edition.pk])
    rows = [
        (
            city,
            [
                Cell(
                    by_key.get((city.pk, edition.pk, area.pk)),
                    by_key.get((city.pk, previous.pk, area.pk)) if previous else None,
                )
                for area in areas
            ],
        )
        for city in cities
    ]
    return ContextPanel(
        context, previous, areas, [area_label(labels, edition, a) for a in areas], rows
    )
