"""Server-rendered SVG charts (pygal) of the transparency statistics.

The figures come from ``selectors``; every chart is shown beside a table of
the same numbers. The SVG is served as an image (``<img>``), so pygal's own
styles stay inside the SVG document and no script runs.
"""

from xml.etree import ElementTree

import pygal
from django.utils.translation import gettext as _
from pygal.style import Style

from inquiries.selectors import AnswerFigures

STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1b1f23",
    foreground_strong="#1b1f23",
    foreground_subtle="#4a5560",
    colors=("#0b4f6c", "#b35c00", "#1d6b2f"),
    font_family="DejaVu Sans, Arial, sans-serif",
    label_font_size=12,
    major_label_font_size=12,
    legend_font_size=13,
    title_font_size=16,
)


def _chart(title: str, figures: list[AnswerFigures], horizontal: bool) -> bytes:
    kind = pygal.HorizontalBar if horizontal else pygal.Bar
    chart = kind(
        style=STYLE,
        js=[],  # no script from anywhere
        disable_xml_declaration=False,
        width=760,
        height=max(320, 36 * len(figures) + 140) if horizontal else 380,
        legend_at_bottom=True,
        legend_at_bottom_columns=1,
        truncate_legend=-1,  # whole legend labels
        secondary_range=(0, 100),
        print_values=False,
        show_y_guides=True,
        title=title,
    )
    chart.x_labels = [f.label for f in figures]
    chart.add(_("Answered"), [f.answered for f in figures])
    chart.add(_("Median days to answer"), [f.median_days for f in figures])
    # A share in percent is on a scale of its own (the second axis), so that
    # counts and days are not squashed beside 100.
    chart.add(_("Answered on time (%)"), [f.on_time_percent for f in figures], secondary=True)
    return _without_scripts(chart.render_tree())


def _without_scripts(root) -> bytes:
    """pygal always writes a small config script; an image needs none."""
    for parent in root.iter():
        for child in list(parent):
            if isinstance(child.tag, str) and child.tag.split("}")[-1] == "script":
                parent.remove(child)
    return b"<?xml version='1.0' encoding='utf-8'?>\n" + ElementTree.tostring(root)


def by_year_svg(figures: list[AnswerFigures]) -> bytes:
    return _chart(_("Inquiries per year"), figures, horizontal=False)


def by_department_svg(figures: list[AnswerFigures]) -> bytes:
    return _chart(_("Answers per lead department"), figures, horizontal=True)
