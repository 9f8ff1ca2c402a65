"""The audit trail of one inquiry as CSV, for the council office."""

import csv

from django.http import HttpResponse
from django.views.decorators.cache import never_cache

from inquiries.models import AuditEvent
from inquiries.views.access import get_inquiry_for

COLUMNS = ["time", "actor", "action", "question", "from", "to", "public", "comment"]


def _safe(value: str) -> str:
    """Neutralise spreadsheet formulas (CSV injection): a cell never starts with = + - @."""
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value


@never_cache
def audit_csv(request, pk: int):
    inquiry = get_inquiry_for(request.user, pk, "inquiries.export_audit")
    events = (
        AuditEvent.objects.filter(inquiry=inquiry)
        .select_related("actor", "question")
        .order_by("created_at", "pk")
    )
    name = (inquiry.number or str(inquiry.pk)).replace("/", "-")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="Protokoll-Anfrage-{name}.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow(COLUMNS)
    for event in events:
        writer.writerow(
            [
                event.created_at.isoformat(),
                _safe(event.actor.get_username() if event.actor else ""),
                event.action,
                event.question.number if event.question else "",
                event.from_state,
                event.to_state,
                "1" if event.is_public else "0",
                _safe(event.comment),
            ]
        )
    return response
