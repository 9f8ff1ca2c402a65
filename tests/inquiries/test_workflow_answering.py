"""Routing, drafting, approval, holding answers, corrections, contributions, reminders."""

import datetime
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from inquiries import workflow
from inquiries.attachments import check_upload
from inquiries.models import Answer, AnswerCorrection, AuditEvent, Contribution, Inquiry, Question
from inquiries.reminders import send_due_reminders
from inquiries.workflow import AnswerConflict, TransitionError
from tests.factories import registered_inquiry, routed_inquiry

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")


@pytest.fixture
def inquiry(personas):
    return routed_inquiry(personas)


def first_question(inquiry):
    return inquiry.questions.order_by("number").first()


@pytest.mark.django_db
def test_routing_emails_the_department_after_commit(personas, django_capture_on_commit_callbacks):
    inquiry = registered_inquiry(personas.councillor, personas.office)
    question = first_question(inquiry)
    personas.department_b.email = "fb33@herne.example"
    personas.department_b.save()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.route(question, personas.office, personas.department_b)
    assert any("fb33@herne.example" in m.to for m in mail.outbox)
    question.refresh_from_db()
    assert question.status == Question.Status.ROUTED
    event = AuditEvent.objects.get(question=question, action="route")
    assert event.actor == personas.office
    assert event.to_state == "routed"


@pytest.mark.django_db
def test_route_many_routes_every_question_or_none(personas):
    inquiry = registered_inquiry(personas.councillor, personas.office)
    first, second = inquiry.questions.order_by("number")
    changed = workflow.route_many(
        inquiry,
        personas.office,
        {first: (personas.department_a, []), second: (personas.department_b, [])},
    )
    assert changed == 2
    assert set(inquiry.questions.values_list("lead_department", flat=True)) == {
        personas.department_a.pk,
        personas.department_b.pk,
    }


@pytest.mark.django_db
def test_department_requests_rerouting_and_office_reroutes(personas, inquiry):
    question = first_question(inquiry)
    workflow.draft_answer(question, personas.clerk_a, "Entwurf.")
    workflow.request_reroute(question, personas.clerk_a, "Zuständig ist FB 33.")
    question.refresh_from_db()
    assert question.reroute_reason == "Zuständig ist FB 33."
    workflow.route(question, personas.office, personas.department_b, comment="Wie erbeten.")
    question.refresh_from_db()
    assert question.lead_department == personas.department_b
    assert question.status == Question.Status.ROUTED
    assert question.answer is None
    assert question.reroute_reason == ""
    assert Answer.objects.filter(text="Entwurf.").exists()  # nothing is deleted
    assert AuditEvent.objects.filter(question=question, action="reroute").exists()


@pytest.mark.django_db
def test_second_save_from_an_old_version_is_refused_and_keeps_the_first(personas, inquiry):
    question = first_question(inquiry)
    answer = workflow.draft_answer(question, personas.clerk_a, "Erste Fassung.")
    opened_version = answer.version
    workflow.draft_answer(
        question, personas.head_a, "Fassung der Leitung.", base_version=opened_version
    )
    with pytest.raises(AnswerConflict) as excinfo:
        workflow.draft_answer(
            question, personas.clerk_a, "Fassung der Sachbearbeitung.", base_version=opened_version
        )
    assert excinfo.value.current_text == "Fassung der Leitung."
    answer.refresh_from_db()
    assert answer.text == "Fassung der Leitung."


@pytest.mark.django_db
def test_head_returns_answer_with_comment_and_clerk_fixes_it(personas, inquiry):
    question = first_question(inquiry)
    workflow.draft_answer(question, personas.clerk_a, "Antwort.")
    workflow.send_for_review(question, personas.clerk_a)
    workflow.return_answer(question, personas.head_a, "Bitte Zahlen ergänzen.")
    question.refresh_from_db()
    assert question.status == Question.Status.DRAFTING
    event = AuditEvent.objects.get(question=question, action="return")
    assert event.comment == "Bitte Zahlen ergänzen."
    assert event.actor == personas.head_a
    workflow.draft_answer(question, personas.clerk_a, "Antwort mit Zahlen.")
    workflow.send_for_review(question, personas.clerk_a)
    workflow.approve(question, personas.head_a)
    question.refresh_from_db()
    assert question.status == Question.Status.APPROVED


@pytest.mark.django_db
def test_approving_a_draft_is_refused(personas, inquiry):
    question = first_question(inquiry)
    workflow.draft_answer(question, personas.clerk_a, "Antwort.")
    with pytest.raises(TransitionError, match="zur Freigabe vorliegt"):
        workflow.approve(question, personas.head_a)
    question.refresh_from_db()
    assert question.status == Question.Status.DRAFTING


@pytest.mark.django_db
def test_grouping_with_a_question_of_another_department_is_refused(personas):
    inquiry = registered_inquiry(personas.councillor, personas.office)
    first, second = inquiry.questions.order_by("number")
    workflow.route(first, personas.office, personas.department_a)
    workflow.route(second, personas.office, personas.department_b)
    with pytest.raises(TransitionError):
        workflow.draft_answer(first, personas.clerk_a, "Gemeinsam.", also=[second])
    assert not Answer.objects.exists()


@pytest.mark.django_db
def test_holding_answer_sets_new_date_and_tells_the_author(
    personas, inquiry, django_capture_on_commit_callbacks
):
    until = timezone.localdate() + datetime.timedelta(days=40)
    with django_capture_on_commit_callbacks(execute=True):
        answer = workflow.give_holding_answer(
            inquiry, personas.head_a, "Die Daten liegen noch nicht vor.", until
        )
    assert answer.is_holding_answer
    assert answer.holding_until == until
    inquiry.refresh_from_db()
    assert inquiry.due_date == until
    assert any(personas.councillor.email in m.to for m in mail.outbox)
    event = AuditEvent.objects.get(action="holding_answer")
    assert event.actor == personas.head_a
    assert until.strftime("%d.%m.%Y") in event.comment


@pytest.mark.django_db
def test_clerk_cannot_give_a_holding_answer(personas, inquiry):
    until = timezone.localdate() + datetime.timedelta(days=40)
    with pytest.raises(TransitionError) as excinfo:
        workflow.give_holding_answer(inquiry, personas.clerk_a, "Später.", until)
    assert excinfo.value.forbidden


def _publish(personas, inquiry):
    for question in inquiry.questions.order_by("number"):
        workflow.draft_answer(question, personas.clerk_a, f"Antwort {question.number}.")
        workflow.send_for_review(question, personas.clerk_a)
        workflow.approve(question, personas.head_a)
    workflow.publish(inquiry, personas.office)


@pytest.mark.django_db
def test_correction_after_publication_keeps_the_original_and_the_reason(personas, inquiry):
    _publish(personas, inquiry)
    answer = first_question(inquiry).answer
    workflow.correct_answer(answer, personas.head_a, "Antwort 1, berichtigt.", "Zahl falsch.")
    answer.refresh_from_db()
    assert answer.text == "Antwort 1, berichtigt."
    correction = AnswerCorrection.objects.get(answer=answer)
    assert (correction.previous_text, correction.reason) == ("Antwort 1.", "Zahl falsch.")
    assert AuditEvent.objects.get(action="correct").is_public


@pytest.mark.django_db
def test_published_answer_cannot_be_drafted_again(personas, inquiry):
    _publish(personas, inquiry)
    with pytest.raises(TransitionError):
        workflow.draft_answer(first_question(inquiry), personas.clerk_a, "Neu.")


@pytest.mark.django_db
def test_correction_before_publication_is_refused(personas, inquiry):
    question = first_question(inquiry)
    answer = workflow.draft_answer(question, personas.clerk_a, "Antwort.")
    with pytest.raises(TransitionError):
        workflow.correct_answer(answer, personas.head_a, "Neu.", "Grund.")


@pytest.mark.django_db
def test_contributing_department_adds_contribution_lead_sees_it(personas):
    inquiry = registered_inquiry(personas.councillor, personas.office)
    question = first_question(inquiry)
    workflow.route(question, personas.office, personas.department_a, [personas.department_b])
    workflow.add_contribution(question, personas.clerk_b, personas.department_b, "Zuarbeit.")
    assert Contribution.objects.get(question=question).department == personas.department_b
    with pytest.raises(TransitionError):
        workflow.add_contribution(question, personas.clerk_a, personas.department_a, "Nein.")


@pytest.mark.django_db
def test_attachment_is_stored_with_its_hash(personas, inquiry, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    question = first_question(inquiry)
    workflow.draft_answer(question, personas.clerk_a, "Antwort mit Anlage.")
    checked = check_upload(SimpleUploadedFile("bericht.pdf", PDF))
    attachment = workflow.add_attachment(question, personas.clerk_a, checked, "Bericht")
    assert attachment.content_type == "application/pdf"
    assert attachment.size == len(PDF)
    assert len(attachment.sha256) == 64
    assert attachment.file.read() == PDF


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bericht.pdf", PNG, "Dateiname"),
        ("skript.exe", b"MZ\x90\x00" + b"\x00" * 60, "PDF"),
        ("notiz.pdf", b"nur Text", "PDF"),
    ],
)
def test_uploads_of_wrong_type_or_fake_extension_are_refused(name, content, message):
    from django.core.exceptions import ValidationError
    from django.utils import translation

    with translation.override("de"), pytest.raises(ValidationError, match=message):
        check_upload(SimpleUploadedFile(name, content))


def test_uploads_over_the_limit_are_refused(settings):
    from django.core.exceptions import ValidationError

    settings.ANSWER_ATTACHMENT_MAX_MB = 1
    with pytest.raises(ValidationError, match="1 MB"):
        check_upload(SimpleUploadedFile("gross.pdf", PDF + b"0" * 1024 * 1024))


@pytest.mark.django_db
def test_reminders_go_out_once_per_day_per_question(personas, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    inquiry = routed_inquiry(personas, due_date=today + datetime.timedelta(days=2))
    late = routed_inquiry(personas, department=personas.department_b, questions=["Alt?"])
    Inquiry.objects.filter(pk=late.pk).update(due_date=today - datetime.timedelta(days=1))
    far = routed_inquiry(personas, questions=["Später?"], due_date=today + datetime.timedelta(30))
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_reminders(today) == 3
    assert {a for m in mail.outbox for a in m.to} >= {"clerk_a@example.org", "clerk_b@example.org"}
    assert not far.questions.filter(last_reminded_on=today).exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_reminders(today) == 0
    assert mail.outbox == []
    assert inquiry.questions.filter(last_reminded_on=today).count() == 2


@pytest.mark.django_db
def test_reminder_command_runs_and_reports(personas, capsys):
    routed_inquiry(personas, due_date=timezone.localdate())
    call_command("send_reminders")
    assert "2 question(s) reminded." in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_failing_mail_server_neither_blocks_nor_undoes_the_transition(personas, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    personas.department_b.email = "fb33@herne.example"
    personas.department_b.save()
    inquiry = registered_inquiry(personas.councillor, personas.office)
    question = first_question(inquiry)
    workflow.route(question, personas.office, personas.department_b)
    question.refresh_from_db()
    assert question.status == Question.Status.ROUTED  # committed before any mail is tried
    job = DBTaskResult.objects.filter(task_path="herne_portal.mail.send_email").latest(
        "enqueued_at"
    )
    assert job.status == "READY"
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO())
    job.refresh_from_db()
    assert job.status == "FAILED"  # kept in the queue for a retry, nothing lost
    question.refresh_from_db()
    assert question.status == Question.Status.ROUTED


@pytest.mark.django_db
def test_public_page_shows_corrected_text_reason_and_original(client, personas, inquiry):
    from django.urls import reverse

    _publish(personas, inquiry)
    answer = first_question(inquiry).answer
    workflow.correct_answer(answer, personas.head_a, "Antwort 1, berichtigt.", "Zahl falsch.")
    page = client.get(reverse("inquiries:detail", args=[inquiry.pk])).content.decode()
    assert "Antwort 1, berichtigt." in page
    assert "Zahl falsch." in page
    assert "Antwort 1.</p>" in page  # the original text stays readable
