"""The demo councillor finds a colleague's draft waiting for his co-signature."""

import io

import pytest
from django.core.management import call_command

from inquiries.models import CoSignature


@pytest.mark.django_db
def test_demo_has_a_draft_waiting_for_lars_winds_cosignature(client):
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    (signature,) = CoSignature.objects.filter(
        councillor__user__username="lars.wind", confirmed_at__isnull=True
    )
    assert signature.inquiry.status == "draft"
    response = client.post(
        "/konto/login/", {"username": "lars.wind", "password": "demo-ratsmitglied"}
    )
    assert response.status_code == 302  # the printed demo login works
    page = client.get("/meine-anfragen/").content.decode()
    assert "Digitale Sitzungsunterlagen für die Bezirksvertretungen" in page
    assert "wartet auf Ihre Bestätigung" in page
