"""Reads for the public pages: published inquiries only, joins that keep query counts constant."""

import datetime

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from inquiries.models import (
    Answer,
    AnswerCorrection,
    AuditEvent,
    Inquiry,
    Meeting,
    Question,
    ReplyDocument,
    Topic,
)
from inquiries.models.inquiry import InquiryQuerySet

RELATED_LIMIT = 5


def published_inquiries() -> InquiryQuerySet:
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


def inquiry_with_questions(queryset: InquiryQuerySet, pk: int) -> Inquiry:
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
    released_replies = ReplyDocument.objects.order_by("-version")
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


def latest_answered(limit: int = 5) -> list[Inquiry]:
    return list(published_inquiries()[:limit])


def upcoming_meetings(limit: int = 6, now: datetime.datetime | None = None) -> list[Meeting]:
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


def topics_in_use() -> QuerySet[Topic]:
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
    # order_by() first: the stubs' manager made by as_manager() takes no Prefetch objects.
    questions = Question.objects.order_by("number").prefetch_related(
        Prefetch("answer", queryset=answers)
    )
    return (
        Inquiry.objects.select_related("author__faction", "faction", "meeting__committee")
        .prefetch_related("cosigners__faction", Prefetch("questions", queryset=questions))
        .get(pk=pk)
    )
