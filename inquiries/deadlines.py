"""Deadline rules: when inquiries for a meeting must be in."""

import datetime

import holidays
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


# --- Due dates of registered inquiries (issue 4) -------------------------------------------


def public_holidays(years):
    """The public holidays of the configured German state (NRW by default) in ``years``."""
    return holidays.country_holidays(
        "DE", subdiv=settings.INQUIRY_HOLIDAY_SUBDIVISION, years=list(years)
    )


def is_working_day(day: datetime.date, holiday_calendar=None) -> bool:
    calendar = holiday_calendar if holiday_calendar is not None else public_holidays([day.year])
    return day.weekday() < 5 and day not in calendar


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The day ``days`` working days after ``start`` (negative: before it).

    Saturdays, Sundays and the public holidays of the configured state are skipped.
    """
    step = 1 if days >= 0 else -1
    calendar = public_holidays([start.year])  # grows by itself to the years looked up
    day, left = start, abs(days)
    while left:
        day += datetime.timedelta(days=step)
        if is_working_day(day, calendar):
            left -= 1
    return day


def default_due_date(inquiry, registered_on: datetime.date | None = None) -> datetime.date:
    """The due date proposed when ``inquiry`` is registered on ``registered_on``.

    Rule ``meeting``: ``INQUIRY_DUE_WORKING_DAYS_BEFORE_MEETING`` working days before the
    meeting, so that the answer is there in time; if that day is already past (a late or
    paper inquiry), the working-days rule applies instead. Rule ``working_days``:
    ``INQUIRY_DUE_WORKING_DAYS`` working days after registration.
    """
    registered_on = registered_on or timezone.localdate()
    after_registration = add_working_days(registered_on, settings.INQUIRY_DUE_WORKING_DAYS)
    if settings.INQUIRY_DUE_DATE_RULE == "working_days":
        return after_registration
    meeting_day = timezone.localtime(inquiry.meeting.starts_at).date()
    before_meeting = add_working_days(
        meeting_day, -settings.INQUIRY_DUE_WORKING_DAYS_BEFORE_MEETING
    )
    if before_meeting <= registered_on:
        return after_registration
    return before_meeting
