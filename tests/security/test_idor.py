"""Changing ids in URLs reveals nothing: unpublished inquiries and unreleased PDFs stay hidden."""

import pytest
from django.urls import reverse

from inquiries.models import ReplyDocument
from tests.security.conftest import ROLES, client_for


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_public_urls_with_ids_of_unpublished_inquiries_are_not_found(role, personas, world):
    client = client_for(personas, role)
    for inquiry in (world.draft, world.registered):
        for name, kwargs in [
            ("inquiries:detail", {"pk": inquiry.pk}),
            ("inquiries:reply_pdf", {"pk": inquiry.pk}),
            ("inquiries:reply_pdf_version", {"pk": inquiry.pk, "version": 1}),
        ]:
            assert client.get(reverse(name, kwargs=kwargs)).status_code == 404, (role, name)


@pytest.mark.django_db
def test_unreleased_reply_of_a_published_inquiry_is_not_found(client, world):
    document = ReplyDocument.objects.get(inquiry=world.published)
    ReplyDocument.objects.filter(pk=document.pk).update(is_released=False)
    assert client.get(document.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_ids_that_do_not_exist_are_not_found(client, world):
    missing = world.published.pk + 1000
    assert client.get(reverse("inquiries:detail", args=[missing])).status_code == 404
    assert client.get(reverse("inquiries:reply_pdf", args=[missing])).status_code == 404


@pytest.mark.django_db
def test_audit_export_of_a_draft_is_hidden_even_from_the_office(personas, world):
    client = client_for(personas, "office")
    url = reverse("inquiries:office_audit_csv", args=[world.draft.pk])
    assert client.get(url).status_code == 404
    registered = reverse("inquiries:office_audit_csv", args=[world.registered.pk])
    assert client.get(registered).status_code == 200
    for role in ("councillor", "other_councillor", "clerk_other_department", "head"):
        assert client_for(personas, role).get(registered).status_code in (403, 404), role
