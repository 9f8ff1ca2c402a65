"""Meeting, Location and Consultation (an inquiry's place on a meeting)."""

from django.utils import timezone

from inquiries.models import Inquiry, Meeting
from oparl.serializers.base import Context, Data, compact, moment, oparl_type, stamped
from oparl.serializers.people import COMMITTEE, organization_url

# Beratungsrolle of an inquiry in its meeting: the council takes note of the answer.
CONSULTATION_ROLE = "Kenntnisnahme"


def meeting_name(meeting: Meeting) -> str:
    day = timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y")
    return f"{meeting.committee.name}: Sitzung am {day}"


def meeting_state(meeting: Meeting) -> str:
    if meeting.is_cancelled:
        return "abgesagt"
    return "terminiert" if meeting.starts_at > timezone.now() else "durchgeführt"


def location(ctx: Context, meeting: Meeting, embedded: bool = False) -> Data:
    data = {
        "id": ctx.url("location", meeting.pk),
        "type": oparl_type("Location"),
        "description": meeting.location,
        "meetings": None if embedded else [ctx.url("meeting", meeting.pk)],
    }
    return stamped(compact(data), meeting)


def meeting(ctx: Context, row: Meeting) -> Data:
    data = {
        "id": ctx.url("meeting", row.pk),
        "type": oparl_type("Meeting"),
        "name": meeting_name(row),
        "meetingState": meeting_state(row),
        "cancelled": row.is_cancelled,
        "start": moment(row.starts_at),
        "location": location(ctx, row, embedded=True) if row.location else None,
        "organization": [organization_url(ctx, COMMITTEE, row.committee_id)],
    }
    return stamped(compact(data), row)


def consultation(ctx: Context, inquiry: Inquiry, embedded: bool = False) -> Data:
    """The inquiry on the agenda of the meeting it was filed for."""
    data = {
        "id": ctx.url("consultation", inquiry.pk),
        "type": oparl_type("Consultation"),
        "paper": None if embedded else ctx.url("paper", inquiry.pk),
        "meeting": ctx.url("meeting", inquiry.meeting_id),
        "organization": [organization_url(ctx, COMMITTEE, inquiry.meeting.committee_id)],
        "authoritative": False,
        "role": CONSULTATION_ROLE,
        "web": ctx.absolute(inquiry.get_absolute_url()),
    }
    return stamped(compact(data), inquiry)
