"""The address a request comes from, for every rate limit (logins, sign-ups).

Without a reverse proxy (``TRUSTED_PROXY_COUNT=0``, the default) it is
``REMOTE_ADDR``; an ``X-Forwarded-For`` header is then the client's own claim
and is ignored, or anyone could dodge a limit by changing it. Behind N
reverse proxies that each add the address they saw, the client's address is
the N-th entry from the right of ``X-Forwarded-For``.
"""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """The client's address (``None`` only for a request without any, as in some tests)."""
    proxies: int = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded: str = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    address: str | None = request.META.get("REMOTE_ADDR")
    return address
