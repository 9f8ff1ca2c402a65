"""What every OParl object shares: its type URI, absolute URLs, dates, deleted stubs."""

import datetime
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

OPARL = "https://schema.oparl.org/1.1/"
BODY_ID = 1  # the portal serves one body: its city
# Our extensions carry this prefix (docs/oparl.md).
EXTENSION = "ratsportal"


# An OParl object as it goes out as JSON: property names to values.
Data = dict[str, Any]
# A row of ``oparl.selectors``: a model instance with what its selector
# annotated (``oparl_created``, ``oparl_modified``), prefetched into lists
# (``ordered_questions``...) or loaded beside it (``seat_ids``). Those attributes
# exist only at run time, so a row is typed loosely.
Row = Any


def oparl_type(name: str) -> str:
    return f"{OPARL}{name}"


class Context:
    """Builds the absolute URLs of one request (ids are URLs that return the object)."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    def url(self, name: str, *args: object) -> str:
        return self.request.build_absolute_uri(reverse(f"oparl:{name}", args=args))

    def absolute(self, path: str) -> str:
        return self.request.build_absolute_uri(path)

    @property
    def body(self) -> str:
        return self.url("body", BODY_ID)

    def list_url(self, name: str) -> str:
        return self.url(f"{name}_list", BODY_ID)


def moment(value: datetime.datetime | None) -> str | None:
    """A date-time with its offset, in the portal's time zone."""
    if value is None:
        return None
    return timezone.localtime(value).isoformat(timespec="seconds")


def local_day(value: datetime.datetime | None) -> str | None:
    return timezone.localtime(value).date().isoformat() if value else None


def compact(data: Data, keep: tuple[str, ...] = ()) -> Data:
    """Leave out properties without a value, as the standard asks."""
    return {
        key: value
        for key, value in data.items()
        if key in keep or (value is not None and value != "" and value != [])
    }


def stamped(data: Data, row: Row) -> Data:
    """``data`` with ``created`` and ``modified`` from the row's annotations."""
    data["created"] = moment(row.oparl_created)
    data["modified"] = moment(max(row.oparl_created, row.oparl_modified))
    return data


def deleted(object_id: str, type_name: str, row: Row, **required: str) -> Data:
    """What a client is told about an object that is gone: only that it is gone.

    ``required`` holds what the type's schema demands even then (a File's
    ``accessUrl``: the address that no longer serves it).
    """
    data = {"id": object_id, "type": oparl_type(type_name), **required, "deleted": True}
    return stamped(data, row)
