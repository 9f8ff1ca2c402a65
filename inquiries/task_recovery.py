"""Putting back in the queue the jobs of task workers that died.

django-tasks-db marks a job "running" when a worker claims it. If that worker
is killed (deploy, OOM, machine lost), the job would stay "running" forever.
Jobs running longer than ``TASK_STALE_AFTER`` seconds are made ready again, so
another worker runs them; jobs are written to be safe to run twice.
"""

import datetime
import logging

from django.conf import settings
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


def requeue_stale_tasks(stale_after: int | None = None, now=None) -> int:
    """Make jobs that have been running for too long ready again; return how many."""
    seconds = settings.TASK_STALE_AFTER if stale_after is None else stale_after
    cutoff = (now or timezone.now()) - datetime.timedelta(seconds=seconds)
    stale = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lte=cutoff)
    count = stale.update(status=TaskResultStatus.READY, started_at=None)
    if count:
        logger.warning("requeued %s task(s) of dead workers", count)
    return count
