"""Saving drafts: questions 1..n in constant queries, one draft per form token."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from inquiries import drafting
from inquiries.models import AuditEvent, CoSignature, Inquiry
from inquiries.workflow import TransitionError
from tests.factories import InquiryFactory, MeetingFactory


def text(meeting, questions, **extra):
    return drafting.DraftText(
        meeting=meeting, subject="Betreff", preamble="Text", questions=questions, **extra
    )


@pytest.mark.django_db
def test_save_draft_with_fifty_questions_uses_constant_queries(personas):
    draft = InquiryFactory(author=personas.councillor_profile)
    cosigner = personas.cosigner.councillor

    def queries_for(count):
        questions = [f"Frage {n} – Größe?" for n in range(count)]
        with CaptureQueriesContext(connection) as queries:
            drafting.save_draft(
                draft, personas.councillor, text(draft.meeting, questions, cosigners=[cosigner])
            )
        return len(queries)

    assert queries_for(50) == queries_for(5) == queries_for(50)
    assert list(draft.questions.values_list("number", flat=True)) == list(range(1, 51))


@pytest.mark.django_db
def test_reordering_questions_keeps_numbers_unique(personas):
    draft = InquiryFactory(author=personas.councillor_profile, questions=["A", "B", "C"])
    drafting.save_draft(draft, personas.councillor, text(draft.meeting, ["C", "A", "B"]))
    assert list(draft.questions.values_list("number", "text")) == [(1, "C"), (2, "A"), (3, "B")]


@pytest.mark.django_db
def test_same_token_finds_the_draft_again(personas):
    meeting, token = MeetingFactory(), uuid.uuid4()
    author = personas.councillor_profile
    first, created = drafting.create_draft(author, personas.councillor, text(meeting, ["A"]), token)
    again, created_again = drafting.create_draft(
        author, personas.councillor, text(meeting, ["A", "B"]), token
    )
    assert (created, created_again) == (True, False)
    assert first.pk == again.pk
    assert Inquiry.objects.count() == 1
    assert again.questions.count() == 2
    assert AuditEvent.objects.filter(action="create").count() == 1


@pytest.mark.django_db
def test_only_the_author_saves_and_only_drafts(personas):
    draft = InquiryFactory(author=personas.councillor_profile)
    with pytest.raises(TransitionError) as refused:
        drafting.save_draft(draft, personas.other_councillor, text(draft.meeting, ["X"]))
    assert refused.value.forbidden
    Inquiry.objects.filter(pk=draft.pk).update(status=Inquiry.Status.SUBMITTED)
    with pytest.raises(TransitionError):
        drafting.save_draft(draft, personas.councillor, text(draft.meeting, ["X"]))
    assert draft.questions.count() == 2


@pytest.mark.django_db
def test_unchanged_text_keeps_confirmations_and_removed_cosigners_go(personas):
    draft = InquiryFactory(author=personas.councillor_profile, questions=["A"])
    cosigner, other = personas.cosigner.councillor, personas.other_councillor.councillor
    CoSignature.objects.create(inquiry=draft, councillor=cosigner, confirmed_at=timezone.now())
    CoSignature.objects.create(inquiry=draft, councillor=other)
    same = drafting.DraftText(
        meeting=draft.meeting,
        subject=draft.subject,
        preamble=draft.preamble,
        questions=["A"],
        cosigners=[cosigner],
    )
    drafting.save_draft(draft, personas.councillor, same)
    (signature,) = CoSignature.objects.filter(inquiry=draft)
    assert signature.councillor == cosigner
    assert signature.confirmed_at is not None
