"""The facets of the public list; their state lives in the address (shareable, bookmarkable).

Unknown values (a deleted topic, a typo in a bookmarked address) make only that
field invalid: it is ignored and its error shown beside it, never a 500.
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from inquiries.models import (
    Answer,
    AnswerCorrection,
    Committee,
    CoSignature,
    Councillor,
    Department,
    Faction,
    Inquiry,
    Meeting,
    Question,
    Topic,
)
from inquiries.search.query import MAX_QUERY_LENGTH


class MeetingChoiceFilter(django_filters.ModelChoiceFilter):
    def __init__(self, *args, **kwargs):
        published = Inquiry.objects.published().filter(meeting=OuterRef("pk"))
        kwargs.setdefault(
            "queryset",
            Meeting.objects.filter(Exists(published))
            .select_related("committee")
            .order_by("-starts_at"),
        )
        super().__init__(*args, **kwargs)


class PublicInquiryFilter(django_filters.FilterSet):
    STATUS_CHOICES = [
        ("beantwortet", _("Answered")),
        ("zwischennachricht", _("Holding answer")),
        ("berichtigt", _("Corrected")),
    ]
    SORT_CHOICES = [
        ("neu", _("Newest first")),
        ("alt", _("Oldest first")),
        ("relevanz", _("Best match (with a search)")),
        ("nummer", _("By number")),
    ]

    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_nothing",  # the view searches, so that it can rank and highlight
        widget=forms.TextInput(attrs={"type": "search", "maxlength": 2 * MAX_QUERY_LENGTH}),
    )
    jahr = django_filters.NumberFilter(
        field_name="number_year", label=_("Year"), min_value=1990, max_value=2100
    )
    gremium = django_filters.ModelChoiceFilter(
        field_name="meeting__committee",
        queryset=Committee.objects.order_by("kind", "name"),
        to_field_name="short_name",
        label=_("Committee"),
        empty_label=_("All committees"),
    )
    sitzung = MeetingChoiceFilter(
        field_name="meeting", label=_("Meeting"), empty_label=_("All meetings")
    )
    ratsmitglied = django_filters.ModelChoiceFilter(
        queryset=Councillor.objects.order_by("last_name", "first_name"),
        method="filter_councillor",
        label=_("Councillor"),
        empty_label=_("All councillors"),
    )
    fraktion = django_filters.ModelChoiceFilter(
        queryset=Faction.objects.order_by("name"),
        to_field_name="short_name",
        method="filter_faction",
        label=_("Faction"),
        empty_label=_("All factions"),
    )
    fachbereich = django_filters.ModelChoiceFilter(
        queryset=Department.objects.filter(
            Exists(
                Question.objects.filter(
                    lead_department=OuterRef("pk"), inquiry__status=Inquiry.Status.PUBLISHED
                )
            )
        ),
        method="filter_department",
        label=_("Lead department"),
        empty_label=_("All departments"),
    )
    status = django_filters.ChoiceFilter(
        choices=STATUS_CHOICES, method="filter_status", label=_("Status"), empty_label=_("All")
    )
    thema = django_filters.ModelChoiceFilter(
        field_name="topics",
        queryset=Topic.objects.all(),
        to_field_name="slug",
        label=_("Topic"),
        empty_label=_("All topics"),
    )
    sortierung = django_filters.ChoiceFilter(
        choices=SORT_CHOICES, method="filter_nothing", label=_("Sort"), empty_label=None
    )

    class Meta:
        model = Inquiry
        fields: list[str] = []

    def filter_nothing(self, queryset, name, value):
        return queryset

    def filter_councillor(self, queryset, name, value):
        cosigned = CoSignature.objects.filter(inquiry=OuterRef("pk"), councillor=value)
        return queryset.filter(Q(author=value) | Exists(cosigned))

    def filter_faction(self, queryset, name, value):
        return queryset.of_faction(value)

    def filter_department(self, queryset, name, value):
        return queryset.filter(
            Exists(Question.objects.filter(inquiry=OuterRef("pk"), lead_department=value))
        )

    def filter_status(self, queryset, name, value):
        if value == "zwischennachricht":
            return queryset.filter(
                Exists(Answer.objects.filter(inquiry=OuterRef("pk"), is_holding_answer=True))
            )
        if value == "berichtigt":
            return queryset.filter(
                Exists(AnswerCorrection.objects.filter(answer__inquiry=OuterRef("pk")))
            )
        return queryset.exclude(
            Exists(Answer.objects.filter(inquiry=OuterRef("pk"), is_holding_answer=True))
        )

    @property
    def sort(self) -> str:
        if self.is_bound and self.form.is_valid():
            return self.form.cleaned_data.get("sortierung") or ""
        return ""
