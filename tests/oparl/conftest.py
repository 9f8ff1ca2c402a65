"""Fixtures of the OParl tests: published inquiries and a place for reply PDFs."""

import pytest

from inquiries import workflow
from tests.factories import InquiryFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def publish(inquiry, personas, now=None):
    """Take a draft by one of ``personas``' councillors through the workflow to published."""
    author = inquiry.author.user
    workflow.submit(inquiry, author)
    workflow.register(inquiry, personas.office, inquiry.meeting.starts_at.date())
    for question in inquiry.questions.all():
        workflow.route(question, personas.office, personas.department_a)
        workflow.draft_answer(question, personas.clerk_a, f"Antwort auf Frage {question.number}.")
        workflow.send_for_review(question, personas.clerk_a)
        workflow.approve(question, personas.head_a)
    return workflow.publish(inquiry, personas.office, now=now)


@pytest.fixture
def published(personas):
    inquiry = InquiryFactory(
        author=personas.councillor_profile,
        subject="Digitale Schulen in Herne – Sachstand",
        questions=["Wie viele Schulen haben WLAN?", "Bis wann folgen die übrigen?"],
    )
    return publish(inquiry, personas)
