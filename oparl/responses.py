"""JSON responses of the API: UTF-8 without escaped umlauts, errors as OParl error objects."""

import json
from typing import Any

from django.http import HttpResponse

ERROR_TYPE = "https://schema.oparl.org/1.1/Error"
CONTENT_TYPE = "application/json; charset=utf-8"


def oparl_response(data: dict[str, Any], status: int = 200) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return HttpResponse(body.encode("utf-8"), status=status, content_type=CONTENT_TYPE)


def oparl_error(status: int, message: str, debug: str = "") -> HttpResponse:
    error = {"type": ERROR_TYPE, "message": message}
    if debug:
        error["debug"] = debug
    return oparl_response(error, status=status)


class BadRequest(Exception):
    """A query parameter the API cannot use; answered with a 400 error object."""
