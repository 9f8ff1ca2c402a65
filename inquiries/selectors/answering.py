"""Reads for the office and department inboxes, question pages and the dashboard."""

import datetime
import statistics
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from inquiries.models import (
    Answer,
    AnswerCorrection,
    AuditEvent,
    Department,
    Inquiry,
    Question,
)


def _question_count(**filters: object) -> Coalesce:
    """A correlated count of an inquiry's questions: computed only for the rows shown."""
    from django.db.models import IntegerField, Subquery

    counted = (
        Question.objects.filter(inquiry=OuterRef("pk"), **filters)
        .order_by()
        .values("inquiry")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def office_inbox(today: datetime.date) -> QuerySet[Inquiry]:
    """Inquiries the council office works on, with per-inquiry question counts (one query)."""
    from django.db.models import BooleanField, ExpressionWrapper

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


def department_inbox(user: User | AnonymousUser, today: datetime.date) -> QuerySet[Question]:
    """Questions routed to the user's departments (lead or contributing), with context."""

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


def question_in_context(pk: int) -> Question:
    """One question with its whole inquiry: the other questions and who answers them."""
    from inquiries.models import Contribution

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


def similar_to(inquiry: Inquiry, today: datetime.date) -> list[Inquiry]:
    """Inquiries answered in the last six months that resemble ``inquiry``."""
    from inquiries.similarity import similar_inquiries

    # ``answered_at`` is a date and time: the start of that day, in the portal's time zone.
    since = datetime.datetime.combine(today - datetime.timedelta(days=183), datetime.time.min)
    return similar_inquiries(
        inquiry.subject,
        [q.text for q in inquiry.questions.all()],
        exclude_pk=inquiry.pk,
        answered_since=timezone.make_aware(since),
    )


@dataclass(frozen=True)
class DepartmentLoad:
    """One department's row on the office dashboard."""

    code: str
    name: str
    open_count: int
    overdue_count: int
    answered_count: int
    median_days: float | None


def dashboard_figures(
    today: datetime.date,
) -> tuple[list[DepartmentLoad], dict[str, float | None]]:
    """Per department: open, overdue and answered questions, and median days to approval."""

    from django.db.models import Count, Q

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
    all_days: list[float] = []
    for department_id, approved_at, registered_at in approved:
        assert approved_at is not None  # both filtered on above
        assert registered_at is not None
        days = (approved_at - registered_at).total_seconds() / 86400
        durations.setdefault(department_id, []).append(days)
        all_days.append(days)
    loads = []
    for row in rows:
        values = durations.get(row.pk)
        loads.append(
            DepartmentLoad(
                code=row.code,
                name=row.name,
                open_count=row.open_count,
                overdue_count=row.overdue_count,
                answered_count=row.answered_count,
                median_days=round(statistics.median(values), 1) if values else None,
            )
        )
    total: dict[str, float | None] = {
        "open": sum(r.open_count for r in loads),
        "overdue": sum(r.overdue_count for r in loads),
        "answered": sum(r.answered_count for r in loads),
        "median_days": round(statistics.median(all_days), 1) if all_days else None,
    }
    return loads, total
