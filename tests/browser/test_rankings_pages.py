"""A visitor reads Herne's Smart City Index history, on a desktop and on a phone."""

import pytest

from rankings.demo import load_rankings
from tests.browser.test_public_pages import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/smart-city-index/",
    "/smart-city-index/2021/?bereich=verwaltung",
    "/smart-city-index/stadt/herne/",
    "/smart-city-index/vergleich/",
    "/smart-city-index/bereich/gesellschaft/",
]


@pytest.fixture
def index():
    load_rankings()


def test_visitor_goes_from_navigation_to_herne_and_sees_the_chart(page, index):
    page.goto("/")
    page.get_by_role("link", name="Smart City Index").first.click()
    page.get_by_role("link", name="Herne", exact=True).click()
    page.wait_for_url("**/stadt/herne/")
    chart = page.locator("figure.chart img")
    assert chart.evaluate("img => img.complete && img.naturalWidth > 0")
    assert "Liniendiagramm" in chart.get_attribute("alt")
    assert "73 (−6)" in page.get_by_role("row", name="2021").first.inner_text()


@pytest.mark.parametrize("url", PAGES)
def test_index_pages_are_accessible_and_fit_a_phone(page, index, url):
    page.goto(url)
    assert serious_violations(page) == []
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
