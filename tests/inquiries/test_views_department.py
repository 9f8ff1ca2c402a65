"""The department pages: inbox, drafting with optimistic locking, approval, uploads."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inquiries import workflow
from inquiries.models import Answer, AnswerAttachment, Question
from tests.factories import registered_inquiry, routed_inquiry

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _login(client, user):
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_inbox_shows_only_own_department_questions(client, personas):
    own = routed_inquiry(personas, questions=["Eigene Frage?"])
    other = routed_inquiry(personas, department=personas.department_b, questions=["Fremd?"])
    page = _login(client, personas.clerk_a).get(reverse("inquiries:department_inbox"))
    text = page.content.decode()
    assert own.subject in text
    assert other.subject not in text


@pytest.mark.django_db
def test_contributing_department_sees_question_in_inbox(client, personas):
    inquiry = registered_inquiry(personas.councillor, personas.office)
    question = inquiry.questions.order_by("number").first()
    workflow.route(question, personas.office, personas.department_a, [personas.department_b])
    text = _login(client, personas.clerk_b).get(reverse("inquiries:department_inbox"))
    assert inquiry.subject in text.content.decode()


@pytest.mark.django_db
def test_department_inbox_uses_a_constant_number_of_queries(client, personas):
    _login(client, personas.clerk_a)
    url = reverse("inquiries:department_inbox")
    routed_inquiry(personas, questions=[f"Frage {n}?" for n in range(5)])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for _ in range(20):  # 500 more questions, routed in bulk: this test is about reading
        inquiry = registered_inquiry(
            personas.councillor, personas.office, [f"Frage {n}?" for n in range(25)]
        )
        inquiry.questions.update(
            lead_department=personas.department_a, status=Question.Status.ROUTED
        )
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)


@pytest.mark.django_db
def test_question_page_shows_whole_inquiry_and_who_answers(client, personas):
    inquiry = registered_inquiry(personas.councillor, personas.office)
    first, second = inquiry.questions.order_by("number")
    workflow.route(first, personas.office, personas.department_a)
    workflow.route(second, personas.office, personas.department_b)
    page = _login(client, personas.clerk_a).get(
        reverse("inquiries:department_question", args=[first.pk])
    )
    text = page.content.decode()
    assert second.text in text
    assert "FB 33" in text


@pytest.mark.django_db
def test_clerk_drafts_and_sends_for_approval(client, personas):
    question = routed_inquiry(personas).questions.order_by("number").first()
    _login(client, personas.clerk_a)
    client.post(
        reverse("inquiries:department_save_answer", args=[question.pk]),
        {"text": "Erster Absatz.\n\n- Punkt eins\n- Punkt zwei", "version": ""},
    )
    question.refresh_from_db()
    assert question.status == Question.Status.DRAFTING
    client.post(reverse("inquiries:department_send", args=[question.pk]))
    question.refresh_from_db()
    assert question.status == Question.Status.IN_REVIEW


@pytest.mark.django_db
def test_grouped_answer_via_form(client, personas):
    inquiry = routed_inquiry(personas)
    first, second = inquiry.questions.order_by("number")
    _login(client, personas.clerk_a).post(
        reverse("inquiries:department_save_answer", args=[first.pk]),
        {"text": "Die Fragen 1 und 2 werden gemeinsam beantwortet.", "also": [str(second.pk)]},
    )
    first.refresh_from_db(), second.refresh_from_db()
    assert second.answer_id == first.answer_id
    assert second.answer_id is not None


@pytest.mark.django_db
def test_second_editor_gets_409_with_both_texts(client, personas):
    question = routed_inquiry(personas).questions.order_by("number").first()
    answer = workflow.draft_answer(question, personas.clerk_a, "Stand von Anfang.")
    workflow.draft_answer(
        question, personas.head_a, "Text der Leitung.", base_version=answer.version
    )
    response = _login(client, personas.clerk_a).post(
        reverse("inquiries:department_save_answer", args=[question.pk]),
        {"text": "Mein eigener Text.", "version": str(answer.version)},
    )
    assert response.status_code == 409
    text = response.content.decode()
    assert "Text der Leitung." in text
    assert "Mein eigener Text." in text
    assert Answer.objects.get(pk=answer.pk).text == "Text der Leitung."


@pytest.mark.django_db
def test_head_returns_then_approves(client, personas):
    question = routed_inquiry(personas, questions=["Eine?"]).questions.get()
    workflow.draft_answer(question, personas.clerk_a, "Antwort.")
    workflow.send_for_review(question, personas.clerk_a)
    _login(client, personas.head_a)
    response = client.post(reverse("inquiries:department_return", args=[question.pk]), {})
    assert response.status_code == 400
    client.post(
        reverse("inquiries:department_return", args=[question.pk]), {"comment": "Quelle fehlt."}
    )
    question.refresh_from_db()
    assert question.status == Question.Status.DRAFTING
    workflow.send_for_review(question, personas.clerk_a)
    client.post(reverse("inquiries:department_approve", args=[question.pk]))
    question.refresh_from_db()
    assert question.status == Question.Status.APPROVED
    assert question.inquiry.status == "answered"


@pytest.mark.django_db
def test_clerk_cannot_approve_gets_403(client, personas):
    question = routed_inquiry(personas).questions.order_by("number").first()
    workflow.draft_answer(question, personas.clerk_a, "Antwort.")
    workflow.send_for_review(question, personas.clerk_a)
    response = _login(client, personas.clerk_a).post(
        reverse("inquiries:department_approve", args=[question.pk])
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_approve_a_draft_gives_409(client, personas):
    question = routed_inquiry(personas).questions.order_by("number").first()
    workflow.draft_answer(question, personas.clerk_a, "Antwort.")
    response = _login(client, personas.head_a).post(
        reverse("inquiries:department_approve", args=[question.pk])
    )
    assert response.status_code == 409
    assert "Freigabe" in response.content.decode()


@pytest.mark.django_db
def test_other_department_cannot_answer(client, personas):
    question = routed_inquiry(personas).questions.order_by("number").first()
    response = _login(client, personas.clerk_b).post(
        reverse("inquiries:department_save_answer", args=[question.pk]), {"text": "Fremd."}
    )
    assert response.status_code == 404
    assert not Answer.objects.exists()


@pytest.mark.django_db
def test_upload_fake_pdf_is_refused_with_message(client, personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    question = routed_inquiry(personas).questions.order_by("number").first()
    workflow.draft_answer(question, personas.clerk_a, "Antwort.")
    _login(client, personas.clerk_a)
    url = reverse("inquiries:department_attach", args=[question.pk])
    response = client.post(url, {"file": SimpleUploadedFile("x.pdf", b"kein pdf")})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    client.post(url, {"file": SimpleUploadedFile("bericht.pdf", PDF), "title": "Bericht"})
    attachment = AnswerAttachment.objects.get()
    download = client.get(reverse("inquiries:department_attachment", args=[attachment.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    other = client.__class__()
    other.force_login(personas.clerk_b)
    assert (
        other.get(reverse("inquiries:department_attachment", args=[attachment.pk])).status_code
        == 404
    )


@pytest.mark.django_db
def test_request_reroute_shows_at_the_office(client, personas):
    question = routed_inquiry(personas).questions.order_by("number").first()
    _login(client, personas.clerk_a).post(
        reverse("inquiries:department_reroute", args=[question.pk]),
        {"reason": "Gehört zu FB 33."},
    )
    office = client.__class__()
    office.force_login(personas.office)
    page = office.get(reverse("inquiries:office_inquiry", args=[question.inquiry_id]))
    assert "Gehört zu FB 33." in page.content.decode()


@pytest.mark.django_db
def test_clerk_sees_the_heads_return_comment_until_it_is_sent_again(client, personas):
    question = routed_inquiry(personas, questions=["Eine?"]).questions.get()
    workflow.draft_answer(question, personas.clerk_a, "Antwort.")
    workflow.send_for_review(question, personas.clerk_a)
    workflow.return_answer(question, personas.head_a, "Bitte Punkt zwei präzisieren.")
    _login(client, personas.clerk_a)
    url = reverse("inquiries:department_question", args=[question.pk])
    assert "Bitte Punkt zwei präzisieren." in client.get(url).content.decode()
    workflow.send_for_review(question, personas.clerk_a)
    assert "Bitte Punkt zwei präzisieren." not in client.get(url).content.decode()


@pytest.mark.django_db
def test_office_timeline_names_every_step_in_german(client, personas):
    question = routed_inquiry(personas, questions=["Eine?"]).questions.get()
    workflow.draft_answer(question, personas.clerk_a, "Antwort.")
    workflow.send_for_review(question, personas.clerk_a)
    _login(client, personas.office)
    page = client.get(reverse("inquiries:office_inquiry", args=[question.inquiry.pk]))
    text = page.content.decode()
    assert "Zur Freigabe gegeben (Antwort in Bearbeitung → Zur Freigabe)" in text
    assert "Registriert (Eingereicht → Registriert)" in text
    for code in ("send_for_review", "submitted →", "drafting →"):
        assert code not in text
