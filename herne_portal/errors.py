"""Error pages: a friendly 500, and a 503 when the database is away for a moment."""

import logging
import sys

from django.db import InterfaceError, OperationalError, connections
from django.shortcuts import render
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)

DATABASE_RETRY_AFTER_SECONDS = 5


@requires_csrf_token
def server_error(request):
    """``handler500``: called by Django while the exception is being handled.

    A lost database connection (restart, fail-over, network) gets a 503 page
    asking to try again in a few seconds; the broken connection is closed so
    that the next request opens a fresh one. Everything else gets the 500 page.
    Both templates render without the database (no user, no messages).
    """
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        logger.warning("database unavailable: %s", error)
        for conn in connections.all(initialized_only=True):
            if not conn.in_atomic_block:
                conn.close()
        response = render(request, "503_database.html", status=503)
        response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
        return response
    return render(request, "500.html", status=500)
