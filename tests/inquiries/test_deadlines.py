"""The due-date rule: in time for the meeting, or N working days in NRW."""

import datetime

from django.utils import timezone

from inquiries.deadlines import add_working_days, default_due_date
from tests.factories import InquiryFactory, MeetingFactory


def test_working_days_skip_weekends():
    friday = datetime.date(2022, 2, 4)
    assert add_working_days(friday, 1) == datetime.date(2022, 2, 7)


def test_working_days_skip_nrw_holidays():
    # Corpus Christi (Fronleichnam), 16.06.2022, is a holiday in NRW, not everywhere.
    wednesday = datetime.date(2022, 6, 15)
    assert add_working_days(wednesday, 1) == datetime.date(2022, 6, 17)


def test_working_days_backwards_skip_easter():
    tuesday_after_easter = datetime.date(2022, 4, 19)
    assert add_working_days(tuesday_after_easter, -1) == datetime.date(2022, 4, 14)


def _meeting_on(day):
    return MeetingFactory(
        starts_at=datetime.datetime(
            day.year, day.month, day.day, 16, tzinfo=timezone.get_current_timezone()
        ),
        submission_deadline=datetime.datetime(
            2022, 1, 1, 12, tzinfo=timezone.get_current_timezone()
        ),
    )


def test_default_due_date_is_in_time_for_the_meeting(db, settings):
    settings.INQUIRY_DUE_DATE_RULE = "meeting"
    settings.INQUIRY_DUE_WORKING_DAYS_BEFORE_MEETING = 2
    inquiry = InquiryFactory(meeting=_meeting_on(datetime.date(2022, 2, 15)))
    assert default_due_date(inquiry, datetime.date(2022, 2, 1)) == datetime.date(2022, 2, 11)


def test_late_inquiry_falls_back_to_working_days(db, settings):
    settings.INQUIRY_DUE_DATE_RULE = "meeting"
    settings.INQUIRY_DUE_WORKING_DAYS = 5
    inquiry = InquiryFactory(meeting=_meeting_on(datetime.date(2022, 2, 15)))
    assert default_due_date(inquiry, datetime.date(2022, 2, 14)) == datetime.date(2022, 2, 21)


def test_working_days_rule_counts_from_registration(db, settings):
    settings.INQUIRY_DUE_DATE_RULE = "working_days"
    settings.INQUIRY_DUE_WORKING_DAYS = 10
    inquiry = InquiryFactory(meeting=_meeting_on(datetime.date(2022, 3, 15)))
    assert default_due_date(inquiry, datetime.date(2022, 2, 1)) == datetime.date(2022, 2, 15)
