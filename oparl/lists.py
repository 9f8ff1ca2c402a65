"""The Body's lists: which rows each one walks, in which order, as which objects.

Deleted objects (published once, not any more) follow the live ones, and only
when the client asks with ``modified_since``.
"""

from collections.abc import Callable

from oparl import selectors
from oparl.pagination import ListQuery, Source
from oparl.serializers import body as body_serializers
from oparl.serializers import files, meetings, papers, people
from oparl.serializers.base import Context, Data, Row, deleted


def load_committee_seats(rows: list[Row]) -> None:
    by_committee: dict[int, list[int]] = {row.pk: [] for row in rows}
    for seat_id, _councillor_id, committee_id in selectors.seats(committee_ids=list(by_committee)):
        by_committee[committee_id].append(seat_id)
    for row in rows:
        row.seat_ids = by_committee[row.pk]


def load_person_seats(rows: list[Row]) -> None:
    by_person: dict[int, list[tuple[int, int]]] = {row.pk: [] for row in rows}
    for seat_id, councillor_id, committee_id in selectors.seats(councillor_ids=list(by_person)):
        by_person[councillor_id].append((seat_id, committee_id))
    for row in rows:
        row.seat_pairs = by_person[row.pk]


def organization_sources(ctx: Context) -> list[Source]:
    return [
        Source(
            selectors.committees,
            ("pk",),
            lambda row: [people.committee(ctx, row, row.seat_ids)],
            prepare=load_committee_seats,
        ),
        Source(selectors.factions, ("pk",), lambda row: [people.faction(ctx, row)]),
        Source(selectors.departments, ("pk",), lambda row: [people.department(ctx, row)]),
    ]


def person_sources(ctx: Context) -> list[Source]:
    return [
        Source(
            selectors.councillors,
            ("pk",),
            lambda row: [people.person(ctx, row, row.seat_pairs)],
            prepare=load_person_seats,
        )
    ]


def membership_sources(ctx: Context) -> list[Source]:
    return [
        Source(
            selectors.faction_seats,
            ("pk",),
            lambda row: [people.faction_membership(ctx, row)],
        ),
        Source(
            selectors.committee_seats,
            ("pk",),
            lambda row: [
                people.committee_membership(
                    ctx, row.pk, row.councillor, row.committee_id, stamps=row
                )
            ],
        ),
    ]


def meeting_sources(ctx: Context) -> list[Source]:
    return [Source(selectors.meetings, ("pk",), lambda row: [meetings.meeting(ctx, row)])]


def location_sources(ctx: Context) -> list[Source]:
    return [Source(selectors.locations, ("pk",), lambda row: [meetings.location(ctx, row)])]


def legislative_term_sources(ctx: Context) -> list[Source]:
    return [
        Source(
            selectors.legislative_terms,
            ("pk",),
            lambda row: [body_serializers.legislative_term(ctx, row)],
        )
    ]


def deleted_papers(ctx: Context, row: Row) -> list[Data]:
    return [
        deleted(ctx.url("paper", row.pk), "Paper", row),
        deleted(ctx.url("reply_paper", row.pk), "Paper", row),
    ]


def paper_sources(ctx: Context) -> list[Source]:
    # New publications come last: a harvester walking the list meets them too.
    return [
        Source(
            selectors.published_inquiries,
            ("published_at", "pk"),
            lambda row: [papers.inquiry_paper(ctx, row), papers.reply_paper(ctx, row)],
            parts=2,
        ),
        Source(
            selectors.unpublished_inquiries,
            ("pk",),
            lambda row: deleted_papers(ctx, row),
            parts=2,
        ),
    ]


def consultation_sources(ctx: Context) -> list[Source]:
    return [
        Source(
            selectors.consultation_inquiries,
            ("published_at", "pk"),
            lambda row: [meetings.consultation(ctx, row)],
        ),
        Source(
            selectors.unpublished_inquiries,
            ("pk",),
            lambda row: [deleted(ctx.url("consultation", row.pk), "Consultation", row)],
        ),
    ]


def file_sources(ctx: Context) -> list[Source]:
    return [
        Source(
            selectors.published_files,
            ("oparl_created", "pk"),
            lambda row: [files.reply_file(ctx, row)],
        ),
        Source(
            selectors.unpublished_files,
            ("pk",),
            lambda row: [files.deleted_reply_file(ctx, row)],
        ),
    ]


def agenda_item_sources(ctx: Context) -> list[Source]:
    return []  # the portal does not know the agendas of meetings


# Lists whose last source holds deleted objects.
WITH_DELETED = {"paper", "consultation", "file"}

LISTS: dict[str, Callable[[Context], list[Source]]] = {
    "organization": organization_sources,
    "person": person_sources,
    "membership": membership_sources,
    "meeting": meeting_sources,
    "location": location_sources,
    "legislative_term": legislative_term_sources,
    "paper": paper_sources,
    "consultation": consultation_sources,
    "file": file_sources,
    "agenda_item": agenda_item_sources,
}


def sources_for(name: str, ctx: Context, query: ListQuery) -> list[Source]:
    sources = LISTS[name](ctx)
    if name in WITH_DELETED and not query.wants_deleted:
        sources = sources[:-1]
    return sources
