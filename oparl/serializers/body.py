"""System, Body and LegislativeTerm."""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.db.models import Max, Min
from django.urls import reverse
from django.utils import timezone

from inquiries.models import Committee, LegislativeTerm
from oparl.serializers.base import (
    Context,
    Data,
    compact,
    moment,
    oparl_type,
    stamped,
)

BODY_LISTS = {
    "organization": "organization",
    "person": "person",
    "meeting": "meeting",
    "paper": "paper",
    "agendaItem": "agenda_item",
    "consultation": "consultation",
    "file": "file",
    "membership": "membership",
    "locationList": "location",
    "legislativeTermList": "legislative_term",
}


def _span() -> tuple[datetime.datetime, datetime.datetime]:
    """When the body's data began and last changed (its master data and terms)."""
    committees = Committee.objects.aggregate(first=Min("created_at"), last=Max("updated_at"))
    terms = LegislativeTerm.objects.aggregate(last=Max("updated_at"))
    first = committees["first"] or timezone.now()
    last = max(x for x in (first, committees["last"], terms["last"]) if x is not None)
    return first, last


def system(ctx: Context) -> Data:
    first, last = _span()
    return compact(
        {
            "id": ctx.url("system"),
            "type": oparl_type("System"),
            "oparlVersion": "https://schema.oparl.org/1.1/",
            "body": ctx.url("body_list"),
            "name": f"Ratsportal {settings.PORTAL_CITY_NAME}",
            "license": settings.OPARL_LICENSE,
            "contactEmail": settings.OPARL_CONTACT_EMAIL,
            "contactName": settings.OPARL_CONTACT_NAME,
            "website": ctx.absolute(reverse("inquiries:list")),
            "web": ctx.absolute(reverse("inquiries:list")),
            "created": moment(first),
            "modified": moment(last),
        }
    )


def legislative_term(ctx: Context, term: LegislativeTerm, embedded: bool = False) -> Data:
    return stamped(
        compact(
            {
                "id": ctx.url("legislative_term", term.pk),
                "type": oparl_type("LegislativeTerm"),
                "body": None if embedded else ctx.body,
                "name": term.name,
                "startDate": term.start_date.isoformat(),
                "endDate": term.end_date.isoformat() if term.end_date else None,
            }
        ),
        term,
    )


def open_data(ctx: Context, ranking_years: Iterable[int]) -> list[Data]:
    """The Smart City Index downloads, one CSV and one JSON per edition (extension)."""
    downloads = []
    for year in ranking_years:
        for suffix, mime_type in (("csv", "text/csv"), ("json", "application/json")):
            downloads.append(
                {
                    "name": f"Smart City Index {year}",
                    "mimeType": mime_type,
                    "accessUrl": ctx.absolute(reverse(f"rankings:edition_{suffix}", args=[year])),
                }
            )
    return downloads


def body(ctx: Context, terms: Iterable[LegislativeTerm], ranking_years: Iterable[int] = ()) -> Data:
    first, last = _span()
    data = {
        "id": ctx.body,
        "type": oparl_type("Body"),
        "system": ctx.url("system"),
        "name": settings.PORTAL_CITY_NAME,
        "shortName": settings.PORTAL_CITY_NAME.removeprefix("Stadt ").strip(),
        "website": settings.PORTAL_CITY_WEBSITE,
        "license": settings.OPARL_LICENSE,
        "ags": settings.PORTAL_CITY_AGS,
        "contactEmail": settings.OPARL_CONTACT_EMAIL,
        "contactName": settings.OPARL_CONTACT_NAME,
        **{prop: ctx.list_url(name) for prop, name in BODY_LISTS.items()},
        "legislativeTerm": [legislative_term(ctx, term, embedded=True) for term in terms],
        "web": ctx.absolute(reverse("inquiries:list")),
        "ratsportal:openData": open_data(ctx, ranking_years),
        "created": moment(first),
        "modified": moment(last),
    }
    return compact(data, keep=("legislativeTerm",))
