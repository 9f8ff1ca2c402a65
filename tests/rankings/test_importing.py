"""Import of the Smart City Index CSV: all rows checked first, then all or nothing."""

from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from rankings import exporting
from rankings.demo import EDITIONS_FILE, RANKINGS_FILE
from rankings.importing.files import MAX_BYTES, ImportRefused
from rankings.importing.writing import import_rankings
from rankings.models import (
    AreaLabel,
    City,
    Edition,
    ImportRun,
    Provenance,
    RankingEntry,
)

HEADER = "edition_year,city,area,rank,score,source_url,provenance,note\n"
GOOD = "2021,Herne,Verwaltung,73,,https://example.org/waz,published,\n"


def snapshot():
    """Everything the import writes, to show that a refused file changed nothing."""
    return (
        list(Edition.objects.order_by("year").values()),
        list(City.objects.order_by("name").values()),
        list(RankingEntry.objects.order_by("pk").values()),
        list(AreaLabel.objects.order_by("pk").values()),
        ImportRun.objects.count(),
    )


def refused(path, capsys) -> str:
    with pytest.raises(CommandError, match="nichts wurde importiert"):
        call_command("import_rankings", str(path))
    return capsys.readouterr().err


def entry(year, city, area):
    return RankingEntry.objects.get(edition__year=year, city__name=city, area__name=area)


@pytest.mark.django_db
def test_shared_file_gives_herne_2021_ranks_and_derived_2020(index_data):
    assert index_data.added == 501
    assert index_data.changed == 0
    assert entry(2021, "Herne", "Gesamt").rank == 67
    assert entry(2021, "Herne", "Verwaltung").rank == 73
    previous = entry(2020, "Herne", "Verwaltung")
    assert previous.rank == 67
    assert previous.provenance == Provenance.DERIVED
    assert "sechs Plätze nach unten" in previous.note
    assert entry(2021, "Bochum", "Gesamt").score == Decimal("71.20")
    assert Edition.objects.get(year=2024).cities_ranked == 82


@pytest.mark.django_db
def test_area_keeps_identity_with_label_per_edition(index_data):
    labels = dict(
        AreaLabel.objects.filter(area__code="gesellschaft").values_list("edition__year", "label")
    )
    assert labels[2022] == "Gesellschaft"
    assert labels[2023] == "Gesellschaft und Bildung"
    assert labels[2025] == "Gesellschaft und Bildung"


@pytest.mark.django_db
def test_reimport_of_same_file_changes_nothing(index_data):
    before = snapshot()
    report = import_rankings(RANKINGS_FILE.read_bytes(), EDITIONS_FILE.read_bytes())
    assert (report.added, report.changed, report.unchanged) == (0, 0, 501)
    assert (report.editions_added, report.editions_changed, report.cities_added) == (0, 0, 0)
    assert snapshot() == before


@pytest.mark.django_db
def test_command_reports_added_and_changed_rows(index_data, csv_file, capsys):
    path = csv_file(
        HEADER + GOOD.replace(",73,", ",74,") + "2021,Neustadt,Gesamt,80,,,published,\n"
    )
    call_command("import_rankings", str(path))
    out = capsys.readouterr().out
    assert "1 neu, 1 geändert" in out
    assert "Herne 2021 Verwaltung: Rang 73 → 74" in out
    assert entry(2021, "Herne", "Verwaltung").rank == 74
    assert ImportRun.objects.filter(filename="rankings.csv", added=1, changed=1).exists()


@pytest.mark.django_db
def test_exported_csv_imports_again_without_changes(index_data):
    edition = Edition.objects.get(year=2021)
    content = exporting.entries_csv(exporting.edition_entries(edition))
    assert content.startswith(HEADER)
    report = import_rankings(content.encode())
    assert report.added == report.changed == 0
    assert report.unchanged == RankingEntry.objects.filter(edition=edition).count()


# --- bad input: refused with the row named, database unchanged ------------------------


@pytest.mark.django_db
def test_wrong_header_is_refused(index_data, csv_file, capsys):
    before = snapshot()
    path = csv_file("year,city,area,rank,score,source,provenance,note\n" + GOOD)
    err = refused(path, capsys)
    assert "Zeile 1" in err
    assert "Falsche Kopfzeile" in err
    assert "fehlt: edition_year, source_url" in err
    assert snapshot() == before


@pytest.mark.django_db
def test_unknown_area_is_refused_naming_row_and_column(index_data, csv_file, capsys):
    before = snapshot()
    path = csv_file(HEADER + GOOD + "2021,Herne,Digitales,12,,,published,\n")
    err = refused(path, capsys)
    assert "Zeile 3, Spalte „area“: Unbekannter Bereich „Digitales“" in err
    assert snapshot() == before


@pytest.mark.django_db
def test_rank_that_is_not_a_number_is_refused(index_data, csv_file, capsys):
    before = snapshot()
    path = csv_file(HEADER + GOOD + "2021,Bochum,Gesamt,sieben,71.2,,published,\n")
    err = refused(path, capsys)
    assert "Zeile 3, Spalte „rank“: „sieben“ ist keine ganze Zahl" in err
    assert snapshot() == before


@pytest.mark.django_db
def test_year_without_edition_is_refused(index_data, csv_file, capsys):
    before = snapshot()
    path = csv_file(HEADER + "2031,Herne,Gesamt,12,,,published,\n" + GOOD)
    err = refused(path, capsys)
    assert "Zeile 2, Spalte „edition_year“: Es gibt keine Ausgabe 2031" in err
    assert snapshot() == before


@pytest.mark.django_db
def test_conflicting_duplicate_row_is_refused_naming_both_rows(index_data, csv_file, capsys):
    before = snapshot()
    path = csv_file(HEADER + GOOD + GOOD + GOOD.replace(",73,", ",72,"))
    err = refused(path, capsys)
    assert "Zeile 4: Doppelt zu Zeile 2" in err
    assert "Zeile 3" not in err  # an identical repetition is no conflict
    assert snapshot() == before


@pytest.mark.django_db
def test_empty_file_is_refused(index_data, csv_file, capsys):
    before = snapshot()
    err = refused(csv_file(b""), capsys)
    assert "Zeile 1: Die Datei ist leer" in err
    err = refused(csv_file(HEADER), capsys)
    assert "Zeile 2: Die Datei hat eine Kopfzeile, aber keine Zeilen" in err
    assert snapshot() == before


@pytest.mark.django_db
def test_latin1_file_is_refused_naming_the_first_bad_row(index_data, csv_file, capsys):
    before = snapshot()
    text = HEADER + GOOD + "2021,München,Gesamt,12,,,published,\n"
    err = refused(csv_file(text.encode("latin-1")), capsys)
    assert "Zeile 3: Die Datei ist nicht UTF-8-kodiert" in err
    assert "Latin-1" in err
    assert snapshot() == before


@pytest.mark.django_db
def test_50_mb_file_is_refused_without_reading_it_whole(index_data, csv_file, capsys):
    before = snapshot()
    row = GOOD.encode()
    path = csv_file(HEADER.encode() + row * (50 * 1024 * 1024 // len(row) + 1))
    assert path.stat().st_size > 50 * 1024 * 1024
    err = refused(path, capsys)
    expected_row = (MAX_BYTES - len(HEADER)) // len(row) + 2
    assert f"Zeile {expected_row}: Die Datei ist größer als 5 MB" in err
    assert snapshot() == before


@pytest.mark.django_db
def test_every_bad_row_is_listed_not_only_the_first(index_data, csv_file, capsys):
    before = snapshot()
    path = csv_file(
        HEADER
        + "2021,Herne,Gesamt,-3,,,published,\n"
        + "2021,Herne,Mobilität,12,12,5,,geraten,\n"
        + '2021,Herne,Verwaltung,90,"71,2",ftp://x,derived,\n'
    )
    err = refused(path, capsys)
    assert "Zeile 2, Spalte „rank“" in err
    assert "Zeile 3: 8 Felder erwartet, 9 gefunden" in err
    assert "Zeile 4, Spalte „rank“: Rang 90 liegt jenseits der 81 Städte" in err
    assert "Zeile 4, Spalte „score“" in err
    assert "Dezimalpunkt" in err
    assert "Zeile 4, Spalte „source_url“" in err
    assert "Zeile 4, Spalte „note“" in err
    assert snapshot() == before


@pytest.mark.django_db
def test_rank_without_score_and_score_without_rank_are_accepted(db, csv_file):
    import_rankings(
        (HEADER + GOOD + "2021,Bochum,Verwaltung,,75.9,,published,\n").encode(),
        EDITIONS_FILE.read_bytes(),
    )
    assert entry(2021, "Herne", "Verwaltung").score is None
    assert entry(2021, "Bochum", "Verwaltung").rank is None


@pytest.mark.django_db
def test_bad_editions_file_is_refused_with_its_name(db):
    editions = (
        b"edition_year,cities,published_on,indicators,parameters,note\n2021,81,6.10.2021,36,,\n"
    )
    with pytest.raises(ImportRefused) as refusal:
        import_rankings((HEADER + GOOD).encode(), editions, editions_filename="e.csv")
    assert str(refusal.value.errors[0]).startswith("e.csv, Zeile 2, Spalte „published_on“")
    assert not Edition.objects.exists()


@pytest.mark.django_db
def test_shared_rank_is_imported_with_a_warning(index_data, csv_file, capsys):
    path = csv_file(HEADER + GOOD + "2021,Neustadt,Verwaltung,73,,,published,\n")
    call_command("import_rankings", str(path))
    out = capsys.readouterr().out
    assert "Zeile 3, Spalte „rank“: Rang 73 hat auch Herne in Zeile 2 (Gleichstand?)" in out
    assert (
        RankingEntry.objects.filter(edition__year=2021, area__code="verwaltung", rank=73).count()
        == 2
    )
