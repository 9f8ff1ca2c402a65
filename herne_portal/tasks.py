"""The task queue (django-tasks, database backend): enqueueing on commit, recovering jobs.

Side effects (mail, PDF builds) are enqueued once the transaction that caused
them has committed, so a rolled-back change sends nothing.

django-tasks-db marks a job "running" when a worker claims it. If that worker
is killed (deploy, OOM, machine lost), the job would stay "running" forever.
Jobs running longer than ``TASK_STALE_AFTER`` seconds are made ready again
(``manage.py recover_tasks``), so another worker runs them; jobs are written
to be safe to run twice.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


def enqueue_on_commit(job, *args, **kwargs) -> None:
    """Enqueue ``job`` once the current transaction has committed."""
    transaction.on_commit(lambda: job.enqueue(*args, **kwargs))


def requeue_stale_tasks(stale_after: int | None = None, now=None) -> int:
    """Make jobs that have been running for too long ready again; return how many."""
    seconds = settings.TASK_STALE_AFTER if stale_after is None else stale_after
    cutoff = (now or timezone.now()) - datetime.timedelta(seconds=seconds)
    stale = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lte=cutoff)
    count = stale.update(status=TaskResultStatus.READY, started_at=None)
    if count:
        logger.warning("requeued %s task(s) of dead workers", count)
    return count
