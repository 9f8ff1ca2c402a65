"""The reply letter on the web: public downloads of stored files, the staff preview."""

import hashlib
import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from inquiries.models import Inquiry, ReplyDocument
from inquiries.reply.documents import build_reply_document
from tests.inquiries.replies import answered_inquiry
from tests.pdfs import full_text, read_pdf


@pytest.fixture(autouse=True)
def _fresh_rebuild_requests():
    cache.clear()  # rebuild requests are debounced in the cache
    yield
    cache.clear()


@pytest.fixture
def published(personas):
    return answered_inquiry(
        personas, ["Wie viele Verfahren sind digital?"], {(1,): "Zwölf."}, publish=True
    )


def _approve_corrected_text(inquiry, text):
    """A corrected answer text, approved again (issue 4's correction workflow)."""
    answer = inquiry.answers.get()
    answer.text, answer.approved_at = text, timezone.now()
    answer.save(update_fields=["text", "approved_at"])


def _download(client, inquiry, version=None):
    if version is None:
        return client.get(reverse("inquiries:reply_pdf", args=[inquiry.pk]))
    return client.get(reverse("inquiries:reply_pdf_version", args=[inquiry.pk, version]))


@pytest.mark.django_db
def test_download_serves_the_stored_file_as_it_is(client, published):
    document = build_reply_document(published.pk)
    response = _download(client, published)
    body = b"".join(response.streaming_content)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert hashlib.sha256(body).hexdigest() == document.sha256
    assert f'filename="{document.download_name}"' in response["Content-Disposition"]
    assert ReplyDocument.objects.count() == 1


@pytest.mark.django_db
def test_missing_file_is_rebuilt_by_the_worker_not_in_the_request(
    client, published, django_capture_on_commit_callbacks
):
    document = build_reply_document(published.pk)
    document.file.storage.delete(document.file.name)
    with django_capture_on_commit_callbacks() as callbacks:
        response = _download(client, published)
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert (
        "Das Antwortschreiben zu dieser Anfrage wird gerade erstellt" in response.content.decode()
    )
    assert document.file.storage.exists(document.file.name) is False
    assert len(callbacks) == 1  # the job, enqueued after the request's transaction
    callbacks[0]()  # the worker runs it
    response = _download(client, published)
    assert response.status_code == 200
    document.refresh_from_db()
    assert hashlib.sha256(b"".join(response.streaming_content)).hexdigest() == document.sha256


@pytest.mark.django_db
def test_published_inquiry_without_reply_asks_the_worker_once(
    client, published, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        assert _download(client, published).status_code == 503
        assert _download(client, published).status_code == 503
    assert len(callbacks) == 1
    callbacks[0]()
    assert _download(client, published).status_code == 200
    assert _download(client, published, version=2).status_code == 404


@pytest.mark.django_db
def test_stale_reply_is_served_while_the_next_version_is_built(
    client, published, django_capture_on_commit_callbacks
):
    first = build_reply_document(published.pk)
    _approve_corrected_text(published, "Dreizehn.")
    with django_capture_on_commit_callbacks(execute=True):
        response = _download(client, published)
    assert hashlib.sha256(b"".join(response.streaming_content)).hexdigest() == first.sha256
    second = ReplyDocument.objects.get(inquiry=published, version=2)
    assert "Dreizehn." in full_text(read_pdf(second.file.open("rb").read()))


@pytest.mark.django_db
def test_inquiry_page_links_the_reply_and_its_earlier_versions(client, published):
    build_reply_document(published.pk)
    _approve_corrected_text(published, "Dreizehn.")
    build_reply_document(published.pk)
    page = client.get(published.get_absolute_url()).content.decode()
    assert f'href="/anfragen/{published.pk}/antwort.pdf"' in page
    assert "Antwortschreiben herunterladen (PDF)" in page
    assert f'href="/anfragen/{published.pk}/antwort-v1.pdf"' in page
    assert "Frühere Fassungen" in page


@pytest.mark.django_db
def test_office_previews_a_watermarked_draft_of_an_unfinished_reply(client, personas):
    inquiry = answered_inquiry(personas, ["Erste Frage?", "Zweite Frage?"], {(1,): "Antwort."})
    client.force_login(personas.office)
    response = client.get(reverse("inquiries:reply_preview", args=[inquiry.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    text = full_text(read_pdf(response.content))
    assert "Entwurf" in text
    assert "Antwort." in text
    assert "Die Antwort auf diese Frage ist noch nicht freigegeben." in text
    assert not ReplyDocument.objects.exists()  # a preview is never stored or released


@pytest.mark.django_db
def test_only_the_office_may_preview(client, personas):
    inquiry = answered_inquiry(personas, ["Frage?"], {(1,): "Antwort."})
    url = reverse("inquiries:reply_preview", args=[inquiry.pk])
    assert client.get(url).status_code == 302  # to the login
    client.force_login(personas.clerk_a)
    assert client.get(url).status_code == 403  # sees the inquiry, may not preview
    client.force_login(personas.other_councillor)
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_load_demo_stores_the_replies_of_the_published_demo_inquiries():
    call_command("load_demo", stdout=io.StringIO())
    published = Inquiry.objects.published()
    assert published.count() >= 2
    for inquiry in published:
        document = ReplyDocument.objects.get(inquiry=inquiry)
        assert document.file.storage.exists(document.file.name)
    call_command("load_demo", stdout=io.StringIO())
    assert ReplyDocument.objects.count() == published.count()  # nothing built twice
