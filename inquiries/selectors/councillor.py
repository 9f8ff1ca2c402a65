"""Reads for councillors: their own and co-signed inquiries."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from inquiries.models import (
    AuditEvent,
    CoSignature,
    Councillor,
    Inquiry,
    Question,
)
from inquiries.models.inquiry import InquiryQuerySet


def councillor_inquiries(councillor: Councillor) -> InquiryQuerySet:
    """The inquiries a councillor wrote, in every state, newest first."""
    return (
        Inquiry.objects.filter(author=councillor)
        .select_related("meeting__committee", "faction")
        .prefetch_related("cosignatures__councillor")
        .order_by("-updated_at", "-pk")
    )


def cosigned_inquiries(councillor: Councillor) -> InquiryQuerySet:
    """Inquiries of others that ``councillor`` co-signs, with the own signature attached."""
    own = CoSignature.objects.filter(councillor=councillor)
    return (
        Inquiry.objects.filter(cosignatures__councillor=councillor)
        .select_related("meeting__committee", "author")
        .prefetch_related(Prefetch("cosignatures", queryset=own, to_attr="own_signatures"))
        .order_by("-updated_at", "-pk")
    )


def inquiry_for_councillor(queryset: InquiryQuerySet, pk: int) -> Inquiry:
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
