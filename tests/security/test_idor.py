"""Changing ids in URLs reveals nothing: unpublished inquiries and unreleased PDFs stay hidden."""

import pytest
from django.urls import reverse

from inquiries.models import Inquiry, ReplyDocument
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
def test_reply_of_an_answered_inquiry_not_yet_published_is_not_found(client, world):
    # A reply is built when the inquiry is answered; the public sees it once it is published.
    document = ReplyDocument.objects.get(inquiry=world.published)
    Inquiry.objects.filter(pk=world.published.pk).update(status=Inquiry.Status.ANSWERED)
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


@pytest.mark.django_db
def test_councillor_pages_show_only_own_or_cosigned_inquiries(personas, world):
    other = client_for(personas, "other_councillor")
    for name in ("inquiries:councillor_detail", "inquiries:councillor_preview"):
        # Published: its existence is no secret, but the councillor's page is not theirs.
        assert other.get(reverse(name, args=[world.published.pk])).status_code == 403, name
        for inquiry in (world.submitted, world.registered, world.routed):
            assert other.get(reverse(name, args=[inquiry.pk])).status_code == 404, name
    for name in ("inquiries:councillor_withdraw", "inquiries:councillor_edit"):
        assert other.get(reverse(name, args=[world.submitted.pk])).status_code == 404, name


@pytest.mark.django_db
def test_staff_pages_with_ids_of_drafts_are_not_found(personas, world):
    office = client_for(personas, "office")
    for name in ("inquiries:office_inquiry", "inquiries:reply_preview"):
        assert office.get(reverse(name, args=[world.draft.pk])).status_code == 404, name
    head = client_for(personas, "head")
    draft_question = world.draft.questions.first()
    url = reverse("inquiries:department_question", args=[draft_question.pk])
    assert head.get(url).status_code == 404


@pytest.mark.django_db
def test_department_pages_with_ids_of_another_department_are_not_found(personas, world):
    clerk_b = client_for(personas, "clerk_other_department")
    for question in (world.drafting, world.in_review, world.published.questions.first()):
        url = reverse("inquiries:department_question", args=[question.pk])
        assert clerk_b.get(url).status_code == 404
    url = reverse("inquiries:department_attachment", args=[world.attachment.pk])
    assert clerk_b.get(url).status_code == 404
    for name in ("inquiries:department_save_answer", "inquiries:department_approve"):
        response = clerk_b.post(reverse(name, args=[world.in_review.pk]), {"text": "x"})
        assert response.status_code == 404, name


@pytest.mark.django_db
def test_public_attachment_only_through_its_own_published_inquiry(client, world):
    for pk in (world.draft.pk, world.registered.pk, world.routed.pk):
        url = reverse("inquiries:attachment", args=[pk, world.attachment.pk])
        assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_oparl_ids_of_unpublished_inquiries_are_not_found(client, world):
    for inquiry in (world.draft, world.submitted, world.routed):
        for name in (
            "oparl:paper",
            "oparl:reply_paper",
            "oparl:consultation",
            "inquiries:feed_inquiry",
        ):
            assert client.get(reverse(name, args=[inquiry.pk])).status_code == 404, name


@pytest.mark.django_db
def test_oparl_file_of_a_reply_not_yet_published_is_not_found(client, world):
    document = ReplyDocument.objects.get(inquiry=world.published)
    Inquiry.objects.filter(pk=world.published.pk).update(status=Inquiry.Status.ANSWERED)
    for name in ("oparl:file", "oparl:file_download"):
        assert client.get(reverse(name, args=[document.pk])).status_code == 404, name


@pytest.mark.django_db
def test_lists_show_only_what_the_role_may_see(personas, world):
    def page(role, name):
        return client_for(personas, role).get(reverse(name)).content.decode()

    office = page("office", "inquiries:office_inbox")
    assert world.submitted.subject in office
    assert world.draft.subject not in office
    head = page("head", "inquiries:department_inbox")
    assert world.routed.subject in head
    assert world.routed.subject not in page("clerk_other_department", "inquiries:department_inbox")
    own = page("councillor", "inquiries:councillor_list")
    assert world.draft.subject in own
    assert world.submitted.subject in own
    others = page("other_councillor", "inquiries:councillor_list")
    for inquiry in (world.draft, world.submitted, world.registered, world.routed):
        assert inquiry.subject not in others
