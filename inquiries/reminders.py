"""Daily reminders to departments about questions due soon or overdue."""

import datetime
from itertools import groupby

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from inquiries import notifications
from inquiries.models import Inquiry, Question


@transaction.atomic
def send_due_reminders(today: datetime.date | None = None) -> int:
    """Remind each lead department of its open questions due soon or overdue.

    A question is reminded at most once per day, even if this runs twice or on
    several machines at once (rows are locked and marked). Returns the number of
    questions reminded.
    """
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=settings.INQUIRY_REMINDER_DAYS_BEFORE)
    due = (
        Question.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(
            inquiry__status=Inquiry.Status.REGISTERED,
            inquiry__due_date__lte=horizon,
            lead_department__isnull=False,
        )
        .exclude(status=Question.Status.APPROVED)
        .filter(Q(last_reminded_on__isnull=True) | Q(last_reminded_on__lt=today))
        .select_related("inquiry", "lead_department")
        .with_overdue_flag(today)
        .order_by("lead_department_id", "inquiry__due_date", "inquiry_id", "number")
    )
    questions = list(due)
    for _department_id, grouped in groupby(questions, key=lambda q: q.lead_department_id):
        group = list(grouped)
        notifications.reminder(group[0].lead_department, group)
    Question.objects.filter(pk__in=[q.pk for q in questions]).update(last_reminded_on=today)
    return len(questions)


@task()
def send_reminders() -> int:
    """The daily reminder run as a job (see ``manage.py send_reminders --enqueue``)."""
    return send_due_reminders()
