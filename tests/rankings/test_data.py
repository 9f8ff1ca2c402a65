"""The project carries its own copy of the shared index data, identical to the original."""

from pathlib import Path

import pytest
from django.conf import settings

from rankings.demo import DATA_DIR

SHARED = [
    Path(settings.BASE_DIR).parent / "shared" / "data",
    Path(settings.BASE_DIR).parent.parent / "shared" / "data",
]
FILES = [
    "README.md",
    "smart_city_index.csv",
    "smart_city_index_METHOD.md",
    "smart_city_index_editions.csv",
]


def test_copy_equals_shared_data_beside_the_clone():
    shared = next((p for p in SHARED if p.is_dir()), None)
    if shared is None:
        pytest.skip("no ../shared/data beside this clone")
    for name in FILES:
        assert (DATA_DIR / name).read_bytes() == (shared / name).read_bytes(), name


def test_city_list_covers_every_city_of_the_index():
    import csv

    rankings = {r["city"] for r in csv.DictReader((DATA_DIR / FILES[1]).open(encoding="utf-8"))}
    cities = {r["city"] for r in csv.DictReader((DATA_DIR / "cities.csv").open(encoding="utf-8"))}
    assert rankings <= cities
