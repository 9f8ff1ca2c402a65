"""SVG charts drawn on the server by pygal: one style, no script, nothing from another host.

Every chart is served as an image (``<img>``, ``svg_response``) beside a table
of the same numbers for screen readers. pygal's default would reference its
tooltip script on a CDN (``js=[]`` stops that) and it always writes an inline
config script, which ``render`` removes; pygal's own styles stay inside the SVG.
The callers turn their figures into labels and series; nothing here knows the domain.
"""

import xml.etree.ElementTree as ET

import pygal
from django.http import HttpResponse
from django.utils.translation import gettext as _
from pygal.style import Style

STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1b1f23",
    foreground_strong="#1b1f23",
    foreground_subtle="#4a5560",
    colors=("#0b4f6c", "#b35c00", "#1d6b2f", "#c4122f", "#6a1b9a", "#00796b", "#424242"),
    font_family="system-ui, 'DejaVu Sans', Arial, sans-serif",
    label_font_size=13,
    major_label_font_size=13,
    legend_font_size=13,
    title_font_size=16,
)
WIDTH = 780


def render(chart) -> bytes:
    """The chart as an SVG document without any script."""
    root = chart.render_tree()
    for parent in root.iter():
        for child in list(parent):
            if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == "script":
                parent.remove(child)
    document = '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode")
    return document.encode("utf-8")


def svg_response(svg: bytes) -> HttpResponse:
    response = HttpResponse(svg, content_type="image/svg+xml")
    # The chart's own styles live inside the SVG; it runs no script.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def bar_chart(
    title: str,
    labels: list[str],
    series: list[tuple[str, list, bool]],
    *,
    horizontal: bool = False,
) -> bytes:
    """Bars per label; each series is ``(name, values, on the second axis)``.

    The second axis runs from 0 to 100 (a share in percent), so that it is not
    squashed beside counts and days.
    """
    kind = pygal.HorizontalBar if horizontal else pygal.Bar
    chart = kind(
        style=STYLE,
        js=[],
        width=WIDTH,
        height=max(320, 36 * len(labels) + 140) if horizontal else 380,
        legend_at_bottom=True,
        legend_at_bottom_columns=1,
        truncate_legend=-1,  # whole legend labels
        secondary_range=(0, 100),
        print_values=False,
        show_y_guides=True,
        title=title,
    )
    chart.x_labels = labels
    for name, values, secondary in series:
        chart.add(name, values, secondary=secondary)
    return render(chart)


def rank_chart(
    title: str, years: list[int], series: list[tuple[str, list[int | None]]], max_rank: int
) -> bytes:
    """Ranks over the years, one line per series; rank 1 at the top (``inverse_y_axis``).

    A missing rank is ``None`` and leaves a gap in the line (``allow_interruptions``),
    never a zero. A chart without any rank shows only ``no_data_text``.
    """
    series = [(label, ranks) for label, ranks in series if any(r is not None for r in ranks)]
    # pygal cannot place fixed y labels on a chart without data (it fails in
    # ``_compute_y_labels``).
    y_labels = [1, *range(10, max_rank + 1, 10)] if series else None
    chart = pygal.Line(
        js=[],
        title=title,
        style=STYLE,
        width=WIDTH,
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
    return render(chart)
