"""Bad input in the admin gets a clear German message and keeps what was typed."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from inquiries.models import Inquiry, Meeting
from tests.factories import CommitteeFactory, CouncillorFactory, MeetingFactory


def _inquiry_form(meeting, author, subject, questions):
    data = {
        "meeting": meeting.pk,
        "author": author.pk,
        "subject": subject,
        "preamble": "Absatz eins.\n\nAbsatz zwei.",
        "received_via": "paper",
        "questions-TOTAL_FORMS": str(len(questions)),
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "1000",
        "cosignatures-TOTAL_FORMS": "0",
        "cosignatures-INITIAL_FORMS": "0",
        "cosignatures-MIN_NUM_FORMS": "0",
        "cosignatures-MAX_NUM_FORMS": "1000",
        "events-TOTAL_FORMS": "0",
        "events-INITIAL_FORMS": "0",
        "events-MIN_NUM_FORMS": "0",
        "events-MAX_NUM_FORMS": "0",
    }
    for i, (number, text) in enumerate(questions):
        data[f"questions-{i}-number"] = str(number)
        data[f"questions-{i}-text"] = text
    return data


@pytest.fixture
def admin_client(client, personas):
    client.force_login(personas.admin)
    return client


@pytest.mark.django_db
def test_admin_adds_inquiry_with_numbered_questions(admin_client):
    meeting, author = MeetingFactory(), CouncillorFactory()
    response = admin_client.post(
        reverse("admin:inquiries_inquiry_add"),
        _inquiry_form(meeting, author, "Papieranfrage", [(1, "Erste?"), (2, "Zweite?")]),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    inquiry = Inquiry.objects.get(subject="Papieranfrage")
    assert list(inquiry.questions.values_list("number", "text")) == [(1, "Erste?"), (2, "Zweite?")]


@pytest.mark.django_db
def test_admin_refuses_duplicate_question_number_in_german(admin_client):
    meeting, author = MeetingFactory(), CouncillorFactory()
    response = admin_client.post(
        reverse("admin:inquiries_inquiry_add"),
        _inquiry_form(meeting, author, "Doppelte Nummer", [(1, "Erste?"), (1, "Auch erste?")]),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Die Fragennummer 1 kommt mehr als einmal vor." in page
    assert "Auch erste?" in page  # what was typed is kept
    assert not Inquiry.objects.filter(subject="Doppelte Nummer").exists()


@pytest.mark.django_db
def test_admin_refuses_empty_subject_in_german(admin_client):
    meeting, author = MeetingFactory(), CouncillorFactory()
    response = admin_client.post(
        reverse("admin:inquiries_inquiry_add"),
        _inquiry_form(meeting, author, "", [(1, "Eine Frage, die bleiben soll?")]),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Dieses Feld ist zwingend erforderlich." in page
    assert "Eine Frage, die bleiben soll?" in page
    assert not Inquiry.objects.exists()


@pytest.mark.django_db
def test_admin_derives_submission_deadline_from_committee_rule(admin_client):
    committee = CommitteeFactory(submission_deadline_days=10)
    response = admin_client.post(
        reverse("admin:inquiries_meeting_add"),
        {
            "committee": committee.pk,
            "starts_at_0": "15.02.2030",
            "starts_at_1": "16:00:00",
            "location": "Ratssaal",
            "submission_deadline_0": "",
            "submission_deadline_1": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    meeting = Meeting.objects.get(committee=committee)
    assert meeting.submission_deadline.strftime("%d.%m.%Y") == "05.02.2030"


MODELS = list(apps.get_app_config("inquiries").get_models())


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_every_model_has_a_searchable_admin_list(admin_client, model):
    assert admin.site.is_registered(model)
    url = reverse(f"admin:inquiries_{model._meta.model_name}_changelist")
    response = admin_client.get(url, {"q": "Herne"})
    assert response.status_code == 200
    assert 'id="searchbar"' in response.content.decode()
