"""The office exports the audit trail of an inquiry as CSV; nobody changes audit events."""

import csv
import io

import pytest
from django.urls import reverse

from inquiries import workflow
from inquiries.models import AuditEvent
from tests.factories import InquiryFactory, publish_through_workflow


def _rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


@pytest.mark.django_db
def test_office_downloads_every_event_of_an_inquiry(client, personas):
    inquiry = publish_through_workflow(InquiryFactory(author=personas.councillor_profile), personas)
    other = InquiryFactory(author=personas.councillor_profile)
    workflow.submit(other, personas.councillor)
    client.force_login(personas.office)
    response = client.get(reverse("inquiries:office_audit_csv", args=[inquiry.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    number = inquiry.number.replace("/", "-")
    assert f'filename="Protokoll-Anfrage-{number}.csv"' in response["Content-Disposition"]
    rows = _rows(response)
    assert rows[0] == ["time", "actor", "action", "question", "from", "to", "public", "comment"]
    assert len(rows) - 1 == AuditEvent.objects.filter(inquiry=inquiry).count()
    assert rows[1][1:3] == ["councillor", "submit"]
    assert rows[-1][1] == "office"
    assert {row[1] for row in rows[1:]} >= {"councillor", "office", "clerk_a", "head_a"}


@pytest.mark.django_db
def test_formulas_in_comments_are_neutralised(client, personas):
    inquiry = InquiryFactory(author=personas.councillor_profile)
    workflow.submit(inquiry, personas.councillor)
    workflow.reject(inquiry, personas.office, '=HYPERLINK("http://evil.example")')
    client.force_login(personas.office)
    rows = _rows(client.get(reverse("inquiries:office_audit_csv", args=[inquiry.pk])))
    assert rows[-1][-1] == '\'=HYPERLINK("http://evil.example")'


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["councillor", "clerk_a", "head_a", "clerk_b"])
def test_only_the_office_may_export(client, personas, persona):
    inquiry = publish_through_workflow(InquiryFactory(author=personas.councillor_profile), personas)
    client.force_login(getattr(personas, persona))
    url = reverse("inquiries:office_audit_csv", args=[inquiry.pk])
    assert client.get(url).status_code == 403


@pytest.mark.django_db
def test_audit_events_cannot_be_changed_or_deleted_in_the_admin(admin_client, personas):
    inquiry = InquiryFactory(author=personas.councillor_profile)
    workflow.submit(inquiry, personas.councillor)
    event = AuditEvent.objects.get(inquiry=inquiry)
    change = reverse("admin:inquiries_auditevent_change", args=[event.pk])
    page = admin_client.get(change)
    assert page.status_code == 200
    assert 'name="comment"' not in page.content.decode()  # shown read-only
    admin_client.post(change, {"comment": "geändert", "action": "x"})
    delete = reverse("admin:inquiries_auditevent_delete", args=[event.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert admin_client.get(reverse("admin:inquiries_auditevent_add")).status_code == 403
    bulk = admin_client.post(
        reverse("admin:inquiries_auditevent_changelist"),
        {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"},
    )
    assert bulk.status_code in (200, 302, 403)
    event.refresh_from_db()
    assert (event.comment, event.action) == ("", "submit")
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.django_db
def test_no_portal_url_changes_audit_events(client, personas):
    """No URL of the portal outside the admin names audit events in a way that writes them."""
    from tests.security.urls import all_routes

    writers = [
        r.route
        for r in all_routes()
        if "auditevent" in r.route and not r.route.startswith("admin/")
    ]
    assert writers == []
