"""The public index pages: edition table, city page, comparison, area page, exports."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rankings.models import City, Edition
from tests.factories import CityFactory, EditionFactory, RankingEntryFactory


def text(response) -> str:
    """The page's text without tags and with collapsed white space."""
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def row_of(response, label) -> str:
    """The text of the table row whose header cell links to or names ``label``."""
    html = response.content.decode()
    for row in re.findall(r"<tr>(.*?)</tr>", html, re.S):
        if re.search(rf"<th scope=\"row\">(<a [^>]*>)?{re.escape(label)}(</a>)?</th>", row):
            return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip()
    raise AssertionError(f"no row {label}")


@pytest.mark.django_db
def test_edition_table_shows_herne_verwaltung_73_with_change_minus_6(client, index_data):
    response = client.get(reverse("rankings:edition", args=[2021]), {"bereich": "verwaltung"})
    assert response.status_code == 200
    row = row_of(response, "Herne")
    assert row.startswith("73 Herne Nordrhein-Westfalen — −6 aus einem abgeleiteten Wert")
    overall = client.get(reverse("rankings:edition", args=[2021]))
    assert row_of(overall, "Herne").startswith("67 Herne Nordrhein-Westfalen — — +6")


@pytest.mark.django_db
def test_edition_table_filters_by_federal_state_and_sorts(client, index_data):
    url = reverse("rankings:edition", args=[2021])
    response = client.get(url, {"land": "BY", "sortierung": "stadt"})
    cities = re.findall(r'<th scope="row"><a href="/smart-city-index/stadt/[^"]+/">([^<]+)</a>',
                        response.content.decode())  # fmt: skip
    assert "München" in cities
    assert "Herne" not in cities
    assert cities == sorted(cities)
    by_change = client.get(url, {"sortierung": "-veraenderung"})
    assert 'aria-sort="ascending"' in by_change.content.decode()


@pytest.mark.django_db
def test_edition_table_ignores_unknown_filter_values(client, index_data):
    response = client.get(
        reverse("rankings:edition", args=[2021]), {"bereich": "nix", "sortierung": "x"}
    )
    assert response.status_code == 200
    assert "Hamburg" in text(response)


@pytest.mark.django_db
def test_city_page_marks_derived_2020_value_and_shows_its_note(client, index_data):
    response = client.get(reverse("rankings:city", args=["herne"]))
    page = text(response)
    row_2021 = row_of(response, "2021")
    assert row_2021.startswith("2021 67 (+6) 73 (−6) 39 (+24)")
    row_2020 = row_of(response, "2020")
    assert row_2020.startswith("2020 73 67 abgeleitet")
    assert "Herne, 2020, Verwaltung: Rang 67" in page
    assert "2021 rank 73 after -6 (&#x27;sechs Plätze nach unten&#x27;)" in page
    assert "app-webview.sparknews.funkemedien.de" in page  # sources listed


@pytest.mark.django_db
def test_city_page_shows_gaps_as_dash_never_zero(client, index_data):
    response = client.get(reverse("rankings:city", args=["herne"]))
    assert row_of(response, "2019") == "2019 — — — — — —"
    assert row_of(response, "2025").startswith("2025 — — — — — —")
    assert " 0 " not in row_of(response, "2024")


@pytest.mark.django_db
def test_city_page_shows_computed_mean_and_peer_position(client, index_data):
    response = client.get(reverse("rankings:city", args=["bochum"]))
    page = text(response)
    assert "71,2 berechnet" in page  # (75.9+63.9+56.4+80.8+79)/5 for 2021
    herne = client.get(reverse("rankings:city", args=["herne"]))
    peer_rows = re.findall(r"<tr>.*?</tr>", herne.content.decode(), re.S)
    assert any("2021" in r and "3 von 3" in r for r in peer_rows)


@pytest.mark.django_db
def test_city_chart_is_svg_without_script_or_foreign_host(client, index_data):
    response = client.get(reverse("rankings:city_chart", args=["herne"]))
    assert response["Content-Type"].startswith("image/svg+xml")
    svg = response.content.decode()
    assert "<script" not in svg
    assert not re.search(r"(href|src)=\"https?://", svg)
    assert "Herne" in svg


@pytest.mark.django_db
def test_comparison_draws_known_overall_ranks_only(client, index_data):
    page = client.get(reverse("rankings:compare"))
    assert row_of(page, "2019").startswith("2019 — 32 45 abgeleitet")
    assert row_of(page, "2025").startswith("2025 — 5 (−1) —")
    chart = client.get(
        reverse("rankings:compare_chart"), {"stadt": ["herne", "bochum", "gelsenkirchen"]}
    )
    svg = chart.content.decode()
    # Herne 2020-2024 (5), Bochum 2019-2025 (7), Gelsenkirchen 2019-2022 and 2024 (5)
    assert len(re.findall(r"<circle [^>]*class=\"dot ", svg)) == 17
    for year in range(2019, 2026):
        assert f">{year}<" in svg


@pytest.mark.django_db
def test_comparison_of_chosen_cities_in_an_area(client, index_data):
    response = client.get(
        reverse("rankings:compare"), {"stadt": ["herne", "gelsenkirchen"], "bereich": "verwaltung"}
    )
    assert row_of(response, "2021").startswith("2021 — 73 (−6)")


@pytest.mark.django_db
def test_area_page_lists_labels_per_edition(client, index_data):
    response = client.get(reverse("rankings:area", args=["gesellschaft"]))
    page = text(response)
    assert "2022: Gesellschaft; 2023: Gesellschaft und Bildung" in page
    assert row_of(response, "Herne").startswith(
        "Herne — 69 abgeleitet 61 (+8) 65 (−4) Bereich unsicher"
    )


@pytest.mark.django_db
def test_exports_of_edition_and_city(client, index_data):
    csv_response = client.get(reverse("rankings:edition_csv", args=[2021]))
    assert 'filename="smart-city-index-2021.csv"' in csv_response["Content-Disposition"]
    assert "2021,Herne,Verwaltung,73,," in csv_response.content.decode()
    data = json.loads(client.get(reverse("rankings:city_json", args=["herne"])).content)
    verwaltung_2020 = next(
        e for e in data["entries"] if e["edition_year"] == 2020 and e["area"] == "Verwaltung"
    )
    assert verwaltung_2020["rank"] == 67
    assert verwaltung_2020["score"] is None
    assert verwaltung_2020["provenance"] == "derived"
    g2023 = next(
        e for e in data["entries"] if e["edition_year"] == 2023 and e["area"] == "Gesellschaft"
    )
    assert g2023["area_label"] == "Gesellschaft und Bildung"


@pytest.mark.django_db
def test_index_links_editions_areas_and_cities(client, index_data):
    page = text(client.get(reverse("rankings:index")))
    assert "2025" in page
    assert "Mobilität" in page
    assert "Herne" in page


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_city_and_edition_pages_run_constant_queries(client):
    city = CityFactory(name="Herne", slug="herne")
    peer = CityFactory(name="Bochum", slug="bochum")
    city.peers.add(peer)
    first = EditionFactory(year=2020)
    RankingEntryFactory(edition=first, city=city, rank=70)
    urls = [
        reverse("rankings:city", args=["herne"]),
        reverse("rankings:edition", args=[2020]),
        reverse("rankings:compare"),
        reverse("rankings:area", args=["gesamt"]),
    ]
    small = [_queries(client, url) for url in urls]
    for year in range(2021, 2026):
        edition = EditionFactory(year=year)
        RankingEntryFactory(edition=edition, city=city, rank=80 - year % 100, note="Notiz")
        RankingEntryFactory(edition=edition, city=peer, rank=10, provenance="derived", note="x")
        for n in range(5):
            RankingEntryFactory(edition=first, city=CityFactory(name=f"Stadt {year}-{n}"))
    assert [_queries(client, url) for url in urls] == small


@pytest.mark.django_db
def test_unknown_city_or_edition_is_404(client, db):
    assert client.get(reverse("rankings:city", args=["nirgendwo"])).status_code == 404
    assert client.get(reverse("rankings:edition", args=[1999])).status_code == 404
    assert not City.objects.exists()
    assert not Edition.objects.exists()


@pytest.mark.django_db
def test_charts_without_any_rank_say_so_instead_of_failing(client):
    city = CityFactory(name="Ohne Rang")
    RankingEntryFactory(city=CityFactory(name="Andere"))  # an edition and the overall area
    for url in (
        reverse("rankings:compare_chart"),
        reverse("rankings:city_chart", args=[city.slug]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Keine Ränge bekannt" in response.content.decode(), url
