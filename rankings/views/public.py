"""Public pages of the Smart City Index: editions, cities, comparison, areas, charts."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from herne_portal import charts
from rankings import selectors
from rankings.forms import CompareForm, EditionFilterForm
from rankings.models import Area, City, Edition, Provenance

DEFAULT_COMPARISON = ["herne", "bochum", "gelsenkirchen"]


def _max_rank(editions) -> int:
    return max([e.cities_ranked or 0 for e in editions] + [10])


def index(request):
    return render(
        request,
        "rankings/index.html",
        {
            "editions": Edition.objects.order_by("-year"),
            "areas": Area.objects.order_by("position"),
            "cities": City.objects.order_by("name"),
        },
    )


def edition(request, year: int):
    edition = get_object_or_404(Edition, year=year)
    form = EditionFilterForm(request.GET or None)
    values = form.cleaned_data if form.is_bound and form.is_valid() else {}
    area = values.get("bereich") or Area.objects.filter(is_overall=True).first()
    if area is None:
        return render(
            request, "rankings/edition.html", {"edition": edition, "form": form, "rows": None}
        )
    sort = values.get("sortierung") or "rang"
    state = values.get("land") or ""
    rows = selectors.edition_table(edition, area, state, sort)
    labels = selectors.labels_by_edition([edition.pk])
    return render(
        request,
        "rankings/edition.html",
        {
            "edition": edition,
            "previous": Edition.objects.filter(year__lt=year).order_by("-year").first(),
            "form": form,
            "area": area,
            "area_label": selectors.area_label(labels, edition, area),
            "rows": rows,
            "noted": [
                r.cell.entry
                for r in rows
                if r.cell.entry is not None
                and (r.cell.entry.note or r.cell.entry.provenance != Provenance.PUBLISHED)
            ],
            "sort": sort,
            "state": state,
            "editions": Edition.objects.order_by("year"),
        },
    )


def city(request, slug: str):
    city = get_object_or_404(City, slug=slug)
    history = selectors.city_history(city)
    return render(request, "rankings/city.html", {"city": city, "history": history})


def city_chart(request, slug: str):
    """A city's rank history overall and per area."""
    city = get_object_or_404(City, slug=slug)
    history = selectors.city_history(city)
    editions = [row.edition for row in history.rows]
    svg = charts.rank_chart(
        _("%(city)s: ranks in the Smart City Index") % {"city": city.name},
        [e.year for e in editions],
        history.series(),
        _max_rank(editions),
    )
    return charts.svg_response(svg)


def _comparison(request):
    form = CompareForm(request.GET or None)
    values = form.cleaned_data if form.is_bound and form.is_valid() else {}
    cities = list(values.get("stadt") or [])
    if not cities:
        found = {c.slug: c for c in City.objects.filter(slug__in=DEFAULT_COMPARISON)}
        cities = [found[s] for s in DEFAULT_COMPARISON if s in found]
        if not form.is_bound:
            form = CompareForm(initial={"stadt": cities})
    area = values.get("bereich") or Area.objects.filter(is_overall=True).first()
    return form, cities, area


def compare(request):
    form, cities, area = _comparison(request)
    result = selectors.comparison(cities, area) if area else None
    return render(
        request,
        "rankings/compare.html",
        {
            "form": form,
            "comparison": result,
            "query": request.GET.urlencode() or "&".join(f"stadt={c.slug}" for c in cities),
        },
    )


def compare_chart(request):
    _form, cities, area = _comparison(request)
    if area is None:
        return charts.svg_response(charts.rank_chart("", [], [], 10))
    result = selectors.comparison(cities, area)
    svg = charts.rank_chart(
        _("Comparison: %(area)s") % {"area": area.name},
        [e.year for e in result.editions],
        result.series(),
        _max_rank(result.editions),
    )
    return charts.svg_response(svg)


def area(request, code: str):
    area = get_object_or_404(Area, code=code)
    editions, table, labels = selectors.area_overview(area)
    return render(
        request,
        "rankings/area.html",
        {
            "area": area,
            "editions": editions,
            "table": table,
            "labels": [(e, labels[e.pk]) for e in editions],
            "renamed": len(set(labels.values())) > 1,
            "noted": selectors.noted(
                cell.entry for _city, cells in table for cell in cells if cell.entry
            ),
        },
    )
