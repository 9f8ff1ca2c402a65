"""Transitions change state only when allowed, and leave an audit event each time."""

import datetime

import pytest
from django.utils import timezone

from inquiries import workflow
from inquiries.models import AuditEvent, Inquiry, Question
from inquiries.workflow import TransitionError
from tests.factories import InquiryFactory, MeetingFactory


@pytest.fixture
def draft(personas):
    return InquiryFactory(author=personas.councillor_profile)


@pytest.mark.django_db
def test_author_submits_draft_and_event_is_written(personas, draft):
    workflow.submit(draft, personas.councillor)
    draft.refresh_from_db()
    assert draft.status == Inquiry.Status.SUBMITTED
    assert draft.submitted_at is not None
    event = AuditEvent.objects.get(inquiry=draft)
    assert (event.actor, event.action, event.from_state, event.to_state) == (
        personas.councillor,
        "submit",
        "draft",
        "submitted",
    )


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["other_councillor", "office", "clerk_a", "head_a"])
def test_nobody_but_the_author_submits(personas, draft, who):
    with pytest.raises(TransitionError) as excinfo:
        workflow.submit(draft, getattr(personas, who))
    assert excinfo.value.forbidden
    draft.refresh_from_db()
    assert draft.status == Inquiry.Status.DRAFT
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_submit_after_deadline_is_refused(personas):
    meeting = MeetingFactory(starts_at=timezone.now() + datetime.timedelta(days=1))
    inquiry = InquiryFactory(author=personas.councillor_profile, meeting=meeting)
    with pytest.raises(TransitionError, match="Einreichungsfrist"):
        workflow.submit(inquiry, personas.councillor)


@pytest.mark.django_db
def test_register_assigns_consecutive_numbers_of_the_year(personas):
    numbers = []
    for _ in range(3):
        inquiry = InquiryFactory(author=personas.councillor_profile)
        workflow.submit(inquiry, personas.councillor)
        workflow.register(inquiry, personas.office, datetime.date(2030, 1, 31))
        inquiry.refresh_from_db()
        numbers.append(inquiry.number)
    year = timezone.localdate().year
    assert numbers == [f"{year}/0001", f"{year}/0002", f"{year}/0003"]


@pytest.mark.django_db
def test_register_twice_is_refused_and_changes_nothing(personas, draft):
    workflow.submit(draft, personas.councillor)
    workflow.register(draft, personas.office, datetime.date(2030, 1, 31))
    with pytest.raises(TransitionError, match="eingereichte"):
        workflow.register(draft, personas.office, datetime.date(2030, 1, 31))
    draft.refresh_from_db()
    assert draft.number_sequence == 1
    assert AuditEvent.objects.filter(action="register").count() == 1


@pytest.mark.django_db
def test_withdraw_keeps_inquiry_with_reason(personas, draft):
    workflow.submit(draft, personas.councillor)
    workflow.withdraw(draft, personas.councillor, "Hat sich erledigt.")
    draft.refresh_from_db()
    assert draft.status == Inquiry.Status.WITHDRAWN
    assert draft.questions.count() == 2
    assert draft.events.get(action="withdraw").comment == "Hat sich erledigt."
    with pytest.raises(TransitionError):
        workflow.submit(draft, personas.councillor)


@pytest.mark.django_db
def test_inquiry_becomes_answered_when_last_question_is_approved(personas, draft):
    workflow.submit(draft, personas.councillor)
    workflow.register(draft, personas.office, datetime.date(2030, 1, 31))
    first, second = draft.questions.order_by("number")
    for question in (first, second):
        workflow.route(question, personas.office, personas.department_a)
        workflow.draft_answer(question, personas.clerk_a, f"Antwort {question.number}.")
        workflow.send_for_review(question, personas.clerk_a)
    workflow.approve(first, personas.head_a)
    draft.refresh_from_db()
    assert draft.status == Inquiry.Status.REGISTERED
    workflow.approve(second, personas.head_a)
    draft.refresh_from_db()
    assert draft.status == Inquiry.Status.ANSWERED
    assert AuditEvent.objects.filter(inquiry=draft, action="answer").count() == 1


@pytest.mark.django_db
def test_grouped_answer_is_sent_and_approved_once_for_all_its_questions(personas, draft):
    workflow.submit(draft, personas.councillor)
    workflow.register(draft, personas.office, datetime.date(2030, 1, 31))
    first, second = draft.questions.order_by("number")
    for question in (first, second):
        workflow.route(question, personas.office, personas.department_a)
    workflow.draft_answer(first, personas.clerk_a, "Gemeinsame Antwort.", also=[second])
    workflow.send_for_review(first, personas.clerk_a)
    second.refresh_from_db()
    assert second.status == Question.Status.IN_REVIEW
    workflow.approve(first, personas.head_a)
    draft.refresh_from_db()
    assert draft.status == Inquiry.Status.ANSWERED
    first.refresh_from_db(), second.refresh_from_db()
    assert first.answer_id == second.answer_id  # one grouped answer
    assert second.status == Question.Status.APPROVED


@pytest.mark.django_db
def test_clerk_of_other_department_cannot_answer_and_clerk_cannot_approve(personas, draft):
    workflow.submit(draft, personas.councillor)
    workflow.register(draft, personas.office, datetime.date(2030, 1, 31))
    question = draft.questions.get(number=1)
    workflow.route(question, personas.office, personas.department_a)
    with pytest.raises(TransitionError):
        workflow.draft_answer(question, personas.clerk_b, "Nicht meine Frage.")
    workflow.draft_answer(question, personas.clerk_a, "Antwort.")
    workflow.send_for_review(question, personas.clerk_a)
    with pytest.raises(TransitionError):
        workflow.approve(question, personas.clerk_a)
    workflow.return_answer(question, personas.head_a, "Bitte genauer.")
    question.refresh_from_db()
    assert question.status == Question.Status.DRAFTING
    assert question.events.get(action="return").comment == "Bitte genauer."
