"""Forms of the rankings pages (filters) and of the admin upload."""

from django import forms
from django.utils.translation import gettext_lazy as _

from rankings.models import Area, City, FederalState

SORT_CHOICES = [
    ("rang", _("Rank, best first")),
    ("-rang", _("Rank, worst first")),
    ("stadt", _("City, A–Z")),
    ("punkte", _("Score, highest first")),
    ("-punkte", _("Score, lowest first")),
    ("veraenderung", _("Change, most improved first")),
    ("-veraenderung", _("Change, most fallen first")),
]


class EditionFilterForm(forms.Form):
    bereich = forms.ModelChoiceField(
        label=_("Area"),
        queryset=Area.objects.order_by("position"),
        to_field_name="code",
        required=False,
        empty_label=None,
    )
    land = forms.ChoiceField(
        label=_("Federal state"),
        choices=[("", _("All federal states")), *list(FederalState.choices)],
        required=False,
    )
    sortierung = forms.ChoiceField(label=_("Sort by"), choices=SORT_CHOICES, required=False)


class CompareForm(forms.Form):
    stadt = forms.ModelMultipleChoiceField(
        label=_("Cities"),
        queryset=City.objects.order_by("name"),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    bereich = forms.ModelChoiceField(
        label=_("Area"),
        queryset=Area.objects.order_by("position"),
        to_field_name="code",
        required=False,
        empty_label=None,
    )


class ImportForm(forms.Form):
    rankings_file = forms.FileField(
        label=_("Rankings (CSV)"),
        help_text=_(
            "Columns: edition_year, city, area, rank, score, source_url, provenance, note. UTF-8."
        ),
    )
    editions_file = forms.FileField(
        label=_("Editions (CSV, optional)"),
        required=False,
        help_text=_(
            "Columns: edition_year, cities, published_on, indicators, parameters, note. "
            "Needed when the rankings name a year that has no edition yet."
        ),
    )
