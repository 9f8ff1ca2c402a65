"""Rank-history charts as SVG, drawn on the server by pygal.

The SVG loads nothing from another host and carries no script (``js=[]``):
pygal's default would reference its tooltip script on a CDN, and pygal
always writes an inline config script, which ``_without_scripts`` removes. Missing ranks
are ``None`` and leave a gap in the line (``allow_interruptions``), never a
zero. Rank 1 is at the top (``inverse_y_axis``).
"""

import xml.etree.ElementTree as ET

import pygal
from django.utils.translation import gettext as _
from pygal.style import Style

STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1a1a1a",
    foreground_strong="#1a1a1a",
    foreground_subtle="#6b6b6b",
    font_family="system-ui, sans-serif",
    colors=("#004b87", "#c4122f", "#2e7d32", "#8e5b00", "#6a1b9a", "#00796b", "#424242"),
    label_font_size=14,
    major_label_font_size=14,
    legend_font_size=14,
    title_font_size=16,
)


def rank_chart(
    title: str, years: list[int], series: list[tuple[str, list[int | None]]], max_rank: int
) -> str:
    series = [(label, ranks) for label, ranks in series if any(r is not None for r in ranks)]
    # pygal cannot place fixed y labels on a chart without data (it fails in
    # ``_compute_y_labels``); such a chart shows only ``no_data_text``.
    y_labels = [1, *list(range(10, max_rank + 1, 10))] if series else None
    chart = pygal.Line(
        js=[],
        title=title,
        style=STYLE,
        width=800,
        height=420,
        explicit_size=False,
        inverse_y_axis=True,
        range=(1, max_rank),
        allow_interruptions=True,
        y_labels=y_labels,
        y_title=_("Rank"),
        x_labels=[str(year) for year in years],
        legend_at_bottom=True,
        truncate_legend=-1,
        dots_size=4,
        no_data_text=_("No ranks known"),
        show_x_guides=False,
    )
    for label, ranks in series:
        chart.add(label, ranks)
    return _without_scripts(chart.render_tree())


def _without_scripts(tree) -> str:
    for parent in tree.iter():
        for child in list(parent):
            if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == "script":
                parent.remove(child)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(tree, encoding="unicode")


def max_rank(editions) -> int:
    return max([e.cities_ranked or 0 for e in editions] + [10])


def city_rank_chart(city) -> str:
    """A city's rank history overall and per area; also for embedding in the reply PDF."""
    from rankings.selectors import city_history

    history = city_history(city)
    editions = [row.edition for row in history.rows]
    return rank_chart(
        _("%(city)s: ranks in the Smart City Index") % {"city": city.name},
        [e.year for e in editions],
        history.series(),
        max_rank(editions),
    )
