"""Template helpers for the index: gaps as "—", signed rank changes, provenance marks."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from rankings import selectors
from rankings.models import Provenance

register = template.Library()

DASH = "—"
MINUS = "\u2212"


@register.filter
def dash(value):
    """A missing value shows as a dash, never as zero."""
    return DASH if value is None or value == "" else value


@register.filter
def score(value):
    """A score with the decimals it has (79,5; 88,13; 69), or a dash."""
    if value is None:
        return DASH
    text = f"{Decimal(value).quantize(Decimal('0.01')):f}".rstrip("0").rstrip(".")
    return number_format(Decimal(text))


@register.filter
def signed(change):
    """+5 for five places gained, −6 (with a real minus sign) for six lost, ±0 for none."""
    if change is None:
        return DASH
    if change > 0:
        return f"+{change}"
    if change < 0:
        return f"{MINUS}{-change}"
    return "±0"


@register.filter
def change_class(change):
    if change is None or change == 0:
        return "change"
    return "change change--up" if change > 0 else "change change--down"


@register.inclusion_tag("rankings/_value.html")
def ranked(cell, show_change=True):
    """A rank with its change and, unless published, its provenance linked to its note."""
    return {"cell": cell, "show_change": show_change, "Provenance": Provenance}


@register.simple_tag
def provenance_label(entry):
    return entry.get_provenance_display() if entry else ""


@register.simple_tag
def inquiry_ranking_context(inquiry):
    """The context panel's data for an inquiry, or ``None`` (a fixed number of queries)."""
    return selectors.inquiry_context_panel(inquiry)


@register.simple_tag
def query_with(querydict, **changes):
    """The current query string with some parameters replaced."""
    query = querydict.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.filter
def group_position(position):
    if not position:
        return DASH
    return _("%(position)d of %(size)d") % {"position": position[0], "size": position[1]}
