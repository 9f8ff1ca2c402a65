"""Stored cross-site scripting: text from the database is always escaped on public pages."""

import pytest
from django.urls import reverse

from inquiries import workflow
from tests.factories import (
    CommitteeFactory,
    DepartmentFactory,
    FactionFactory,
    InquiryFactory,
    MeetingFactory,
)

PAYLOADS = [
    '<script>alert("xss")</script>',
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
]


def _raw_markers(html: str) -> list[str]:
    return [marker for marker in ("<script>alert", "<img src=x", "<svg/onload") if marker in html]


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
    for question in inquiry.questions.all():
        workflow.route(question, personas.office, department)
        workflow.draft_answer(question, personas.clerk_a, f"Antwort {payload}")
        workflow.send_for_review(question, personas.clerk_a)
        workflow.return_answer(question, personas.head_a, payload)
        workflow.draft_answer(question, personas.clerk_a, payload)
        workflow.send_for_review(question, personas.clerk_a)
        workflow.approve(question, personas.head_a)
    workflow.publish(inquiry, personas.office)

    for url in (reverse("inquiries:list"), inquiry.get_absolute_url()):
        html = client.get(url).content.decode()
        assert _raw_markers(html) == [], url
        assert "&lt;" in html, f"{url}: the payload should be shown, escaped"
