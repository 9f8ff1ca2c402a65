"""Organization (committees, factions, departments), Person and Membership."""

from inquiries.models import Committee, Councillor, Department, Faction
from oparl.serializers.base import Context, Data, Row, compact, oparl_type, stamped

# Kinds of Organization in ids and in ``organizationType``.
COMMITTEE, FACTION, DEPARTMENT = "gremium", "fraktion", "verwaltungsbereich"
ORGANIZATION_TYPES = {
    COMMITTEE: "Gremium",
    FACTION: "Fraktion",
    DEPARTMENT: "Verwaltungsbereich",
}
CLASSIFICATIONS: dict[str, str] = {
    Committee.Kind.COUNCIL: "Rat",
    Committee.Kind.COMMITTEE: "Ausschuss",
    Committee.Kind.DISTRICT: "Bezirksvertretung",
    Faction.Kind.FACTION: "Fraktion",
    Faction.Kind.GROUP: "Gruppe",
    Faction.Kind.INDIVIDUAL: "Einzelmandat",
    Department.Kind.DIRECTORATE: "Dezernat",
    Department.Kind.DEPARTMENT: "Fachbereich",
    Department.Kind.STAFF_UNIT: "Stabsstelle",
}
MEMBER = "Mitglied"


def organization_url(ctx: Context, kind: str, pk: int) -> str:
    return ctx.url("organization", kind, pk)


def committee_seat_url(ctx: Context, seat_id: int) -> str:
    return ctx.url("membership", COMMITTEE, seat_id)


def faction_seat_url(ctx: Context, councillor: Councillor) -> str:
    return ctx.url("faction_membership", councillor.pk, councillor.faction_id)


def _organization(
    ctx: Context, kind: str, row: Committee | Faction | Department, **fields: object
) -> Data:
    data = {
        "id": organization_url(ctx, kind, row.pk),
        "type": oparl_type("Organization"),
        "body": ctx.body,
        "name": row.name,
        "organizationType": ORGANIZATION_TYPES[kind],
        "classification": CLASSIFICATIONS[row.kind],
        **fields,
    }
    return stamped(compact(data), row)


def committee(ctx: Context, row: Committee, seat_ids: list[int]) -> Data:
    return _organization(
        ctx,
        COMMITTEE,
        row,
        shortName=row.short_name,
        membership=[committee_seat_url(ctx, seat) for seat in seat_ids],
    )


def faction(ctx: Context, row: Faction) -> Data:
    members = sorted(row.councillors.all(), key=lambda c: c.pk)
    return _organization(
        ctx,
        FACTION,
        row,
        shortName=row.short_name,
        membership=[faction_seat_url(ctx, member) for member in members],
    )


def department(ctx: Context, row: Department) -> Data:
    parent = organization_url(ctx, DEPARTMENT, row.parent_id) if row.parent_id else None
    return _organization(ctx, DEPARTMENT, row, shortName=row.code, subOrganizationOf=parent)


def membership(
    ctx: Context,
    membership_id: str,
    councillor: Councillor,
    organization: str,
    embedded: bool = False,
    stamps: Row = None,
) -> Data:
    """A seat in a committee or faction; dated by the councillor's record."""
    data = {
        "id": membership_id,
        "type": oparl_type("Membership"),
        "person": None if embedded else ctx.url("person", councillor.pk),
        "organization": organization,
        "role": MEMBER,
    }
    return stamped(compact(data), stamps or councillor)


def committee_membership(
    ctx: Context,
    seat_id: int,
    councillor: Councillor,
    committee_id: int,
    embedded: bool = False,
    stamps: Row = None,
) -> Data:
    organization = organization_url(ctx, COMMITTEE, committee_id)
    return membership(
        ctx,
        committee_seat_url(ctx, seat_id),
        councillor,
        organization,
        embedded=embedded,
        stamps=stamps,
    )


def faction_membership(ctx: Context, councillor: Councillor, embedded: bool = False) -> Data:
    assert councillor.faction_id is not None  # asked only of councillors with a faction
    organization = organization_url(ctx, FACTION, councillor.faction_id)
    return membership(
        ctx, faction_seat_url(ctx, councillor), councillor, organization, embedded=embedded
    )


def person(ctx: Context, councillor: Councillor, seats: list[tuple[int, int]]) -> Data:
    """A councillor. Contact data is personal and never leaves the portal."""
    memberships = []
    if councillor.faction_id:
        memberships.append(faction_membership(ctx, councillor, embedded=True))
    for seat_id, committee_id in seats:
        memberships.append(
            committee_membership(ctx, seat_id, councillor, committee_id, embedded=True)
        )
    data = {
        "id": ctx.url("person", councillor.pk),
        "type": oparl_type("Person"),
        "body": ctx.body,
        "name": councillor.full_name,
        "familyName": councillor.last_name,
        "givenName": councillor.first_name,
        "formOfAddress": councillor.title,
        "membership": memberships,
    }
    return stamped(compact(data), councillor)
