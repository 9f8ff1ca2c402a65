"""Reads across models, with the joins that keep query counts constant."""

import statistics
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from inquiries.models import (
    Answer,
    AnswerCorrection,
    AuditEvent,
    CoSignature,
    Department,
    Inquiry,
    Meeting,
    Question,
    ReplyDocument,
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
    released_replies = ReplyDocument.objects.filter(is_released=True).order_by("-version")
    return get_object_or_404(
        queryset.with_listing_relations().prefetch_related(
            "topics",
            Prefetch("questions", queryset=questions),
            Prefetch("events", queryset=timeline, to_attr="public_events"),
            Prefetch("replies", queryset=released_replies, to_attr="released_replies"),
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


def inquiry_for_reply(pk: int) -> Inquiry:
    """One inquiry with everything its reply letter shows, in a constant number of queries."""
    answers = Answer.objects.select_related("department").prefetch_related(
        "attachments", "corrections"
    )
    questions = Question.objects.prefetch_related(Prefetch("answer", queryset=answers)).order_by(
        "number"
    )
    return (
        Inquiry.objects.select_related("author__faction", "faction", "meeting__committee")
        .prefetch_related("cosigners__faction", Prefetch("questions", queryset=questions))
        .get(pk=pk)
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


# --- Office and department inboxes, dashboard (issue 4) -----------------------------------


def _question_count(**filters):
    """A correlated count of an inquiry's questions: computed only for the rows shown."""
    from django.db.models import Count, IntegerField, OuterRef, Subquery

    counted = (
        Question.objects.filter(inquiry=OuterRef("pk"), **filters)
        .order_by()
        .values("inquiry")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def office_inbox(today):
    """Inquiries the council office works on, with per-inquiry question counts (one query)."""
    from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q

    overdue = Q(due_date__lt=today, status=Inquiry.Status.REGISTERED)
    reroute = Question.objects.filter(inquiry=OuterRef("pk")).exclude(reroute_reason="")
    return (
        Inquiry.objects.exclude(status=Inquiry.Status.DRAFT)
        .select_related("author__faction", "faction", "meeting__committee")
        .annotate(
            question_count=_question_count(),
            unrouted_count=_question_count(lead_department__isnull=True),
            approved_count=_question_count(status=Question.Status.APPROVED),
            has_reroute_request=Exists(reroute),
            is_overdue=ExpressionWrapper(overdue, output_field=BooleanField()),
        )
        .order_by("due_date", "-submitted_at", "-pk")
    )


def department_inbox(user, today):
    """Questions routed to the user's departments (lead or contributing), with context."""
    from django.db.models import Q

    from inquiries.permissions import department_ids

    deps = department_ids(user)
    contributing = Question.contributing_departments.through.objects.filter(
        department_id__in=deps
    ).values("question_id")
    return (
        Question.objects.filter(Q(lead_department_id__in=deps) | Q(pk__in=contributing))
        .filter(inquiry__status__in=[Inquiry.Status.REGISTERED, Inquiry.Status.ANSWERED])
        .select_related(
            "inquiry__meeting__committee", "inquiry__author", "lead_department", "answer"
        )
        .prefetch_related("contributing_departments")
        .order_by("inquiry__due_date", "inquiry_id", "number")
    )


def question_in_context(pk: int):
    """One question with its whole inquiry: the other questions and who answers them."""
    from inquiries.models import AnswerCorrection, Contribution

    siblings = Question.objects.select_related("lead_department", "answer").prefetch_related(
        "contributing_departments"
    )
    question = get_object_or_404(
        Question.objects.select_related(
            "inquiry__meeting__committee",
            "inquiry__author__faction",
            "lead_department",
            "answer__drafted_by",
            "answer__approved_by",
        ).prefetch_related(
            "contributing_departments",
            Prefetch("inquiry__questions", queryset=siblings),
            Prefetch(
                "contributions",
                queryset=Contribution.objects.select_related("department", "author"),
            ),
            Prefetch("answer__attachments"),
            Prefetch(
                "answer__corrections",
                queryset=AnswerCorrection.objects.select_related("corrected_by"),
            ),
            Prefetch(
                "events",
                queryset=AuditEvent.objects.filter(action="return")
                .select_related("actor")
                .order_by("-created_at", "-pk"),
                to_attr="return_events",
            ),
        ),
        pk=pk,
    )
    return question


def inquiry_for_office(pk: int) -> Inquiry:
    """One inquiry with everything the office page shows, including the full audit trail."""
    from inquiries.models import Answer

    questions = (
        Question.objects.select_related("lead_department", "answer__department")
        .prefetch_related("contributing_departments")
        .order_by("number")
    )
    events = AuditEvent.objects.select_related("actor", "question").order_by("created_at", "pk")
    holding = Answer.objects.filter(is_holding_answer=True).select_related("department")
    return get_object_or_404(
        Inquiry.objects.with_listing_relations().prefetch_related(
            Prefetch("questions", queryset=questions),
            Prefetch("events", queryset=events, to_attr="all_events"),
            Prefetch("answers", queryset=holding, to_attr="holding_answers"),
        ),
        pk=pk,
    )


def similar_to(inquiry: Inquiry, today):
    """Inquiries answered in the last six months that resemble ``inquiry``."""
    import datetime

    from django.utils import timezone

    from inquiries.similarity import similar_inquiries

    # ``answered_at`` is a date and time: the start of that day, in the portal's time zone.
    since = datetime.datetime.combine(today - datetime.timedelta(days=183), datetime.time.min)
    return similar_inquiries(
        inquiry.subject,
        [q.text for q in inquiry.questions.all()],
        exclude_pk=inquiry.pk,
        answered_since=timezone.make_aware(since),
    )


def dashboard_figures(today):
    """Per department: open, overdue and answered questions, and median days to approval."""
    import statistics

    from django.db.models import Count, Q

    from inquiries.models import Department

    open_q = ~Q(lead_questions__status=Question.Status.APPROVED) & Q(
        lead_questions__inquiry__status=Inquiry.Status.REGISTERED
    )
    rows = (
        Department.objects.annotate(
            open_count=Count("lead_questions", filter=open_q),
            overdue_count=Count(
                "lead_questions", filter=open_q & Q(lead_questions__inquiry__due_date__lt=today)
            ),
            answered_count=Count(
                "lead_questions", filter=Q(lead_questions__status=Question.Status.APPROVED)
            ),
        )
        .filter(Q(open_count__gt=0) | Q(answered_count__gt=0))
        .order_by("code")
    )
    durations: dict[int, list[float]] = {}
    approved = Question.objects.filter(
        status=Question.Status.APPROVED,
        answer__approved_at__isnull=False,
        inquiry__registered_at__isnull=False,
    ).values_list("lead_department_id", "answer__approved_at", "inquiry__registered_at")
    all_days = []
    for department_id, approved_at, registered_at in approved:
        days = (approved_at - registered_at).total_seconds() / 86400
        durations.setdefault(department_id, []).append(days)
        all_days.append(days)
    rows = list(rows)
    for row in rows:
        values = durations.get(row.pk)
        row.median_days = round(statistics.median(values), 1) if values else None
    total = {
        "open": sum(r.open_count for r in rows),
        "overdue": sum(r.overdue_count for r in rows),
        "answered": sum(r.answered_count for r in rows),
        "median_days": round(statistics.median(all_days), 1) if all_days else None,
    }
    return rows, total


# --- Councillors (issue 3) ------------------------------------------------------------


def councillor_inquiries(councillor):
    """The inquiries a councillor wrote, in every state, newest first."""
    return (
        Inquiry.objects.filter(author=councillor)
        .select_related("meeting__committee", "faction")
        .prefetch_related("cosignatures__councillor")
        .order_by("-updated_at", "-pk")
    )


def cosigned_inquiries(councillor):
    """Inquiries of others that ``councillor`` co-signs, with the own signature attached."""
    own = CoSignature.objects.filter(councillor=councillor)
    return (
        Inquiry.objects.filter(cosignatures__councillor=councillor)
        .select_related("meeting__committee", "author")
        .prefetch_related(Prefetch("cosignatures", queryset=own, to_attr="own_signatures"))
        .order_by("-updated_at", "-pk")
    )


def inquiry_for_councillor(queryset, pk: int) -> Inquiry:
    """One inquiry with questions, co-signatures and every event (404 if not in ``queryset``)."""
    return get_object_or_404(
        queryset.select_related(
            "author__faction", "faction", "meeting__committee"
        ).prefetch_related(
            Prefetch("questions", queryset=Question.objects.order_by("number")),
            Prefetch(
                "cosignatures",
                queryset=CoSignature.objects.select_related("councillor").order_by(
                    "councillor__last_name"
                ),
            ),
            Prefetch(
                "events",
                queryset=AuditEvent.objects.select_related("actor").order_by("created_at", "pk"),
                to_attr="all_events",
            ),
        ),
        pk=pk,
    )
