"""Answers of the OParl API: read-only, JSON, errors as OParl error objects."""

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec

from django.db.models import Model, QuerySet
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _

from oparl import lists, selectors
from oparl.pagination import list_response_data, parse_list_query
from oparl.responses import BadRequest, oparl_error, oparl_response
from oparl.serializers import body as body_serializers
from oparl.serializers import files, meetings, papers, people
from oparl.serializers.base import BODY_ID, Context, Data, Row, deleted
from rankings import selectors as ranking_selectors

P = ParamSpec("P")


class NotFound(Exception):
    pass


def oparl_view(
    view: Callable[Concatenate[HttpRequest, Context, P], HttpResponseBase],
) -> Callable[Concatenate[HttpRequest, P], HttpResponseBase]:
    """GET and HEAD only; 400/404/405 as OParl error objects."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponseBase:
        if request.method not in ("GET", "HEAD"):
            response = oparl_error(405, _("This interface can only be read (GET)."))
            response["Allow"] = "GET, HEAD"
            return response
        try:
            return view(request, Context(request), *args, **kwargs)
        except BadRequest as error:
            return oparl_error(400, _("The request is not valid."), str(error))
        except NotFound:
            return oparl_error(404, _("There is no such object, or it is not published."))

    return wrapper


def _one(queryset: QuerySet[Model], **lookup: object) -> Row:
    row = queryset.filter(**lookup).first()
    if row is None:
        raise NotFound
    return row


def _one_or_deleted(
    queryset: QuerySet[Model],
    gone_queryset: QuerySet[Model],
    serialize: Callable[[Row], Data],
    serialize_gone: Callable[[Row], Data],
    pk: int,
) -> HttpResponse:
    """The object, or its deleted stub if it was published once, else 404."""
    row = queryset.filter(pk=pk).first()
    if row is not None:
        return oparl_response(serialize(row))
    gone = gone_queryset.filter(pk=pk).first()
    if gone is None:
        raise NotFound
    return oparl_response(serialize_gone(gone))


@oparl_view
def system(request: HttpRequest, ctx: Context) -> HttpResponse:
    return oparl_response(body_serializers.system(ctx))


def _body(ctx: Context) -> Data:
    return body_serializers.body(
        ctx,
        selectors.legislative_terms().order_by("start_date", "pk"),
        ranking_years=ranking_selectors.edition_years(),
    )


@oparl_view
def body_list(request: HttpRequest, ctx: Context) -> HttpResponse:
    parse_list_query(request.GET)  # the filters are checked even for a list of one
    link = ctx.url("body_list")
    return oparl_response(
        {"data": [_body(ctx)], "pagination": {"elementsPerPage": 1}, "links": {"first": link}}
    )


@oparl_view
def body(request: HttpRequest, ctx: Context, pk: int) -> HttpResponse:
    if pk != BODY_ID:
        raise NotFound
    return oparl_response(_body(ctx))


def object_list(name: str) -> Callable[[HttpRequest, int], HttpResponseBase]:
    @oparl_view
    def view(request: HttpRequest, ctx: Context, body: int) -> HttpResponse:
        if body != BODY_ID:
            raise NotFound
        query = parse_list_query(request.GET)
        sources = lists.sources_for(name, ctx, query)
        return oparl_response(list_response_data(request, sources, query))

    view.__name__ = f"{name}_list"
    return view


@oparl_view
def organization(request: HttpRequest, ctx: Context, kind: str, pk: int) -> HttpResponse:
    if kind == people.COMMITTEE:
        row = _one(selectors.committees(), pk=pk)
        lists.load_committee_seats([row])
        return oparl_response(people.committee(ctx, row, row.seat_ids))
    if kind == people.FACTION:
        return oparl_response(people.faction(ctx, _one(selectors.factions(), pk=pk)))
    if kind == people.DEPARTMENT:
        return oparl_response(people.department(ctx, _one(selectors.departments(), pk=pk)))
    raise NotFound


@oparl_view
def person(request: HttpRequest, ctx: Context, pk: int) -> HttpResponse:
    row = _one(selectors.councillors(), pk=pk)
    lists.load_person_seats([row])
    return oparl_response(people.person(ctx, row, row.seat_pairs))


@oparl_view
def membership(request: HttpRequest, ctx: Context, kind: str, pk: int) -> HttpResponse:
    if kind != people.COMMITTEE:
        raise NotFound
    seat = _one(selectors.committee_seats(), pk=pk)
    return oparl_response(
        people.committee_membership(ctx, seat.pk, seat.councillor, seat.committee_id, stamps=seat)
    )


@oparl_view
def faction_membership(request: HttpRequest, ctx: Context, pk: int, faction: int) -> HttpResponse:
    councillor = _one(selectors.faction_seats(), pk=pk, faction_id=faction)
    return oparl_response(people.faction_membership(ctx, councillor))


@oparl_view
def meeting(request: HttpRequest, ctx: Context, pk: int) -> HttpResponse:
    return oparl_response(meetings.meeting(ctx, _one(selectors.meetings(), pk=pk)))


@oparl_view
def location(request: HttpRequest, ctx: Context, pk: int) -> HttpResponse:
    return oparl_response(meetings.location(ctx, _one(selectors.locations(), pk=pk)))


@oparl_view
def legislative_term(request: HttpRequest, ctx: Context, pk: int) -> HttpResponse:
    term = _one(selectors.legislative_terms(), pk=pk)
    return oparl_response(body_serializers.legislative_term(ctx, term))


@oparl_view
def paper(request: HttpRequest, ctx: Context, pk: int) -> HttpResponse:
    return _one_or_deleted(
        selectors.published_inquiries(),
        selectors.unpublished_inquiries(),
        lambda row: papers.inquiry_paper(ctx, row),
        lambda row: deleted(ctx.url("paper", pk), "Paper", row),
        pk,
    )


@oparl_view
def reply_paper(request: HttpRequest, ctx: Context, pk: int) -> HttpResponse:
    return _one_or_deleted(
        selectors.published_inquiries(),
        selectors.unpublished_inquiries(),
        lambda row: papers.reply_paper(ctx, row),
        lambda row: deleted(ctx.url("reply_paper", pk), "Paper", row),
        pk,
    )


@oparl_view
def consultation(request: HttpRequest, ctx: Context, pk: int) -> HttpResponse:
    return _one_or_deleted(
        selectors.consultation_inquiries(),
        selectors.unpublished_inquiries(),
        lambda row: meetings.consultation(ctx, row),
        lambda row: deleted(ctx.url("consultation", pk), "Consultation", row),
        pk,
    )


@oparl_view
def file(request: HttpRequest, ctx: Context, pk: int) -> HttpResponse:
    return _one_or_deleted(
        selectors.published_files(),
        selectors.unpublished_files(),
        lambda row: files.reply_file(ctx, row),
        lambda row: files.deleted_reply_file(ctx, row),
        pk,
    )


@oparl_view
def file_download(request: HttpRequest, ctx: Context, pk: int) -> FileResponse:
    """The same released PDF as ``accessUrl``, sent as a download."""
    document = _one(selectors.published_files(), pk=pk)
    try:
        handle = document.file.open("rb")
    except OSError:
        raise NotFound from None
    response = FileResponse(
        handle,
        as_attachment=True,
        content_type="application/pdf",
        filename=document.download_name,
    )
    response["Content-Length"] = str(document.size)
    return response


@oparl_view
def not_found(request: HttpRequest, ctx: Context, rest: str = "") -> HttpResponse:
    raise NotFound
