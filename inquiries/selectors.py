"""Reads across models, with the joins that keep query counts constant."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from inquiries.models import Answer, AuditEvent, Inquiry, Question, ReplyDocument


def published_inquiries():
    """Published inquiries for public lists, newest first."""
    return Inquiry.objects.published().with_listing_relations().order_by("-published_at", "-pk")


def inquiry_with_questions(queryset, pk: int) -> Inquiry:
    """One inquiry with its questions, answers and public timeline (404 if not in ``queryset``)."""
    questions = Question.objects.select_related("lead_department", "answer__department").order_by(
        "number"
    )
    timeline = AuditEvent.objects.public().order_by("created_at", "pk")
    released_replies = ReplyDocument.objects.filter(is_released=True).order_by("-version")
    return get_object_or_404(
        queryset.with_listing_relations().prefetch_related(
            Prefetch("questions", queryset=questions),
            Prefetch("events", queryset=timeline, to_attr="public_events"),
            Prefetch("replies", queryset=released_replies, to_attr="released_replies"),
        ),
        pk=pk,
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
