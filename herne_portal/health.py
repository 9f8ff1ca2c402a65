"""``/healthz``: is this app server able to serve? For load balancers and monitoring."""

import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


def _database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True}


def _task_queue() -> dict:
    """The queue is reachable; for the database backend also how many jobs wait."""
    backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    status = {"ok": True, "backend": type(backend).__name__}
    if backend.__class__.__module__.startswith("django_tasks_db"):
        status["ready"] = DBTaskResult.objects.ready().count()
        status["failed"] = DBTaskResult.objects.failed().count()
    return status


@never_cache
def healthz(request):
    """200 and ``{"status": "ok", ...}`` when the database and the task queue answer, else 503."""
    checks = {}
    for name, check in (("database", _database), ("task_queue", _task_queue)):
        try:
            checks[name] = check()
        except DatabaseError as error:
            logger.warning("health check %s failed: %s", name, error)
            checks[name] = {"ok": False, "error": error.__class__.__name__}
    healthy = all(check["ok"] for check in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )
