"""Transparency statistics: tables and the same numbers as SVG charts."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET

from herne_portal import charts
from inquiries import selectors

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


def _chart(title: str, figures: list[selectors.AnswerFigures], horizontal: bool):
    svg = charts.bar_chart(
        title,
        [f.label for f in figures],
        [
            (_("Answered"), [f.answered for f in figures], False),
            (_("Median days to answer"), [f.median_days for f in figures], False),
            (_("Answered on time (%)"), [f.on_time_percent for f in figures], True),
        ],
        horizontal=horizontal,
    )
    return charts.svg_response(svg)


@require_GET
@cache_page(CHART_CACHE_SECONDS)
def chart_by_year(request):
    return _chart(_("Inquiries per year"), selectors.statistics_by_year(), horizontal=False)


@require_GET
@cache_page(CHART_CACHE_SECONDS)
def chart_by_department(request):
    return _chart(
        _("Answers per lead department"), selectors.statistics_by_department(), horizontal=True
    )
