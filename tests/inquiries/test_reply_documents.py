"""Reply letters are built by the worker, stored with their hashes, every version kept."""

import hashlib

import pytest
from django.utils import timezone

from inquiries import workflow
from inquiries.models import Answer, AnswerCorrection, Inquiry, ReplyDocument
from inquiries.reply.documents import (
    build_reply_document,
    current_content,
    ensure_reply_file,
    file_is_missing,
    is_stale,
)
from inquiries.reply.payload import content_hash
from inquiries.reply.tasks import schedule_reply_build
from tests.inquiries.replies import answered_inquiry
from tests.pdfs import embedded_json, full_text, read_pdf


def _stored_bytes(document: ReplyDocument) -> bytes:
    with document.file.open("rb") as file:
        return file.read()


def _correct(answer: Answer, text: str, reason: str, actor) -> None:
    """A correction of an approved answer as issue 4's workflow records it."""
    AnswerCorrection.objects.create(
        answer=answer, previous_text=answer.text, reason=reason, corrected_by=actor
    )
    answer.text = text
    answer.approved_at = timezone.now()
    answer.save(update_fields=["text", "approved_at", "updated_at"])


@pytest.mark.django_db
def test_reply_is_built_and_stored_when_the_last_answer_is_approved(
    personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = answered_inquiry(
            personas,
            ["Erste Frage?", "Zweite Frage?"],
            {
                (1,): "Erste Antwort.",
                (2,): "Zweite Antwort.",
            },
        )
    assert inquiry.status == Inquiry.Status.ANSWERED
    document = ReplyDocument.objects.get(inquiry=inquiry)
    data = _stored_bytes(document)
    assert (document.version, document.released_at is not None) == (1, True)
    assert document.released_at is not None
    assert document.letter_date == timezone.localdate()  # the day of the last approval
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.size == len(data)
    assert document.content_hash == content_hash(current_content(inquiry.pk))
    assert document.file.name.startswith(f"replies/{inquiry.pk}/v1-")
    assert "Zweite Antwort." in full_text(read_pdf(data))


@pytest.mark.django_db
def test_nothing_is_built_while_an_answer_is_not_approved(personas):
    inquiry = answered_inquiry(personas, ["Erste Frage?", "Zweite Frage?"], {(1,): "Antwort."})
    assert inquiry.status == Inquiry.Status.REGISTERED
    assert build_reply_document(inquiry.pk) is None
    assert not ReplyDocument.objects.exists()


@pytest.mark.django_db
def test_building_the_same_content_twice_keeps_one_version(personas):
    inquiry = answered_inquiry(personas, ["Frage?"], {(1,): "Antwort."}, publish=True)
    first = build_reply_document(inquiry.pk)
    again = build_reply_document(inquiry.pk)
    assert again.pk == first.pk
    assert ReplyDocument.objects.filter(inquiry=inquiry).count() == 1


@pytest.mark.django_db
def test_correction_makes_version_two_and_version_one_stays(
    client, personas, django_capture_on_commit_callbacks
):
    inquiry = answered_inquiry(personas, ["Frage?"], {(1,): "Es sind 12 Verfahren."}, publish=True)
    first = build_reply_document(inquiry.pk)
    first_bytes = _stored_bytes(first)
    answer = inquiry.answers.get()
    with django_capture_on_commit_callbacks(execute=True):
        _correct(answer, "Es sind 21 Verfahren.", "Zahlendreher.", personas.head_a)
        assert is_stale(first)
        schedule_reply_build(inquiry)
    second = ReplyDocument.objects.get(inquiry=inquiry, version=2)
    assert second.released_at is not None
    assert second.content_hash != first.content_hash
    text = full_text(read_pdf(_stored_bytes(second)))
    assert "Es sind 21 Verfahren." in text
    assert "Es sind 12 Verfahren." not in text
    assert "Berichtigt am" in text
    assert "Zahlendreher." in text
    assert "Fassung 2 (berichtigt)" in text
    assert embedded_json(read_pdf(_stored_bytes(second)))["answers"][0]["text"] == answer.text
    old = client.get(first.get_absolute_url())
    assert b"".join(old.streaming_content) == first_bytes
    current = client.get(f"/anfragen/{inquiry.pk}/antwort.pdf")
    assert hashlib.sha256(b"".join(current.streaming_content)).hexdigest() == second.sha256


@pytest.mark.django_db
def test_lost_file_is_rebuilt_from_the_stored_content(personas):
    inquiry = answered_inquiry(personas, ["Frage?"], {(1,): "Antwort vor dem Verlust."})
    document = build_reply_document(inquiry.pk)
    document.file.storage.delete(document.file.name)
    assert file_is_missing(document)
    # The text changes afterwards: the restored file still shows what version 1 released.
    Answer.objects.filter(inquiry=inquiry).update(text="Ungeprüfter Entwurf.")
    restored = ensure_reply_file(inquiry.pk, document.version)
    assert restored.pk == document.pk
    assert not file_is_missing(restored)
    data = _stored_bytes(restored)
    assert restored.sha256 == hashlib.sha256(data).hexdigest()
    assert restored.content_hash == document.content_hash
    text = full_text(read_pdf(data))
    assert "Antwort vor dem Verlust." in text
    assert "Ungeprüfter Entwurf." not in text


@pytest.mark.django_db
def test_publishing_schedules_a_build_for_an_inquiry_without_a_reply(
    personas, django_capture_on_commit_callbacks
):
    inquiry = answered_inquiry(personas, ["Frage?"], {(1,): "Antwort."})
    assert not ReplyDocument.objects.exists()  # callbacks of the approval were not run
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(inquiry, personas.office)
    assert ReplyDocument.objects.get(inquiry=inquiry).version == 1
