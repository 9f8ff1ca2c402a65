"""Paged OParl lists with a keyset cursor and the standard's filters.

A list is made of one or more ``Source``s, walked one after the other. Each
source pages its rows in a fixed order that ends in the primary key, and the
cursor names the last object handed out: (source, key of its row, part of
the row). The next page starts right after it, so nothing is lost or repeated
while new rows are added during a walk, and each page costs the same number
of queries however deep it is. One row may yield several objects (an inquiry
is both the ``Anfrage`` and its ``Beantwortung``): these are its parts.
"""

import base64
import binascii
import datetime
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from oparl.responses import BadRequest
from oparl.serializers.base import Data, Row

DEFAULT_LIMIT = 100
MAX_LIMIT = 500
FILTERS = ("created_since", "created_until", "modified_since", "modified_until")
# Kept in every link of a list (``omit_internal`` has no effect: nothing is internal).
KEPT_PARAMETERS = (*FILTERS, "limit", "omit_internal")

# One value of a row's sort key, as the cursor carries it.
KeyValue = int | str | datetime.datetime


@dataclass(frozen=True)
class Source:
    """Rows that become list items.

    ``queryset`` builds a fresh queryset annotated with ``oparl_created`` and
    ``oparl_modified``; ``order`` names attributes of the rows, the last being
    ``pk``; ``expand`` turns a row into its objects (one or more);
    ``prepare``, if given, loads what a batch of rows needs in one query;
    ``parts`` is how many objects a row usually yields (to fetch no more rows
    than a page needs).
    """

    queryset: Callable[[], QuerySet[Model]]
    order: tuple[str, ...]
    expand: Callable[[Row], list[Data]]
    prepare: Callable[[list[Row]], None] | None = None
    parts: int = 1


@dataclass(frozen=True)
class ListQuery:
    filters: dict[str, datetime.datetime]
    limit: int
    cursor: tuple[int, list[KeyValue], int] | None
    kept: dict[str, str]

    @property
    def wants_deleted(self) -> bool:
        """Deleted objects are listed only for a ``modified_since`` request (OParl 1.1)."""
        return "modified_since" in self.filters


def _parse_moment(name: str, value: str) -> datetime.datetime:
    # An unencoded "+" of the offset arrives as a space.
    moment = parse_datetime(re.sub(r" (\d\d:?\d\d)$", r"+\1", value.strip()))
    if moment is None:
        day = parse_date(value)
        if day is None:
            raise BadRequest(f"{name} must be a date-time as in ISO 8601, not {value!r}.")
        moment = datetime.datetime.combine(day, datetime.time())
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _encode(value: KeyValue) -> int | str | dict[str, str]:
    if isinstance(value, datetime.datetime):
        return {"t": value.isoformat()}
    return value


def _decode(value: object) -> KeyValue:
    if isinstance(value, dict) and set(value) == {"t"}:
        moment = parse_datetime(value["t"])
        if moment is None:
            raise ValueError("bad date-time in cursor")
        return moment
    if not isinstance(value, (int, str)):
        raise ValueError("bad value in cursor")
    return value


def encode_cursor(source_index: int, key: list[KeyValue], part: int) -> str:
    raw = json.dumps([source_index, [_encode(v) for v in key], part], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(token: str) -> tuple[int, list[KeyValue], int]:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        source_index, key, part = json.loads(raw)
        if not (isinstance(source_index, int) and isinstance(part, int)):
            raise ValueError("bad cursor")
        return source_index, [_decode(v) for v in key], part
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise BadRequest("The cursor is not valid; start again at the first page.") from None


def parse_list_query(params: Mapping[str, str]) -> ListQuery:
    filters = {}
    for name in FILTERS:
        if params.get(name):
            filters[name] = _parse_moment(name, params[name])
    limit = DEFAULT_LIMIT
    if params.get("limit"):
        try:
            limit = int(params["limit"])
        except ValueError:
            raise BadRequest("limit must be a whole number.") from None
        if limit < 1:
            raise BadRequest("limit must be 1 or more.")
        limit = min(limit, MAX_LIMIT)
    cursor = decode_cursor(params["cursor"]) if params.get("cursor") else None
    kept = {name: params[name] for name in KEPT_PARAMETERS if params.get(name)}
    return ListQuery(filters, limit, cursor, kept)


def apply_filters(
    queryset: QuerySet[Model], filters: dict[str, datetime.datetime]
) -> QuerySet[Model]:
    lookups = {
        "created_since": "oparl_created__gte",
        "created_until": "oparl_created__lte",
        "modified_since": "oparl_modified__gte",
        "modified_until": "oparl_modified__lte",
    }
    return queryset.filter(**{lookups[name]: value for name, value in filters.items()})


def _at_or_after(order: tuple[str, ...], key: list[KeyValue]) -> Q:
    """Rows whose ``order`` tuple is >= ``key`` (the row of the cursor itself included)."""
    *head, last = order
    *head_values, last_value = key
    condition = Q(**{f"{last}__gte": last_value})
    for field, value in zip(reversed(head), reversed(head_values), strict=True):
        condition = Q(**{f"{field}__gt": value}) | (Q(**{field: value}) & condition)
    return condition


def _row_key(row: Row, order: tuple[str, ...]) -> list[KeyValue]:
    return [getattr(row, field) for field in order]


def page(sources: list[Source], query: ListQuery) -> tuple[list[Data], str | None]:
    """One page of objects and the cursor of the next page (None on the last page)."""
    wanted = query.limit + 1  # one more than the page shows: is there a next page?
    found: list[tuple[int, list[KeyValue], int, Data]] = []
    index, key, part = query.cursor if query.cursor else (0, None, -1)
    if not 0 <= index <= len(sources):
        raise BadRequest("The cursor is not valid; start again at the first page.")
    while index < len(sources) and len(found) < wanted:
        source = sources[index]
        queryset = apply_filters(source.queryset(), query.filters).order_by(*source.order)
        if key is not None:
            if len(key) != len(source.order):
                raise BadRequest("The cursor is not valid; start again at the first page.")
            try:
                queryset = queryset.filter(_at_or_after(source.order, key))
            except (ValueError, TypeError, ValidationError):
                raise BadRequest(
                    "The cursor is not valid; start again at the first page."
                ) from None
        # +1: the cursor's own row may yield nothing more.
        batch = -(-(wanted - len(found)) // source.parts) + 1
        rows = list(queryset[:batch])
        if source.prepare and rows:
            source.prepare(rows)
        for row in rows:
            row_key = _row_key(row, source.order)
            objects = source.expand(row)
            start = part + 1 if key is not None and row_key == key else 0
            for number in range(start, len(objects)):
                found.append((index, row_key, number, objects[number]))
            key, part = row_key, len(objects) - 1
            if len(found) >= wanted:
                break
        if len(rows) < batch and len(found) < wanted:
            index, key, part = index + 1, None, -1
    shown = found[: query.limit]
    if len(found) > query.limit and shown:
        last_index, last_key, last_part, _object = shown[-1]
        return [item[3] for item in shown], encode_cursor(last_index, last_key, last_part)
    return [item[3] for item in shown], None


def list_response_data(request: HttpRequest, sources: list[Source], query: ListQuery) -> Data:
    objects, next_cursor = page(sources, query)
    base = request.build_absolute_uri(request.path)

    def link(**extra: str) -> str:
        params = {**query.kept, **extra}
        return f"{base}?{urlencode(params)}" if params else base

    links = {"first": link()}
    current = request.GET.get("cursor")
    links["self"] = link(cursor=current) if current else link()
    if next_cursor:
        links["next"] = link(cursor=next_cursor)
    return {"data": objects, "pagination": {"elementsPerPage": query.limit}, "links": links}
