"""Fixtures of the rankings tests: the shared Smart City Index data, imported."""

from pathlib import Path

import pytest

from rankings.demo import EDITIONS_FILE, RANKINGS_FILE, import_cities_file
from rankings.importing.rows import EDITIONS_FILENAME
from rankings.importing.writing import import_rankings


@pytest.fixture
def index_data(db):
    report = import_rankings(RANKINGS_FILE.read_bytes(), EDITIONS_FILE.read_bytes())
    import_cities_file()
    return report


@pytest.fixture
def csv_file(tmp_path):
    """Write text (or bytes) as a CSV file beside a copy of the editions file."""

    def write(content, name="rankings.csv") -> Path:
        path = tmp_path / name
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
        (tmp_path / EDITIONS_FILENAME).write_bytes(EDITIONS_FILE.read_bytes())
        return path

    return write
