"""Transparency statistics: inquiries answered, median days, share answered on time.

Days to answer, everywhere in the portal (these statistics and the office's
dashboard): the calendar days, to one decimal, from the submission of the
inquiry (``Inquiry.submitted_at``; for inquiries on paper, when the office
entered them) to the approval of the answer (``Answer.approved_at``); for a
whole inquiry, to the approval of its last answer (``Inquiry.answered_at``).
The figure shown is the median: half of the answers took less, half longer.
"""

import datetime
import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from inquiries.models import Department, Inquiry, Question
from inquiries.models.answering import released_answer

# (submitted_at, approved_at) of one answer; either may be missing
Span = tuple[datetime.datetime | None, datetime.datetime | None]
# (submitted_at, answered_at, due_date) of one answered inquiry or question
Row = tuple[datetime.datetime | None, datetime.datetime | None, datetime.date | None]


@dataclass(frozen=True)
class AnswerFigures:
    label: str
    answered: int
    median_days: float | None
    on_time_share: float | None  # 0..1, of those with a due date

    @property
    def on_time_percent(self) -> int | None:
        return None if self.on_time_share is None else round(self.on_time_share * 100)


def median_days_to_answer(spans: Iterable[Span]) -> float | None:
    """The median of the days to answer of ``(submitted_at, approved_at)`` pairs (see above)."""
    days = [(end - start).total_seconds() / 86400 for start, end in spans if start and end]
    return round(statistics.median(days), 1) if days else None


def _figures(label: str, rows: list[Row]) -> AnswerFigures:
    """``rows``: (submitted_at, answered_at, due_date) of answered items."""
    dated = [(end, due) for _start, end, due in rows if end and due]
    on_time = [timezone.localdate(end) <= due for end, due in dated]
    return AnswerFigures(
        label=label,
        answered=len(rows),
        median_days=median_days_to_answer((start, end) for start, end, _due in rows),
        on_time_share=(sum(on_time) / len(on_time)) if on_time else None,
    )


def statistics_by_year() -> list[AnswerFigures]:
    """Per year of the inquiry number: inquiries answered, median days, share on time."""
    rows = (
        Inquiry.objects.published()
        .filter(answered_at__isnull=False)
        .values_list("number_year", "published_at", "submitted_at", "answered_at", "due_date")
    )
    by_year: dict[int, list[Row]] = {}
    for year, published_at, submitted, answered, due in rows:
        key = year or timezone.localdate(published_at).year
        by_year.setdefault(key, []).append((submitted, answered, due))
    return [_figures(str(year), by_year[year]) for year in sorted(by_year)]


def statistics_by_department() -> list[AnswerFigures]:
    """Per lead department: answers approved in published inquiries, median days, on time."""
    rows = Question.objects.filter(
        released_answer(via="answer__"),
        inquiry__status=Inquiry.Status.PUBLISHED,
        lead_department__isnull=False,
    ).values_list(
        "lead_department_id",
        "inquiry__submitted_at",
        "answer__approved_at",
        "inquiry__due_date",
    )
    by_department: dict[int, list[Row]] = {}
    for department_id, submitted, approved, due in rows:
        by_department.setdefault(department_id, []).append((submitted, approved, due))
    departments = Department.objects.in_bulk(list(by_department))
    figures = [_figures(str(departments[pk]), items) for pk, items in by_department.items()]
    return sorted(figures, key=lambda f: f.label)
