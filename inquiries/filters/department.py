"""Filters of the department inbox (django-filter)."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inquiries.models import Department, Question


class DepartmentInboxFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Text"), method="filter_text")
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[("open", _("All open")), *Question.Status.choices[1:]],
        method="filter_status",
        empty_label=_("All"),
    )
    department = django_filters.ModelChoiceFilter(
        label=_("Department"), queryset=Department.objects.none(), method="filter_department"
    )
    overdue = django_filters.BooleanFilter(
        label=_("Only overdue"),
        method="filter_overdue",
        widget=forms.CheckboxInput,  # checked: only overdue; unchecked: all
    )

    class Meta:
        model = Question
        fields: list = []

    def __init__(self, data=None, *args, departments=None, **kwargs):
        if data is not None and "status" not in data:
            data = data.copy()
            data["status"] = "open"
        super().__init__(data, *args, **kwargs)
        if departments is not None:
            self.filters["department"].queryset = departments
            self.form.fields["department"].queryset = departments

    def filter_text(self, queryset, name, value):
        return queryset.filter(Q(text__icontains=value) | Q(inquiry__subject__icontains=value))

    def filter_status(self, queryset, name, value):
        if value == "open":
            return queryset.exclude(status=Question.Status.APPROVED)
        return queryset.filter(status=value)

    def filter_department(self, queryset, name, value):
        contributing = Question.contributing_departments.through.objects.filter(
            department=value
        ).values("question_id")
        return queryset.filter(Q(lead_department=value) | Q(pk__in=contributing))

    def filter_overdue(self, queryset, name, value):
        if value:
            return queryset.overdue(timezone.localdate())
        return queryset
