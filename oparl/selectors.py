"""What the OParl API may show, with the joins that keep query counts constant.

Every queryset here is annotated with ``oparl_created`` and ``oparl_modified``
(the ``created``/``modified`` of the OParl object, used by the list filters).
Inquiries start from ``Inquiry.objects.published()``; nothing else of them is
ever read. An inquiry that was published and is no longer (an audit event
leads away from "published") is *unpublished*: it is listed as deleted.
"""

from typing import TypeVar

from django.db.models import (
    DateTimeField,
    F,
    Model,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, Greatest

from inquiries.models import (
    Answer,
    AnswerCorrection,
    AuditEvent,
    Committee,
    CoSignature,
    Councillor,
    Department,
    Faction,
    Inquiry,
    LegislativeTerm,
    Meeting,
    Question,
    ReplyDocument,
)

PUBLISHED = Inquiry.Status.PUBLISHED
CommitteeSeat = Councillor.committees.through
M = TypeVar("M", bound=Model)


def _latest(queryset: QuerySet[Model], field: str) -> Subquery:
    return Subquery(queryset.order_by(f"-{field}").values(field)[:1], output_field=DateTimeField())


def _stamped(
    queryset: QuerySet[M], created: str = "created_at", modified: str = "updated_at"
) -> QuerySet[M]:
    # The plugin cannot follow annotate() on a generic queryset: the rows stay M.
    stamped: QuerySet[M] = queryset.annotate(oparl_created=F(created), oparl_modified=F(modified))
    return stamped


# --- Master data --------------------------------------------------------------------------


def committees() -> QuerySet[Committee]:
    return _stamped(Committee.objects.all())


def factions() -> QuerySet[Faction]:
    return _stamped(Faction.objects.prefetch_related("councillors"))


def departments() -> QuerySet[Department]:
    return _stamped(Department.objects.all())


def seats(
    *, committee_ids: list[int] | None = None, councillor_ids: list[int] | None = None
) -> list[tuple[int, int, int]]:
    """Committee seats (memberships) as (seat id, councillor id, committee id), in one query."""
    rows = CommitteeSeat.objects.order_by("pk")
    if committee_ids is not None:
        rows = rows.filter(committee_id__in=committee_ids)
    if councillor_ids is not None:
        rows = rows.filter(councillor_id__in=councillor_ids)
    return list(rows.values_list("pk", "councillor_id", "committee_id"))


def councillors() -> QuerySet[Councillor]:
    return _stamped(Councillor.objects.select_related("faction"))


def committee_seats() -> QuerySet[Model]:
    """Committee memberships; a councillor's record dates them."""
    return CommitteeSeat.objects.select_related("councillor").annotate(
        oparl_created=F("councillor__created_at"), oparl_modified=F("councillor__updated_at")
    )


def faction_seats() -> QuerySet[Councillor]:
    """Faction memberships: one per councillor with a faction."""
    return _stamped(Councillor.objects.filter(faction__isnull=False))


def meetings() -> QuerySet[Meeting]:
    return _stamped(Meeting.objects.select_related("committee"))


def locations() -> QuerySet[Meeting]:
    """A meeting's place is its location (the portal keeps places as text)."""
    return meetings().exclude(location="")


def legislative_terms() -> QuerySet[LegislativeTerm]:
    return _stamped(LegislativeTerm.objects.all())


# --- Inquiries ------------------------------------------------------------------------------


def _inquiry_modified() -> Greatest:
    """The latest change of an inquiry or of what is published with it."""
    own = F("updated_at")
    answers = _latest(Answer.objects.filter(inquiry=OuterRef("pk")), "updated_at")
    corrections = _latest(
        AnswerCorrection.objects.filter(answer__inquiry=OuterRef("pk")), "created_at"
    )
    replies = _latest(ReplyDocument.objects.filter(inquiry=OuterRef("pk")), "released_at")
    return Greatest(
        own,
        Coalesce(answers, own),
        Coalesce(corrections, own),
        Coalesce(replies, own),
        output_field=DateTimeField(),
    )


def released_replies() -> QuerySet[ReplyDocument]:
    return ReplyDocument.objects.order_by("-version")


def published_inquiries() -> QuerySet[Inquiry]:
    """Published inquiries with everything their Paper, Consultation and files show."""
    questions = Question.objects.select_related(
        "lead_department", "answer__department"
    ).prefetch_related(
        Prefetch("answer__corrections", queryset=AnswerCorrection.objects.order_by("created_at"))
    )
    return (
        Inquiry.objects.published()
        .select_related("author", "faction", "meeting__committee")
        .prefetch_related(
            Prefetch(
                "cosignatures",
                queryset=CoSignature.objects.order_by("pk"),
                to_attr="ordered_cosignatures",
            ),
            Prefetch(
                "questions", queryset=questions.order_by("number"), to_attr="ordered_questions"
            ),
            Prefetch("replies", queryset=released_replies(), to_attr="released_replies"),
        )
        .annotate(oparl_created=F("published_at"), oparl_modified=_inquiry_modified())
    )


def consultation_inquiries() -> QuerySet[Inquiry]:
    """Published inquiries with just what their Consultation shows."""
    return (
        Inquiry.objects.published()
        .select_related("meeting__committee")
        .annotate(oparl_created=F("published_at"), oparl_modified=_inquiry_modified())
    )


def unpublished_inquiries() -> QuerySet[Inquiry]:
    """Inquiries that were published once and are not any more, with the time they left."""
    left = _latest(
        AuditEvent.objects.filter(
            inquiry=OuterRef("pk"), question__isnull=True, from_state=PUBLISHED
        ),
        "created_at",
    )
    return (
        Inquiry.objects.exclude(status=PUBLISHED)
        .annotate(unpublished_at=left)
        .filter(unpublished_at__isnull=False)
        .annotate(
            oparl_created=Coalesce("published_at", "created_at"),
            oparl_modified=F("unpublished_at"),
        )
    )


def _appeared() -> Greatest:
    """When a reply PDF became public: released, and its inquiry published."""
    return Greatest(
        Coalesce("released_at", "created_at"),
        Coalesce("inquiry__published_at", "created_at"),
        output_field=DateTimeField(),
    )


def published_files() -> QuerySet[ReplyDocument]:
    """Released reply PDFs of published inquiries."""
    queryset = ReplyDocument.objects.filter(inquiry__status=PUBLISHED).select_related("inquiry")
    return queryset.annotate(oparl_created=_appeared(), oparl_modified=_appeared())


def unpublished_files() -> QuerySet[ReplyDocument]:
    left = _latest(
        AuditEvent.objects.filter(
            inquiry=OuterRef("inquiry_id"), question__isnull=True, from_state=PUBLISHED
        ),
        "created_at",
    )
    queryset = (
        ReplyDocument.objects.exclude(inquiry__status=PUBLISHED)
        .annotate(unpublished_at=left)
        .filter(unpublished_at__isnull=False)
    )
    return queryset.annotate(oparl_created=_appeared(), oparl_modified=F("unpublished_at"))
