"""Stored cross-site scripting: text from the database is escaped on every audience's pages,
and printed as text in the reply letter."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from inquiries import workflow
from inquiries.models import AnswerAttachment
from inquiries.reply.documents import build_reply_document
from tests.factories import (
    SMALL_PDF,
    CommitteeFactory,
    DepartmentFactory,
    FactionFactory,
    InquiryFactory,
    MeetingFactory,
)
from tests.pdfs import full_text, read_pdf

PAYLOADS = [
    '<script>alert("xss")</script>',
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
]


def _raw_markers(html: str) -> list[str]:
    return [marker for marker in ("<script>alert", "<img src=x", "<svg/onload") if marker in html]


def _client(personas, role):
    client = Client()
    client.force_login(getattr(personas, role))
    return client


def _assert_escaped(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    assert _raw_markers(html) == [], url
    assert "&lt;" in html, f"{url}: the payload should be shown, escaped"


def _assert_pdf_shows_text(response, payload):
    """The payload is printed as text in the letter, never interpreted as markup."""
    assert response.status_code == 200
    data = b"".join(response.streaming_content) if response.streaming else response.content
    text = full_text(read_pdf(data)).replace(" ", "")
    assert payload.replace(" ", "") in text


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_every_text_field_are_escaped(payload, client, personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    short = payload[:20]
    councillor = personas.councillor_profile
    councillor.title = councillor.first_name = councillor.last_name = payload
    councillor.faction = FactionFactory(name=payload, short_name=short)
    councillor.save()
    meeting = MeetingFactory(
        committee=CommitteeFactory(name=payload, short_name=short), location=payload
    )
    department = personas.department_a
    department.name = payload
    department.save()
    DepartmentFactory(code="X", name=payload)
    inquiry = InquiryFactory(
        author=councillor,
        meeting=meeting,
        subject=payload,
        preamble=f"Vorrede {payload}\n\n{payload}",
        questions=[payload, f"Frage {payload}"],
    )
    workflow.submit(inquiry, personas.councillor)
    workflow.register(inquiry, personas.office, meeting.starts_at.date())
    questions = list(inquiry.questions.order_by("number"))
    for question in questions:
        workflow.route(question, personas.office, department)
        workflow.draft_answer(question, personas.clerk_a, f"Antwort {payload}")
        workflow.send_for_review(question, personas.clerk_a)
        workflow.return_answer(question, personas.head_a, payload)
        workflow.draft_answer(question, personas.clerk_a, payload)
        workflow.send_for_review(question, personas.clerk_a)

    questions[0].refresh_from_db()
    attachment = AnswerAttachment(
        answer=questions[0].answer,
        original_name=f"{payload}.pdf",
        title=payload,
        content_type="application/pdf",
        size=len(SMALL_PDF),
        sha256="0" * 64,
        uploaded_by=personas.clerk_a,
    )
    attachment.file.save("anlage", ContentFile(SMALL_PDF), save=False)
    attachment.save()

    # While the answers wait for approval: the councillor's, the office's and the
    # department's pages, and the office's draft of the reply letter.
    author, office, head = (_client(personas, role) for role in ("councillor", "office", "head_a"))
    _assert_escaped(author, reverse("inquiries:councillor_list"))
    _assert_escaped(author, reverse("inquiries:councillor_detail", args=[inquiry.pk]))
    _assert_escaped(office, reverse("inquiries:office_inbox"))
    _assert_escaped(office, reverse("inquiries:office_inquiry", args=[inquiry.pk]))
    _assert_escaped(head, reverse("inquiries:department_inbox"))
    _assert_escaped(head, reverse("inquiries:department_question", args=[questions[0].pk]))
    preview = office.get(reverse("inquiries:reply_preview", args=[inquiry.pk]))
    _assert_pdf_shows_text(preview, payload)

    for question in questions:
        workflow.approve(question, personas.head_a)
    workflow.publish(inquiry, personas.office)
    build_reply_document(inquiry.pk)

    for url in (reverse("inquiries:list"), inquiry.get_absolute_url()):
        _assert_escaped(client, url)
    _assert_escaped(author, reverse("inquiries:councillor_detail", args=[inquiry.pk]))
    _assert_escaped(head, reverse("inquiries:department_question", args=[questions[0].pk]))
    _assert_pdf_shows_text(client.get(reverse("inquiries:reply_pdf", args=[inquiry.pk])), payload)
