"""Reads across models, with the joins that keep query counts constant."""

import statistics
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from inquiries.models import (
    Answer,
    AnswerCorrection,
    AuditEvent,
    Department,
    Inquiry,
    Meeting,
    Question,
    Topic,
)

RELATED_LIMIT = 5


def published_inquiries():
    """Published inquiries for public lists, newest first."""
    return (
        Inquiry.objects.published()
        .with_listing_relations()
        .prefetch_related("topics")
        .annotate(
            has_holding_answer=Exists(
                Answer.objects.filter(inquiry=OuterRef("pk"), is_holding_answer=True)
            ),
            has_correction=Exists(AnswerCorrection.objects.filter(answer__inquiry=OuterRef("pk"))),
        )
        .order_by("-published_at", "-pk")
    )


def inquiry_with_questions(queryset, pk: int) -> Inquiry:
    """One inquiry with its questions, answers and public timeline (404 if not in ``queryset``).

    Each answer comes with its attachments, corrections (oldest first) and the
    numbers of all questions it answers (a grouped answer).
    """
    questions = (
        Question.objects.select_related("lead_department", "answer__department")
        .prefetch_related(
            "answer__attachments",
            Prefetch(
                "answer__corrections", queryset=AnswerCorrection.objects.order_by("created_at")
            ),
            Prefetch(
                "answer__questions",
                queryset=Question.objects.order_by("number").only("pk", "number", "answer_id"),
            ),
        )
        .order_by("number")
    )
    timeline = AuditEvent.objects.public().order_by("created_at", "pk")
    return get_object_or_404(
        queryset.with_listing_relations().prefetch_related(
            "topics",
            Prefetch("questions", queryset=questions),
            Prefetch("events", queryset=timeline, to_attr="public_events"),
        ),
        pk=pk,
    )


def related_inquiries(inquiry: Inquiry) -> list[Inquiry]:
    """Other published inquiries on the same topics or answered by the same departments."""
    topic_ids = [topic.pk for topic in inquiry.topics.all()]
    department_ids = {q.lead_department_id for q in inquiry.questions.all() if q.lead_department_id}
    if not topic_ids and not department_ids:
        return []
    shared = Question.objects.filter(inquiry=OuterRef("pk"), lead_department_id__in=department_ids)
    on_topic = Inquiry.topics.through.objects.filter(
        inquiry_id=OuterRef("pk"), topic_id__in=topic_ids
    )
    return list(
        Inquiry.objects.published()
        .exclude(pk=inquiry.pk)
        .filter(Exists(on_topic) | Exists(shared))
        .select_related("meeting__committee")
        .order_by("-published_at", "-pk")[:RELATED_LIMIT]
    )


def latest_answered(limit: int = 5):
    return list(published_inquiries()[:limit])


def upcoming_meetings(limit: int = 6, now=None):
    """The next meetings, each with its published inquiries."""
    return list(
        Meeting.objects.upcoming(now)
        .filter(is_cancelled=False)
        .select_related("committee")
        .prefetch_related(
            Prefetch(
                "inquiries",
                queryset=Inquiry.objects.published().order_by("subject"),
                to_attr="published_inquiries",
            )
        )
        .order_by("starts_at")[:limit]
    )


def topics_in_use():
    """Topics with at least one published inquiry, with their counts."""
    return (
        Topic.objects.annotate(
            published_count=Count("inquiries", filter=Q(inquiries__status=Inquiry.Status.PUBLISHED))
        )
        .filter(published_count__gt=0)
        .order_by("name")
    )


# --- transparency statistics ---------------------------------------------------------------


@dataclass(frozen=True)
class AnswerFigures:
    label: str
    answered: int
    median_days: float | None
    on_time_share: float | None  # 0..1, of those with a due date

    @property
    def on_time_percent(self) -> int | None:
        return None if self.on_time_share is None else round(self.on_time_share * 100)


def _figures(label: str, rows: list[tuple]) -> AnswerFigures:
    """``rows``: (start, answered_at, due_date) of answered items."""
    days = [(end - start).total_seconds() / 86400 for start, end, _due in rows if start and end]
    dated = [(end, due) for _start, end, due in rows if end and due]
    on_time = [timezone.localdate(end) <= due for end, due in dated]
    return AnswerFigures(
        label=label,
        answered=len(rows),
        median_days=round(statistics.median(days), 1) if days else None,
        on_time_share=(sum(on_time) / len(on_time)) if on_time else None,
    )


def statistics_by_year() -> list[AnswerFigures]:
    """Per year of the inquiry number: inquiries answered, median days, share on time."""
    rows = (
        Inquiry.objects.published()
        .filter(answered_at__isnull=False)
        .values_list("number_year", "published_at", "submitted_at", "answered_at", "due_date")
    )
    by_year: dict[int, list[tuple]] = {}
    for year, published_at, submitted, answered, due in rows:
        key = year or timezone.localdate(published_at).year
        by_year.setdefault(key, []).append((submitted, answered, due))
    return [_figures(str(year), by_year[year]) for year in sorted(by_year)]


def statistics_by_department() -> list[AnswerFigures]:
    """Per lead department: answers approved in published inquiries, median days, on time."""
    rows = Question.objects.filter(
        inquiry__status=Inquiry.Status.PUBLISHED,
        answer__approved_at__isnull=False,
        lead_department__isnull=False,
    ).values_list(
        "lead_department_id",
        "inquiry__registered_at",
        "answer__approved_at",
        "inquiry__due_date",
    )
    by_department: dict[int, list[tuple]] = {}
    for department_id, registered, approved, due in rows:
        by_department.setdefault(department_id, []).append((registered, approved, due))
    departments = Department.objects.in_bulk(list(by_department))
    figures = [_figures(str(departments[pk]), items) for pk, items in by_department.items()]
    return sorted(figures, key=lambda f: f.label)
