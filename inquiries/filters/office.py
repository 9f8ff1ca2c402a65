"""Filters of the council office inbox (django-filter)."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inquiries.models import Committee, Department, Faction, Inquiry, Meeting

OPEN_STATES = [Inquiry.Status.SUBMITTED, Inquiry.Status.REGISTERED, Inquiry.Status.ANSWERED]


class OfficeInboxFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Text"), method="filter_text")
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[("open", _("All open")), *Inquiry.Status.choices[1:]],
        method="filter_status",
        empty_label=_("All"),
    )
    meeting = django_filters.ModelChoiceFilter(
        label=_("Meeting"),
        queryset=Meeting.objects.select_related("committee").order_by("-starts_at"),
    )
    committee = django_filters.ModelChoiceFilter(
        label=_("Committee"), field_name="meeting__committee", queryset=Committee.objects.all()
    )
    faction = django_filters.ModelChoiceFilter(
        label=_("Faction"), field_name="author__faction", queryset=Faction.objects.all()
    )
    department = django_filters.ModelChoiceFilter(
        label=_("Department"),
        queryset=Department.objects.filter(is_active=True),
        method="filter_department",
    )
    year = django_filters.NumberFilter(label=_("Year"), field_name="number_year")
    overdue = django_filters.BooleanFilter(
        label=_("Only overdue"),
        method="filter_overdue",
        widget=forms.CheckboxInput,  # checked: only overdue; unchecked: all
    )

    class Meta:
        model = Inquiry
        fields: list = []

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and "status" not in data:
            data = data.copy()
            data["status"] = "open"
        super().__init__(data, *args, **kwargs)

    def filter_text(self, queryset, name, value):
        matching = Inquiry.objects.filter(
            Q(subject__icontains=value)
            | Q(preamble__icontains=value)
            | Q(questions__text__icontains=value)
        ).values("pk")
        return queryset.filter(pk__in=matching)

    def filter_status(self, queryset, name, value):
        if value == "open":
            return queryset.filter(status__in=OPEN_STATES)
        return queryset.filter(status=value)

    def filter_department(self, queryset, name, value):
        return queryset.filter(
            pk__in=Inquiry.objects.filter(questions__lead_department=value).values("pk")
        )

    def filter_overdue(self, queryset, name, value):
        if value:
            return queryset.overdue(timezone.localdate())
        return queryset
