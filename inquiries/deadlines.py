"""Deadline rules: when inquiries for a meeting must be in."""

import datetime

from django.conf import settings
from django.utils import timezone


def default_submission_deadline(starts_at: datetime.datetime, days_before: int | None = None):
    """The submission deadline for a meeting starting at ``starts_at``.

    ``days_before`` calendar days before the meeting day, at
    ``INQUIRY_SUBMISSION_DEADLINE_HOUR`` o'clock local time (Europe/Berlin).
    """
    if days_before is None:
        days_before = settings.INQUIRY_SUBMISSION_DEADLINE_DAYS
    local_start = timezone.localtime(starts_at)
    day = local_start.date() - datetime.timedelta(days=days_before)
    naive = datetime.datetime.combine(
        day, datetime.time(hour=settings.INQUIRY_SUBMISSION_DEADLINE_HOUR)
    )
    return timezone.make_aware(naive)
