"""CSV and JSON export of an edition or a city, in the columns the import reads.

A CSV export imports again without changes (the round trip is tested).
"""

import csv
import io
import json

from rankings.importing.rows import RANKING_COLUMNS
from rankings.models import RankingEntry
from rankings.selectors import labels_by_edition


def _rows(entries):
    for entry in entries:
        yield {
            "edition_year": entry.edition.year,
            "city": entry.city.name,
            "area": entry.area.name,
            "rank": "" if entry.rank is None else entry.rank,
            "score": "" if entry.score is None else f"{entry.score.normalize():f}",
            "source_url": entry.sources,
            "provenance": entry.provenance,
            "note": entry.note,
        }


def ordered(entries):
    return entries.select_related("edition", "city", "area").order_by(
        "edition__year", "area__position", "rank", "city__name"
    )


def entries_csv(entries) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=RANKING_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(_rows(ordered(entries)))
    return out.getvalue()


def entries_json(entries) -> str:
    entries = list(ordered(entries))
    labels = labels_by_edition({e.edition_id for e in entries})
    data = []
    for entry, row in zip(entries, _rows(entries), strict=True):
        row = dict(row)
        row["rank"] = entry.rank
        row["score"] = None if entry.score is None else float(entry.score)
        row["area_label"] = labels.get((entry.edition_id, entry.area_id), entry.area.name)
        row["source_url"] = entry.source_urls
        data.append(row)
    return json.dumps(
        {"source": "Bitkom Smart City Index", "entries": data}, ensure_ascii=False, indent=2
    )


def edition_entries(edition):
    return RankingEntry.objects.filter(edition=edition)


def city_entries(city):
    return RankingEntry.objects.filter(city=city)
