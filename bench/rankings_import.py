"""Benchmark of the Smart City Index import and the city page; prints figures.

    .venv/bin/python bench/rankings_import.py [--repeat 5] [--requests 30]

Generates 7 editions × 83 cities × 6 rows (overall and five areas), then
measures, in a throw-away test database (SQLite, or PostgreSQL when
DATABASE_URL is set):

- parsing the CSV alone (``csv.reader`` over the decoded text),
- phase one of the import (parse and validate every row, no database writes),
- a full first import into an empty database (both phases, one transaction),
- a re-import of the same file (nothing changes),

and reports the ratio of each to parsing alone; then the median time of the
city page (with two peer cities) over the generated data.
"""

import argparse
import csv
import io
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "herne_portal.settings_test")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    setup_databases,
    setup_test_environment,
    teardown_databases,
)

from rankings.importing.rows import AREAS, EDITION_COLUMNS, RANKING_COLUMNS, parse_rankings  # noqa: E402
from rankings.importing.writing import import_rankings  # noqa: E402
from rankings.models import City, Edition, ImportRun, RankingEntry  # noqa: E402

YEARS = range(2019, 2026)
CITIES = 83
AREA_NAMES = [name for _code, name, _position, _overall in AREAS]


def generate() -> tuple[bytes, bytes]:
    rng = random.Random(7)
    names = [f"Teststadt {n:02d}" for n in range(1, CITIES + 1)]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(RANKING_COLUMNS)
    for year in YEARS:
        for area in AREA_NAMES:
            order = names[:]
            rng.shuffle(order)
            for rank, city in enumerate(order, start=1):
                score = f"{rng.uniform(20, 95):.1f}"
                provenance = "derived" if rng.random() < 0.05 else "published"
                note = "aus einer Veränderungsangabe berechnet" if provenance == "derived" else ""
                writer.writerow(
                    [year, city, area, rank, score, f"https://example.org/{year}/{rank}",
                     provenance, note]
                )  # fmt: skip
    editions = io.StringIO()
    ed = csv.writer(editions, lineterminator="\n")
    ed.writerow(EDITION_COLUMNS)
    for year in YEARS:
        ed.writerow([year, CITIES, f"{year}-10-01", 37, 160, ""])
    return out.getvalue().encode(), editions.getvalue().encode()


def timed(function, repeat: int, before=None) -> float:
    times = []
    for _ in range(repeat):
        if before is not None:
            before()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def empty():
    RankingEntry.objects.all().delete()
    City.objects.all().delete()
    Edition.objects.all().delete()
    ImportRun.objects.all().delete()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()

    data, editions = generate()
    rows = data.count(b"\n") - 1
    setup_test_environment()
    old = setup_databases(verbosity=0, interactive=False)
    try:
        vendor = connection.vendor
        parse = timed(lambda: list(csv.reader(io.StringIO(data.decode("utf-8")))), args.repeat)
        known = {year: CITIES for year in YEARS}
        validate = timed(lambda: parse_rankings(data, known), args.repeat)

        full = timed(lambda: import_rankings(data, editions), args.repeat, empty)
        again = timed(lambda: import_rankings(data, editions), args.repeat)
        assert RankingEntry.objects.count() == rows

        city = City.objects.get(name="Teststadt 01")
        city.peers.set(City.objects.filter(name__in=["Teststadt 02", "Teststadt 03"]))
        client = Client()
        url = city.get_absolute_url()
        assert client.get(url).status_code == 200
        page_times = []
        for _ in range(args.requests):
            start = time.perf_counter()
            client.get(url)
            page_times.append(time.perf_counter() - start)
    finally:
        teardown_databases(old, verbosity=0)

    print(f"Smart City Index import benchmark ({vendor}, median of {args.repeat})")
    size = len(data) / 1024
    print(f"  generated CSV: {rows} rows (7 editions × {CITIES} cities × 6), {size:.0f} KiB")
    print(f"  parse CSV alone:          {parse * 1000:8.1f} ms")
    print(
        f"  validate (phase one):     {validate * 1000:8.1f} ms  ({validate / parse:5.1f} × parse)"
    )
    print(f"  full first import:        {full * 1000:8.1f} ms  ({full / parse:5.1f} × parse)")
    print(f"  re-import, nothing new:   {again * 1000:8.1f} ms  ({again / parse:5.1f} × parse)")
    print(f"City page {url} over the generated data ({args.requests} requests)")
    print(f"  median:                   {statistics.median(page_times) * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
