"""A user downloads everything the portal stores about them (GDPR)."""

import json

import pytest
from django.urls import reverse

from tests.factories import InquiryFactory, publish_through_workflow


@pytest.mark.django_db
def test_councillor_downloads_own_data(client, personas):
    profile = personas.councillor_profile
    profile.email, profile.phone = "rat@example.org", "02323 16-0"
    profile.save()
    inquiry = publish_through_workflow(
        InquiryFactory(author=profile, subject="Smart City"), personas
    )
    client.force_login(personas.councillor)
    response = client.get(reverse("my_data_export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert "no-cache" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["username"] == "councillor"
    assert data["councillor"]["email"] == "rat@example.org"
    assert data["councillor"]["phone"] == "02323 16-0"
    assert [i["subject"] for i in data["councillor"]["inquiries"]] == ["Smart City"]
    assert [a["action"] for a in data["actions"]] == ["submit"]
    assert data["councillor"]["inquiries"][0]["id"] == inquiry.pk


@pytest.mark.django_db
def test_staff_export_lists_their_work_and_no_one_elses(client, personas):
    publish_through_workflow(InquiryFactory(author=personas.councillor_profile), personas)
    client.force_login(personas.clerk_a)
    data = json.loads(client.get(reverse("my_data_export")).content)
    assert data["councillor"] is None
    assert data["staff_memberships"] == [{"department": "FB 12", "role": "clerk"}]
    assert len(data["answers_drafted"]) == 2
    assert data["answers_approved"] == []
    assert "councillor" not in json.dumps(data["actions"])


@pytest.mark.django_db
def test_export_needs_login(client):
    response = client.get(reverse("my_data_export"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
