"""Reads for the office and department inboxes, question pages and the dashboard."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from inquiries.models import (
    Answer,
    AnswerCorrection,
    AuditEvent,
    Contribution,
    Department,
    Inquiry,
    Question,
)
from inquiries.models.answering import released_answer
from inquiries.models.inquiry import overdue_question
from inquiries.permissions import department_ids
from inquiries.search.similarity import similar_inquiries
from inquiries.selectors.statistics import Span, median_days_to_answer


def _question_count(**filters: object) -> Coalesce:
    """A correlated count of an inquiry's questions: computed only for the rows shown."""
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
    reroute = Question.objects.filter(inquiry=OuterRef("pk")).exclude(reroute_reason="")
    return (
        Inquiry.objects.exclude(status=Inquiry.Status.DRAFT)
        .select_related("author__faction", "faction", "meeting__committee")
        .with_overdue_flag(today)
        .annotate(
            question_count=_question_count(),
            unrouted_count=_question_count(lead_department__isnull=True),
            approved_count=_question_count(status=Question.Status.APPROVED),
            has_reroute_request=Exists(reroute),
        )
        .order_by("due_date", "-submitted_at", "-pk")
    )


def department_inbox(user: User | AnonymousUser, today: datetime.date) -> QuerySet[Question]:
    """Questions routed to the user's departments (lead or contributing), with context."""
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
        .with_overdue_flag(today)
        .order_by("inquiry__due_date", "inquiry_id", "number")
    )


def question_in_context(pk: int, today: datetime.date) -> Question:
    """One question with its whole inquiry: the other questions and who answers them."""
    siblings = Question.objects.select_related("lead_department", "answer").prefetch_related(
        "contributing_departments"
    )
    question = get_object_or_404(
        Question.objects.with_overdue_flag(today)
        .select_related(
            "inquiry__meeting__committee",
            "inquiry__author__faction",
            "lead_department",
            "answer__inquiry",
            "answer__drafted_by",
            "answer__approved_by",
        )
        .prefetch_related(
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
                queryset=AuditEvent.objects.filter(action=AuditEvent.Action.RETURN)
                .select_related("actor")
                .order_by("-created_at", "-pk"),
                to_attr="return_events",
            ),
        ),
        pk=pk,
    )
    # The head's comment of the last return, while the answer is being reworked.
    returns: list[AuditEvent] = question.return_events  # type: ignore[attr-defined]  # to_attr
    drafting = question.status == Question.Status.DRAFTING
    # read by the template
    question.open_return = returns[0] if drafting and returns else None  # type: ignore[attr-defined]
    return question


def inquiry_for_office(pk: int, today: datetime.date) -> Inquiry:
    """One inquiry with everything the office page shows, including the full audit trail."""

    questions = (
        Question.objects.select_related("lead_department", "answer__department")
        .prefetch_related("contributing_departments")
        .order_by("number")
    )
    events = AuditEvent.objects.select_related("actor", "question").order_by("created_at", "pk")
    holding = Answer.objects.filter(is_holding_answer=True).select_related("department")
    return get_object_or_404(
        Inquiry.objects.with_listing_relations()
        .with_overdue_flag(today)
        .prefetch_related(
            Prefetch("questions", queryset=questions),
            Prefetch("events", queryset=events, to_attr="all_events"),
            Prefetch("answers", queryset=holding, to_attr="holding_answers"),
        ),
        pk=pk,
    )


def similar_to(inquiry: Inquiry, today: datetime.date) -> list[Inquiry]:
    """Inquiries answered in the last six months that resemble ``inquiry``."""
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
    """Per department: open, overdue and answered questions, and median days to answer.

    Days to answer as everywhere (``selectors.statistics``): submission to approval.
    """
    open_q = ~Q(lead_questions__status=Question.Status.APPROVED) & Q(
        lead_questions__inquiry__status=Inquiry.Status.REGISTERED
    )
    rows = (
        Department.objects.annotate(
            open_count=Count("lead_questions", filter=open_q),
            overdue_count=Count(
                "lead_questions", filter=overdue_question(today, via="lead_questions__")
            ),
            answered_count=Count(
                "lead_questions", filter=Q(lead_questions__status=Question.Status.APPROVED)
            ),
        )
        .filter(Q(open_count__gt=0) | Q(answered_count__gt=0))
        .order_by("code")
    )
    spans: dict[int, list[Span]] = {}
    approved = Question.objects.filter(
        released_answer(via="answer__"), status=Question.Status.APPROVED
    ).values_list("lead_department_id", "inquiry__submitted_at", "answer__approved_at")
    for department_id, submitted_at, approved_at in approved:
        spans.setdefault(department_id, []).append((submitted_at, approved_at))
    loads = [
        DepartmentLoad(
            code=row.code,
            name=row.name,
            open_count=row.open_count,
            overdue_count=row.overdue_count,
            answered_count=row.answered_count,
            median_days=median_days_to_answer(spans.get(row.pk, [])),
        )
        for row in rows
    ]
    every_span: Iterable[Span] = (span for group in spans.values() for span in group)
    total: dict[str, float | None] = {
        "open": sum(r.open_count for r in loads),
        "overdue": sum(r.overdue_count for r in loads),
        "answered": sum(r.answered_count for r in loads),
        "median_days": median_days_to_answer(every_span),
    }
    return loads, total
