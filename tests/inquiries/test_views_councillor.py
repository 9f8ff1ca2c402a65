"""Councillors write, save, submit, co-sign and withdraw inquiries in the browser."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from inquiries import workflow
from inquiries.models import AuditEvent, CoSignature, Inquiry
from tests.factories import InquiryFactory, MeetingFactory

NEW = reverse("inquiries:councillor_new")
LIST = reverse("inquiries:councillor_list")


def form_data(meeting, subject="Smart City Index", questions=("Erste Frage?",), **extra):
    data = {
        "meeting": meeting.pk if meeting else "",
        "subject": subject,
        "preamble": "Erster Absatz.\r\n\r\nZweiter Absatz.",
        "questions-TOTAL_FORMS": str(len(questions)),
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "100",
        "action": "save",
    }
    for index, text in enumerate(questions):
        data[f"questions-{index}-text"] = text
    data.update(extra)
    return data


def url(name, inquiry):
    return reverse(f"inquiries:{name}", args=[inquiry.pk])


@pytest.fixture
def meeting(db):
    return MeetingFactory()


@pytest.fixture
def councillor_client(client, personas):
    client.force_login(personas.councillor)
    return client


@pytest.fixture
def draft(personas, meeting):
    return InquiryFactory(author=personas.councillor_profile, meeting=meeting)


# --- Who may see what --------------------------------------------------------------------


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(LIST)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["office", "clerk_a", "admin"])
def test_staff_cannot_open_the_councillor_pages(client, personas, who):
    client.force_login(getattr(personas, who))
    assert client.get(LIST).status_code == 403
    assert client.get(NEW).status_code == 403


@pytest.mark.django_db
def test_councillor_cannot_reach_the_administration(councillor_client):
    response = councillor_client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_other_councillor_gets_404_for_someone_elses_draft(client, personas, draft):
    client.force_login(personas.other_councillor)
    for name in ["councillor_detail", "councillor_edit", "councillor_preview"]:
        assert client.get(url(name, draft)).status_code == 404
    assert client.post(url("councillor_submit", draft)).status_code == 404
    assert client.post(url("councillor_cosign", draft)).status_code == 404
    draft.refresh_from_db()
    assert draft.status == Inquiry.Status.DRAFT


@pytest.mark.django_db
def test_cosigner_reads_the_draft_but_cannot_edit_or_submit_it(client, personas, draft):
    CoSignature.objects.create(inquiry=draft, councillor=personas.cosigner.councillor)
    client.force_login(personas.cosigner)
    assert client.get(url("councillor_detail", draft)).status_code == 200
    assert client.get(url("councillor_edit", draft)).status_code == 403
    assert client.post(url("councillor_submit", draft)).status_code == 403


@pytest.mark.django_db
def test_my_inquiries_lists_own_inquiries_in_every_state_and_not_others(
    councillor_client, personas, meeting
):
    own = InquiryFactory(author=personas.councillor_profile, meeting=meeting, subject="Eigene")
    workflow.submit(own, personas.councillor)
    workflow.register(own, personas.office, datetime.date(2030, 5, 4))
    InquiryFactory(author=personas.councillor_profile, meeting=meeting, subject="Mein Entwurf")
    InquiryFactory(author=personas.other_councillor.councillor, subject="Fremder Entwurf")
    page = councillor_client.get(LIST).content.decode()
    own.refresh_from_db()
    assert "Eigene" in page
    assert "Mein Entwurf" in page
    assert "Fremder Entwurf" not in page
    assert own.number in page
    assert "04.05.2030" in page
    assert "Registriert" in page
    assert "Entwurf" in page


# --- Writing ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_new_form_offers_only_meetings_open_for_inquiries_with_their_deadline(
    councillor_client, meeting
):
    closed = MeetingFactory(starts_at=timezone.now() + datetime.timedelta(days=1))
    response = councillor_client.get(NEW)
    deadline = timezone.localtime(meeting.submission_deadline).strftime("%d.%m.%Y, %H:%M")
    assert list(response.context["form"].fields["meeting"].queryset) == [meeting]
    assert f"Einreichungsfrist: {deadline} Uhr" in response.content.decode()
    assert closed.pk != meeting.pk


@pytest.mark.django_db
def test_councillor_saves_a_draft_with_questions_numbered_in_order(
    councillor_client, personas, meeting
):
    questions = ["Wie hoch ist der Anteil?", "Wann ändert sich das? Gibt es Pläne für Öffnungen?"]
    response = councillor_client.post(NEW, form_data(meeting, questions=questions))
    inquiry = Inquiry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("councillor_edit", inquiry)
    assert inquiry.status == Inquiry.Status.DRAFT
    assert inquiry.author == personas.councillor_profile
    assert inquiry.preamble == "Erster Absatz.\n\nZweiter Absatz."
    assert list(inquiry.questions.values_list("number", "text")) == list(
        enumerate(questions, start=1)
    )
    event = AuditEvent.objects.get(inquiry=inquiry)
    assert (event.action, event.to_state, event.actor) == ("create", "draft", personas.councillor)


@pytest.mark.django_db
def test_edit_replaces_questions_and_renumbers_from_one(councillor_client, draft, meeting):
    data = form_data(meeting, subject=draft.subject, questions=["Neu B", "Neu A", "Neu C"])
    councillor_client.post(url("councillor_edit", draft), data)
    assert list(draft.questions.values_list("number", "text")) == [
        (1, "Neu B"),
        (2, "Neu A"),
        (3, "Neu C"),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("add", ["A", "B", "C", ""]),
        ("remove-1", ["A", "C"]),
        ("up-2", ["A", "C", "B"]),
        ("down-0", ["B", "A", "C"]),
        ("up-0", ["A", "B", "C"]),
    ],
)
def test_question_buttons_work_without_javascript_and_save_nothing(
    councillor_client, meeting, action, expected
):
    data = form_data(meeting, subject="", questions=["A", "B", "C"], action=action)
    response = councillor_client.post(NEW, data)
    assert response.status_code == 200
    formset = response.context["formset"]
    assert [form.initial["text"] for form in formset] == expected
    assert not Inquiry.objects.exists()
    # Nothing typed is lost, and no error is shown for a form that is still being written.
    assert response.context["form"].initial["preamble"].startswith("Erster Absatz.")
    assert "Bitte prüfen Sie Ihre Eingaben" not in response.content.decode()


BAD_INPUT = [
    ({"subject": ""}, "subject", "Bitte geben Sie einen Betreff ein."),
    ({"subject": "B" * 301}, "subject", "Der Betreff darf höchstens 300 Zeichen lang sein."),
    ({"questions": ()}, None, "Eine Anfrage braucht mindestens eine Frage."),
    ({"questions": ("Gut?", "   ")}, 1, "Diese Frage ist leer."),
    ({"questions": ("x" * 5001,)}, 0, "höchstens 5000 Zeichen"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("change", "where", "message"), BAD_INPUT)
def test_bad_input_gets_a_german_message_and_keeps_everything_typed(
    councillor_client, meeting, change, where, message
):
    data = form_data(meeting, preamble="<script>alert(1)</script> Vorbemerkung", **change)
    if "questions" in change:
        data = form_data(meeting, questions=change["questions"])
        data["preamble"] = "<script>alert(1)</script> Vorbemerkung"
    response = councillor_client.post(NEW, data)
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert not Inquiry.objects.exists()
    # What was typed is still there, as text.
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Vorbemerkung" in page
    assert "<script>alert(1)</script>" not in page
    if where == "subject":
        assert response.context["form"].errors["subject"] == [message]
        assert 'aria-describedby="id_subject_error"' in page
    elif isinstance(where, int):
        form = response.context["formset"].forms[where]
        assert message in " ".join(form.errors["text"])
        assert f'aria-describedby="id_questions-{where}-text_error"' in page


@pytest.mark.django_db
def test_meeting_past_its_deadline_is_refused_next_to_the_field(councillor_client):
    closed = MeetingFactory(starts_at=timezone.now() + datetime.timedelta(days=1))
    response = councillor_client.post(NEW, form_data(closed, questions=["Frage?"]))
    assert response.status_code == 400
    assert "Die Einreichungsfrist dieser Sitzung ist abgelaufen" in " ".join(
        response.context["form"].errors["meeting"]
    )
    assert "Frage?" in response.content.decode()
    assert not Inquiry.objects.exists()


@pytest.mark.django_db
def test_html_in_the_saved_draft_is_shown_as_text(councillor_client, meeting):
    councillor_client.post(
        NEW, form_data(meeting, subject="<b>fett</b>", questions=["<img src=x onerror=alert(1)>"])
    )
    inquiry = Inquiry.objects.get()
    for name in ["councillor_detail", "councillor_preview", "councillor_edit"]:
        page = councillor_client.get(url(name, inquiry)).content.decode()
        assert "<b>fett</b>" not in page
        assert "&lt;b&gt;fett&lt;/b&gt;" in page
        assert "<img src=x" not in page


@pytest.mark.django_db
def test_double_post_of_the_new_form_creates_one_inquiry(councillor_client, meeting):
    data = form_data(meeting, token="8d5d4a37-3c0c-4bd9-9d77-5b7f0d1d7a11")
    first = councillor_client.post(NEW, data)
    data["subject"] = "Geänderter Betreff"
    second = councillor_client.post(NEW, data)
    inquiry = Inquiry.objects.get()
    assert first["Location"] == second["Location"] == url("councillor_edit", inquiry)
    assert inquiry.subject == "Geänderter Betreff"


@pytest.mark.django_db
def test_new_form_carries_a_fresh_token_each_time(councillor_client):
    first = councillor_client.get(NEW).context["form"].initial["token"]
    second = councillor_client.get(NEW).context["form"].initial["token"]
    assert first
    assert second
    assert first != second


@pytest.mark.django_db
def test_saving_a_submitted_inquiry_from_an_old_tab_is_refused_and_keeps_the_text(
    councillor_client, personas, draft, meeting
):
    workflow.submit(draft, personas.councillor)
    data = form_data(meeting, subject="Aus dem alten Tab", questions=["Noch eine Änderung?"])
    response = councillor_client.post(url("councillor_edit", draft), data)
    page = response.content.decode()
    assert response.status_code == 409
    assert "kann nicht mehr geändert werden" in page
    assert "Noch eine Änderung?" in page
    draft.refresh_from_db()
    assert draft.subject != "Aus dem alten Tab"


@pytest.mark.django_db
def test_saving_fifty_questions_takes_as_many_queries_as_saving_five(
    councillor_client, draft, meeting
):
    def queries_for(count):
        data = form_data(meeting, questions=[f"Frage {n}?" for n in range(count)])
        with CaptureQueriesContext(connection) as queries:
            response = councillor_client.post(url("councillor_edit", draft), data)
        assert response.status_code == 302
        return len(queries)

    five = queries_for(5)
    fifty = queries_for(50)
    assert fifty == five
    assert draft.questions.count() == 50


@pytest.mark.django_db
def test_faction_inquiry_is_filed_for_the_authors_faction(councillor_client, personas, meeting):
    councillor_client.post(NEW, form_data(meeting, is_faction_inquiry="on"))
    assert Inquiry.objects.get().faction == personas.councillor_profile.faction


# --- Co-signers ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_cosigner_must_confirm_before_the_inquiry_can_be_submitted(
    client, councillor_client, personas, meeting
):
    cosigner = personas.cosigner.councillor
    councillor_client.post(NEW, form_data(meeting, cosigners=[cosigner.pk]))
    inquiry = Inquiry.objects.get()
    response = councillor_client.post(url("councillor_submit", inquiry))
    assert response.status_code == 409
    assert "Alle Mitunterzeichnenden müssen bestätigen" in response.content.decode()

    client.force_login(personas.cosigner)
    assert "wartet auf Ihre Bestätigung" in client.get(LIST).content.decode()
    client.post(url("councillor_cosign", inquiry))
    signature = CoSignature.objects.get(inquiry=inquiry)
    assert signature.confirmed_at is not None
    event = AuditEvent.objects.get(inquiry=inquiry, action="cosign")
    assert (event.actor, event.from_state, event.to_state) == (personas.cosigner, "draft", "draft")

    councillor_client.force_login(personas.councillor)
    assert councillor_client.post(url("councillor_submit", inquiry)).status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.SUBMITTED


@pytest.mark.django_db
def test_changing_the_text_asks_cosigners_to_confirm_again(councillor_client, personas, draft):
    cosigner = personas.cosigner.councillor
    CoSignature.objects.create(inquiry=draft, councillor=cosigner, confirmed_at=timezone.now())
    data = form_data(draft.meeting, subject="Neuer Betreff", cosigners=[cosigner.pk])
    councillor_client.post(url("councillor_edit", draft), data)
    assert CoSignature.objects.get(inquiry=draft).confirmed_at is None


# --- Submitting and withdrawing ---------------------------------------------------------------


@pytest.mark.django_db
def test_submit_asks_for_confirmation_first(councillor_client, draft):
    page = councillor_client.get(url("councillor_submit", draft)).content.decode()
    assert "kann der Text nicht mehr geändert werden" in page
    draft.refresh_from_db()
    assert draft.status == Inquiry.Status.DRAFT


@pytest.mark.django_db(transaction=True)
def test_submit_freezes_the_text_and_emails_author_and_cosigners(client, personas):
    draft = InquiryFactory(author=personas.councillor_profile)
    CoSignature.objects.create(
        inquiry=draft, councillor=personas.cosigner.councillor, confirmed_at=timezone.now()
    )
    client.force_login(personas.councillor)
    response = client.post(url("councillor_submit", draft))
    assert response["Location"] == url("councillor_detail", draft)
    draft.refresh_from_db()
    assert draft.status == Inquiry.Status.SUBMITTED
    assert AuditEvent.objects.filter(inquiry=draft, action="submit").count() == 1
    (message,) = mail.outbox
    assert draft.subject in message.subject
    assert sorted(message.to) == sorted([personas.councillor.email, personas.cosigner.email])
    assert client.get(url("councillor_edit", draft))["Location"] == url("councillor_detail", draft)


@pytest.mark.django_db
def test_second_submit_says_it_was_submitted_already_and_changes_nothing(councillor_client, draft):
    councillor_client.post(url("councillor_submit", draft))
    response = councillor_client.post(url("councillor_submit", draft), follow=True)
    assert "Diese Anfrage wurde bereits eingereicht." in response.content.decode()
    assert AuditEvent.objects.filter(inquiry=draft, action="submit").count() == 1
    assert Inquiry.objects.count() == 1


@pytest.mark.django_db
def test_submit_after_the_deadline_says_so_and_points_to_the_meeting(councillor_client, personas):
    meeting = MeetingFactory(starts_at=timezone.now() + datetime.timedelta(days=1))
    draft = InquiryFactory(author=personas.councillor_profile, meeting=meeting)
    response = councillor_client.post(url("councillor_submit", draft))
    assert response.status_code == 409
    page = response.content.decode()
    assert "Die Einreichungsfrist dieser Sitzung ist abgelaufen." in page
    assert "Andere Sitzung wählen" in page


@pytest.mark.django_db
def test_withdraw_needs_a_reason_and_keeps_the_inquiry_on_record(
    councillor_client, personas, draft
):
    workflow.submit(draft, personas.councillor)
    response = councillor_client.post(url("councillor_withdraw", draft), {"reason": " "})
    assert response.status_code == 400
    assert "Bitte geben Sie einen Grund für das Zurückziehen an." in response.content.decode()
    councillor_client.post(url("councillor_withdraw", draft), {"reason": "Im Ausschuss geklärt."})
    draft.refresh_from_db()
    assert draft.status == Inquiry.Status.WITHDRAWN
    event = AuditEvent.objects.get(inquiry=draft, action="withdraw")
    assert event.comment == "Im Ausschuss geklärt."
    page = councillor_client.get(url("councillor_detail", draft)).content.decode()
    assert "Im Ausschuss geklärt." in page


@pytest.mark.django_db
def test_answered_inquiry_cannot_be_withdrawn(councillor_client, personas, draft):
    workflow.submit(draft, personas.councillor)
    Inquiry.objects.filter(pk=draft.pk).update(status=Inquiry.Status.ANSWERED)
    response = councillor_client.post(url("councillor_withdraw", draft), {"reason": "Egal"})
    assert response.status_code == 409
    draft.refresh_from_db()
    assert draft.status == Inquiry.Status.ANSWERED


# --- Hints ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_editing_a_draft_shows_similar_published_inquiries_with_answers(
    councillor_client, personas, draft, meeting
):
    earlier = InquiryFactory(
        subject="Breitbandausbau Glasfaser Herne",
        questions=["Wie viele Haushalte haben einen Glasfaseranschluss?"],
    )
    Inquiry.objects.filter(pk=earlier.pk).update(
        status=Inquiry.Status.PUBLISHED, published_at=timezone.now()
    )
    data = form_data(meeting, subject="Glasfaser in Wanne", questions=["Glasfaseranschluss?"])
    councillor_client.post(url("councillor_edit", draft), data)
    page = councillor_client.get(url("councillor_edit", draft)).content.decode()
    assert "Ähnliche Anfragen" in page
    assert "Breitbandausbau Glasfaser Herne" in page
    hints = councillor_client.get(
        reverse("inquiries:councillor_similar"), {"subject": "Glasfaser", "q": ["Anschluss"]}
    )
    assert "Breitbandausbau Glasfaser Herne" in hints.content.decode()


@pytest.mark.django_db
def test_editing_a_draft_whose_meeting_closed_asks_for_another_meeting(councillor_client, personas):
    closed = MeetingFactory(starts_at=timezone.now() + datetime.timedelta(days=1))
    draft = InquiryFactory(author=personas.councillor_profile, meeting=closed)
    page = councillor_client.get(url("councillor_edit", draft)).content.decode()
    assert "Die Einreichungsfrist der bisher gewählten Sitzung" in page
    assert draft.subject in page


@pytest.mark.django_db
def test_saving_from_a_stale_tab_does_not_overwrite_and_a_second_save_does(
    councillor_client, draft, meeting
):
    stale = councillor_client.get(url("councillor_edit", draft)).context["form"].initial
    first = form_data(meeting, subject="Aus Tab eins", based_on=stale["based_on"])
    assert councillor_client.post(url("councillor_edit", draft), first).status_code == 302
    second = form_data(meeting, subject="Aus Tab zwei", based_on=stale["based_on"])
    response = councillor_client.post(url("councillor_edit", draft), second)
    assert response.status_code == 409
    page = response.content.decode()
    assert "in einem anderen Fenster gespeichert" in page
    assert "Aus Tab zwei" in page
    draft.refresh_from_db()
    assert draft.subject == "Aus Tab eins"
    current = response.context["form"]["based_on"].value()
    again = form_data(meeting, subject="Aus Tab zwei", based_on=current)
    assert councillor_client.post(url("councillor_edit", draft), again).status_code == 302
    draft.refresh_from_db()
    assert draft.subject == "Aus Tab zwei"


@pytest.mark.django_db
def test_long_text_is_never_cut_by_the_browser(councillor_client):
    page = councillor_client.get(NEW).content.decode()
    assert "maxlength" not in page


@pytest.mark.django_db
def test_author_finds_the_published_answers_from_my_inquiries(client, personas):
    from tests.factories import InquiryFactory, publish_through_workflow

    inquiry = InquiryFactory(author=personas.councillor_profile)
    publish_through_workflow(inquiry, personas)
    client.force_login(personas.councillor)
    page = client.get(reverse("inquiries:councillor_detail", args=[inquiry.pk])).content.decode()
    assert f'href="{inquiry.get_absolute_url()}"' in page
    assert reverse("inquiries:reply_pdf", args=[inquiry.pk]) in page
