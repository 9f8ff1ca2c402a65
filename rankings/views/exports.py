"""Downloads: an edition or a city as CSV (the import's columns) or JSON."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from rankings import exporting
from rankings.models import City, Edition


def _download(content: str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def edition_csv(request, year: int):
    edition = get_object_or_404(Edition, year=year)
    content = exporting.entries_csv(exporting.edition_entries(edition))
    return _download(content, "text/csv", f"smart-city-index-{year}.csv")


def edition_json(request, year: int):
    edition = get_object_or_404(Edition, year=year)
    content = exporting.entries_json(exporting.edition_entries(edition))
    return _download(content, "application/json", f"smart-city-index-{year}.json")


def city_csv(request, slug: str):
    city = get_object_or_404(City, slug=slug)
    content = exporting.entries_csv(exporting.city_entries(city))
    return _download(content, "text/csv", f"smart-city-index-{slug}.csv")


def city_json(request, slug: str):
    city = get_object_or_404(City, slug=slug)
    content = exporting.entries_json(exporting.city_entries(city))
    return _download(content, "application/json", f"smart-city-index-{slug}.json")
