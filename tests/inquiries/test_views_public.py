"""The public pages show published inquiries, and nothing else."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inquiries import workflow
from inquiries.models import Inquiry
from tests.factories import InquiryFactory


def publish(inquiry, personas):
    """Take a draft by ``personas.councillor`` through the workflow to published."""
    workflow.submit(inquiry, personas.councillor)
    workflow.register(inquiry, personas.office, inquiry.meeting.starts_at.date())
    for question in inquiry.questions.all():
        workflow.route(question, personas.office, personas.department_a)
        workflow.draft_answer(question, personas.clerk_a, f"Antwort auf Frage {question.number}.")
        workflow.send_for_review(question, personas.clerk_a)
        workflow.approve(question, personas.head_a)
    return workflow.publish(inquiry, personas.office)


@pytest.fixture
def published(personas):
    inquiry = InquiryFactory(
        author=personas.councillor_profile,
        subject="Digitale Verwaltung in Herne",
        preamble="Erster Absatz.\n\nZweiter Absatz mit <script>alert(1)</script>.",
        questions=["Wie viele Verfahren sind digital?", "Bis wann?\nUnd mit wem?"],
    )
    return publish(inquiry, personas)


@pytest.mark.django_db
def test_list_shows_published_inquiries_only(client, personas, published):
    draft = InquiryFactory(author=personas.councillor_profile, subject="Geheimer Entwurf")
    submitted = InquiryFactory(author=personas.councillor_profile, subject="Eingereicht, offen")
    workflow.submit(submitted, personas.councillor)
    response = client.get(reverse("inquiries:list"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Digitale Verwaltung in Herne" in page
    assert draft.subject not in page
    assert submitted.subject not in page


@pytest.mark.django_db
def test_detail_shows_questions_answers_and_timeline(client, published):
    response = client.get(published.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="de">' in page
    assert "Digitale Verwaltung in Herne" in page
    assert 'id="frage-1"' in page and 'id="frage-2"' in page
    assert "Antwort auf Frage 2." in page
    assert "<p>Erster Absatz.</p>" in page and "Zweiter Absatz" in page
    assert "Bis wann?<br>Und mit wem?" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)</script>" not in page
    assert "Veröffentlicht" in page  # public timeline


@pytest.mark.django_db
@pytest.mark.parametrize("state", ["draft", "submitted", "withdrawn"])
def test_unpublished_inquiry_is_not_found(client, personas, state):
    inquiry = InquiryFactory(author=personas.councillor_profile)
    if state != "draft":
        workflow.submit(inquiry, personas.councillor)
    if state == "withdrawn":
        workflow.withdraw(inquiry, personas.councillor, "Erledigt.")
    client.force_login(personas.other_councillor)
    assert client.get(inquiry.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_contact_data_of_councillors_never_shown(client, published):
    author = published.author
    author.email, author.phone = "privat@example.org", "02323 123456"
    author.save()
    page = client.get(published.get_absolute_url()).content.decode()
    assert "privat@example.org" not in page and "02323 123456" not in page


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_list_and_detail_use_constant_number_of_queries(client, personas, published):
    list_url = reverse("inquiries:list")
    few_list, few_detail = (
        _queries(client, list_url),
        _queries(client, published.get_absolute_url()),
    )
    for _n in range(12):
        inquiry = InquiryFactory(
            author=personas.councillor_profile, questions=[f"Frage {i}?" for i in range(1, 6)]
        )
        publish(inquiry, personas)
    big = Inquiry.objects.published().latest("pk")
    assert _queries(client, list_url) == few_list
    assert _queries(client, big.get_absolute_url()) == few_detail


@pytest.mark.django_db
def test_pagination_past_the_end_shows_last_page(client, published):
    response = client.get(reverse("inquiries:list"), {"seite": "999"})
    assert response.status_code == 200
    assert "Digitale Verwaltung in Herne" in response.content.decode()


@pytest.mark.django_db
def test_reply_pdf_serves_released_versions_only(client, personas, published, settings, tmp_path):
    from django.core.files.base import ContentFile

    from inquiries.models import ReplyDocument

    settings.MEDIA_ROOT = tmp_path
    url = reverse("inquiries:reply_pdf", args=[published.pk])
    assert client.get(url).status_code == 503  # none stored yet: a worker builds it (issue 5)
    for version, released in [(1, True), (2, True), (3, False)]:
        body = f"%PDF-1.7 version {version}".encode()
        document = ReplyDocument(
            inquiry=published,
            version=version,
            size=len(body),
            sha256=f"{version:064d}",
            content_hash="x",
            is_released=released,
        )
        document.file.save("ignored.pdf", ContentFile(body), save=False)
        document.save()
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.7 version 2"
    old = client.get(ReplyDocument.objects.get(version=1).get_absolute_url())
    assert b"".join(old.streaming_content) == b"%PDF-1.7 version 1"
    assert client.get(ReplyDocument.objects.get(version=3).get_absolute_url()).status_code == 404
