"""The council office's pages: inbox, registration, rejection, routing, publication."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from inquiries import workflow
from inquiries.models import AuditEvent, Inquiry, Question
from tests.factories import (
    InquiryFactory,
    MeetingFactory,
    registered_inquiry,
    routed_inquiry,
    submitted_inquiry,
)


@pytest.fixture
def office(client, personas):
    client.force_login(personas.office)
    return client


@pytest.mark.django_db
def test_inbox_lists_submitted_inquiries_not_drafts(office, personas):
    submitted = submitted_inquiry(personas.councillor)
    draft = InquiryFactory(author=personas.councillor_profile, subject="Noch ein Entwurf")
    page = office.get(reverse("inquiries:office_inbox")).content.decode()
    assert submitted.subject in page
    assert draft.subject not in page


@pytest.mark.django_db
def test_inbox_filters_by_text_and_overdue(office, personas):
    match = submitted_inquiry(personas.councillor, questions=["Wie steht es um Glasfaser?"])
    other = submitted_inquiry(personas.councillor, questions=["Parkgebühren?"])
    page = office.get(reverse("inquiries:office_inbox"), {"q": "glasfaser"}).content.decode()
    assert match.subject in page
    assert other.subject not in page
    late = registered_inquiry(personas.councillor, personas.office)
    Inquiry.objects.filter(pk=late.pk).update(due_date=timezone.localdate() - datetime.timedelta(1))
    page = office.get(reverse("inquiries:office_inbox"), {"overdue": "true"}).content.decode()
    assert late.subject in page
    assert match.subject not in page
    assert "überfällig" in page


def _fill(personas, count):
    for _ in range(count):
        inquiry = routed_inquiry(personas, questions=["Frage eins?", "Frage zwei?"])
        workflow.draft_answer(inquiry.questions.first(), personas.clerk_a, "Entwurf.")


@pytest.mark.django_db
def test_office_inbox_uses_a_constant_number_of_queries(office, personas):
    url = reverse("inquiries:office_inbox")
    _fill(personas, 3)  # 6 questions
    office.get(url)
    with CaptureQueriesContext(connection) as few:
        assert office.get(url).status_code == 200
    _fill(personas, 60)  # 126 questions; more than one page
    with CaptureQueriesContext(connection) as many:
        assert office.get(url).status_code == 200
    assert len(many) == len(few)


@pytest.mark.django_db
def test_register_assigns_number_and_shows_it(office, personas):
    inquiry = submitted_inquiry(personas.councillor)
    page = office.get(reverse("inquiries:office_inquiry", args=[inquiry.pk])).content.decode()
    assert "Zulässigkeit" in page
    assert "Fristgerecht eingereicht" in page
    response = office.post(
        reverse("inquiries:office_register", args=[inquiry.pk]), {"due_date": "2030-01-31"}
    )
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.REGISTERED
    assert inquiry.due_date == datetime.date(2030, 1, 31)
    page = office.get(response.url).content.decode()
    assert inquiry.number in page


@pytest.mark.django_db
def test_register_twice_is_refused_with_409(office, personas):
    inquiry = registered_inquiry(personas.councillor, personas.office)
    response = office.post(
        reverse("inquiries:office_register", args=[inquiry.pk]), {"due_date": "2030-01-31"}
    )
    assert response.status_code == 409
    assert "eingereichte" in response.content.decode()
    assert AuditEvent.objects.filter(action="register").count() == 1


@pytest.mark.django_db
def test_register_with_bad_date_shows_error_next_to_field(office, personas):
    inquiry = submitted_inquiry(personas.councillor)
    response = office.post(
        reverse("inquiries:office_register", args=[inquiry.pk]), {"due_date": "morgen"}
    )
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.SUBMITTED


@pytest.mark.django_db
def test_late_submission_is_flagged_and_similar_inquiries_shown(office, personas):
    meeting = MeetingFactory()
    inquiry = submitted_inquiry(personas.councillor, meeting=meeting, subject="Smart City Index")
    Inquiry.objects.filter(pk=inquiry.pk).update(
        submitted_at=meeting.submission_deadline + datetime.timedelta(hours=1)
    )
    answered = routed_inquiry(personas, questions=["Platz im Smart City Index?"])
    answered.subject = "Smart City Index Ranking"
    answered.save()
    question = answered.questions.get()
    workflow.draft_answer(question, personas.clerk_a, "Platz 67.")
    workflow.send_for_review(question, personas.clerk_a)
    workflow.approve(question, personas.head_a)
    page = office.get(reverse("inquiries:office_inquiry", args=[inquiry.pk])).content.decode()
    assert "Nicht fristgerecht" in page
    assert "Smart City Index Ranking" in page


@pytest.mark.django_db
def test_reject_needs_a_reason_and_records_it(office, personas):
    inquiry = submitted_inquiry(personas.councillor)
    url = reverse("inquiries:office_reject", args=[inquiry.pk])
    assert office.post(url, {"reason": ""}).status_code == 400
    office.post(url, {"reason": "Bereits beantwortet."})
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.REJECTED
    assert AuditEvent.objects.get(action="reject").comment == "Bereits beantwortet."


@pytest.mark.django_db
def test_route_one_question_then_all(office, personas):
    inquiry = registered_inquiry(personas.councillor, personas.office)
    first, second = inquiry.questions.order_by("number")
    url = reverse("inquiries:office_route", args=[inquiry.pk])
    data = {
        f"lead_{first.pk}": personas.department_a.pk,
        f"lead_{second.pk}": personas.department_b.pk,
        f"contributing_{first.pk}": [personas.department_b.pk],
    }
    office.post(url, {**data, "only": str(first.pk)})
    first.refresh_from_db(), second.refresh_from_db()
    assert first.lead_department == personas.department_a
    assert list(first.contributing_departments.all()) == [personas.department_b]
    assert second.status == Question.Status.NEW
    office.post(url, data)
    second.refresh_from_db()
    assert second.lead_department == personas.department_b
    assert AuditEvent.objects.filter(action="route").count() == 2


@pytest.mark.django_db
def test_route_single_question_without_department_shows_error(office, personas):
    inquiry = registered_inquiry(personas.councillor, personas.office)
    first = inquiry.questions.order_by("number").first()
    response = office.post(
        reverse("inquiries:office_route", args=[inquiry.pk]), {"only": str(first.pk)}
    )
    assert response.status_code == 400
    assert "federführenden" in response.content.decode()


@pytest.mark.django_db
def test_office_publishes_answered_inquiry_and_sees_timeline(office, personas):
    inquiry = routed_inquiry(personas, questions=["Eine Frage?"])
    question = inquiry.questions.get()
    workflow.draft_answer(question, personas.clerk_a, "Antwort.")
    workflow.send_for_review(question, personas.clerk_a)
    workflow.approve(question, personas.head_a)
    page = office.get(reverse("inquiries:office_inquiry", args=[inquiry.pk])).content.decode()
    assert "Antwort veröffentlichen" in page
    office.post(reverse("inquiries:office_publish", args=[inquiry.pk]))
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.PUBLISHED
    page = office.get(reverse("inquiries:office_inquiry", args=[inquiry.pk])).content.decode()
    for username in ("councillor", "office", "clerk_a", "head_a"):
        assert username in page


@pytest.mark.django_db
def test_dashboard_shows_open_overdue_and_answered_per_department(office, personas):
    routed_inquiry(personas)
    late = routed_inquiry(personas, department=personas.department_b, questions=["Alt?"])
    Inquiry.objects.filter(pk=late.pk).update(due_date=timezone.localdate() - datetime.timedelta(1))
    response = office.get(reverse("inquiries:office_dashboard"))
    rows = {row.code: row for row in response.context["rows"]}
    assert (rows["FB 12"].open_count, rows["FB 12"].overdue_count) == (2, 0)
    assert (rows["FB 33"].open_count, rows["FB 33"].overdue_count) == (1, 1)
    assert response.context["total"]["open"] == 3
    assert "Digitalisierung" in response.content.decode()


@pytest.mark.django_db
def test_office_enters_paper_inquiry_as_submitted(office, personas):
    meeting = MeetingFactory()
    url = reverse("inquiries:office_enter_inquiry")
    assert office.get(url).status_code == 200
    data = {
        "received_via": "paper",
        "meeting": meeting.pk,
        "author": personas.councillor_profile.pk,
        "subject": "Per Post eingegangen",
        "preamble": "",
        "fragen-TOTAL_FORMS": "3",
        "fragen-INITIAL_FORMS": "0",
        "fragen-0-text": "Erste Frage?",
        "fragen-1-text": "",
        "fragen-2-text": "Zweite Frage?",
    }
    response = office.post(url, data)
    inquiry = Inquiry.objects.get(subject="Per Post eingegangen")
    assert response.status_code == 302
    assert inquiry.status == Inquiry.Status.SUBMITTED
    assert inquiry.received_via == Inquiry.Channel.PAPER
    assert list(inquiry.questions.values_list("number", "text")) == [
        (1, "Erste Frage?"),
        (2, "Zweite Frage?"),
    ]
    assert AuditEvent.objects.get(inquiry=inquiry).action == "receive"


@pytest.mark.django_db
def test_paper_inquiry_without_questions_keeps_input_and_shows_error(office, personas):
    data = {
        "received_via": "email",
        "meeting": MeetingFactory().pk,
        "author": personas.councillor_profile.pk,
        "subject": "Ohne Fragen",
        "fragen-TOTAL_FORMS": "1",
        "fragen-INITIAL_FORMS": "0",
        "fragen-0-text": "",
    }
    response = office.post(reverse("inquiries:office_enter_inquiry"), data)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Ohne Fragen" in text
    assert 'role="alert"' in text
    assert not Inquiry.objects.filter(subject="Ohne Fragen").exists()


@pytest.mark.django_db
def test_overdue_filter_is_a_checkbox_not_a_yes_no_unknown_choice(office):
    page = office.get(reverse("inquiries:office_inbox")).content.decode()
    assert 'type="checkbox" name="overdue"' in page
    assert "Unbekannt" not in page
