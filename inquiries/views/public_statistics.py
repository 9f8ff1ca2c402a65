"""Transparency statistics: tables and the same numbers as SVG charts."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET

from inquiries import charts, selectors

CHART_CACHE_SECONDS = 600


@require_GET
def statistics(request):
    return render(
        request,
        "inquiries/public/statistics.html",
        {
            "by_year": selectors.statistics_by_year(),
            "by_department": selectors.statistics_by_department(),
        },
    )


def _svg(body: bytes) -> HttpResponse:
    response = HttpResponse(body, content_type="image/svg+xml")
    # The chart's own styles live inside the SVG; it runs no script.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
@cache_page(CHART_CACHE_SECONDS)
def chart_by_year(request):
    return _svg(charts.by_year_svg(selectors.statistics_by_year()))


@require_GET
@cache_page(CHART_CACHE_SECONDS)
def chart_by_department(request):
    return _svg(charts.by_department_svg(selectors.statistics_by_department()))
