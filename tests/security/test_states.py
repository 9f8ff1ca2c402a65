"""Every page of every audience opens for its objects in every state: never a 500."""

import pytest
from django.urls import reverse

from tests.security.conftest import client_for

INQUIRY_STATES = ("draft", "submitted", "registered", "routed", "published")

# Pages about one inquiry, the role that works on them, and the states in which that role
# may see the inquiry at all (in the others it gets 404).
INQUIRY_PAGES = {
    "inquiries:councillor_detail": ("councillor", INQUIRY_STATES),
    "inquiries:councillor_preview": ("councillor", INQUIRY_STATES),
    "inquiries:councillor_edit": ("councillor", INQUIRY_STATES),
    "inquiries:councillor_submit": ("councillor", INQUIRY_STATES),
    "inquiries:councillor_withdraw": ("councillor", INQUIRY_STATES),
    "inquiries:office_inquiry": ("office", INQUIRY_STATES[1:]),
    "inquiries:reply_preview": ("office", INQUIRY_STATES[1:]),
    "inquiries:office_audit_csv": ("office", INQUIRY_STATES[1:]),
}


@pytest.mark.django_db
def test_inquiry_pages_in_every_state(personas, world):
    failures = []
    for name, (role, visible) in INQUIRY_PAGES.items():
        client = client_for(personas, role)
        for state in INQUIRY_STATES:
            response = client.get(reverse(name, args=[getattr(world, state).pk]))
            expected = (200, 302) if state in visible else (404,)
            if response.status_code not in expected:
                failures.append(f"{role} {name} {state}: {response.status_code}")
    assert failures == []


@pytest.mark.django_db
def test_question_page_in_every_state(personas, world):
    head = client_for(personas, "head")
    questions = [world.drafting, world.in_review, *world.published.questions.all()]
    for question in questions:
        url = reverse("inquiries:department_question", args=[question.pk])
        assert head.get(url).status_code == 200, question.status
    for question in [*world.registered.questions.all(), *world.submitted.questions.all()]:
        url = reverse("inquiries:department_question", args=[question.pk])
        assert head.get(url).status_code == 404, question.status
