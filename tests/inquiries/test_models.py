"""The rules of the data model hold in the database and give German messages in the admin."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from inquiries.models import Inquiry, Meeting, Question
from inquiries.models.inquiry import QUESTION_MAX_LENGTH
from tests.factories import CommitteeFactory, InquiryFactory, MeetingFactory


@pytest.mark.django_db
def test_database_refuses_duplicate_question_number():
    inquiry = InquiryFactory(questions=["Eins?"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.create(inquiry=inquiry, number=1, text="Noch einmal eins?")


@pytest.mark.django_db
def test_database_refuses_empty_subject():
    inquiry = InquiryFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Inquiry.objects.filter(pk=inquiry.pk).update(subject="")


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["", "x" * (QUESTION_MAX_LENGTH + 1)])
def test_database_refuses_empty_or_overlong_question(text):
    inquiry = InquiryFactory(questions=[])
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.create(inquiry=inquiry, number=1, text=text)


@pytest.mark.django_db
def test_question_of_maximum_length_is_stored_whole():
    inquiry = InquiryFactory(questions=[])
    text = "ä" * QUESTION_MAX_LENGTH
    Question.objects.create(inquiry=inquiry, number=1, text=text)
    assert Question.objects.get(inquiry=inquiry).text == text


@pytest.mark.django_db
def test_database_refuses_question_number_zero():
    inquiry = InquiryFactory(questions=[])
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.create(inquiry=inquiry, number=0, text="Null?")


@pytest.mark.django_db
def test_inquiry_numbers_are_unique_per_year():
    first, second = InquiryFactory(), InquiryFactory()
    Inquiry.objects.filter(pk=first.pk).update(number_year=2022, number_sequence=17)
    with pytest.raises(IntegrityError), transaction.atomic():
        Inquiry.objects.filter(pk=second.pk).update(number_year=2022, number_sequence=17)
    Inquiry.objects.filter(pk=second.pk).update(number_year=2023, number_sequence=17)
    first.refresh_from_db()
    assert first.number == "2022/0017"


@pytest.mark.django_db
def test_model_validation_reports_duplicate_number_in_german():
    inquiry = InquiryFactory(questions=["Eins?"])
    with pytest.raises(ValidationError) as excinfo:
        Question(inquiry=inquiry, number=1, text="Doppelt?").full_clean()
    assert "Jede Fragennummer darf nur einmal vorkommen." in str(excinfo.value)


@pytest.mark.django_db
def test_meeting_deadline_may_not_be_after_start():
    committee = CommitteeFactory()
    starts = timezone.now() + datetime.timedelta(days=3)
    meeting = Meeting(
        committee=committee,
        starts_at=starts,
        submission_deadline=starts + datetime.timedelta(hours=1),
    )
    with pytest.raises(ValidationError) as excinfo:
        meeting.full_clean()
    assert "Die Einreichungsfrist darf nicht nach Sitzungsbeginn liegen." in str(excinfo.value)


@pytest.mark.django_db
def test_open_for_inquiries_offers_only_meetings_before_their_deadline():
    open_meeting = MeetingFactory()
    closed = MeetingFactory(starts_at=timezone.now() + datetime.timedelta(days=1))
    assert not closed.is_open_for_inquiries()
    assert list(Meeting.objects.open_for_inquiries()) == [open_meeting]
