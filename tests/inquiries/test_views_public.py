"""The public pages show published inquiries, and nothing else."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inquiries import workflow
from inquiries.models import Inquiry
from tests.factories import InquiryFactory
from tests.factories import publish_through_workflow as publish


@pytest.fixture
def published(personas):
    inquiry = InquiryFactory(
        author=personas.councillor_profile,
        subject="Digitale Verwaltung in Herne",
        preamble="Erster Absatz.\n\nZweiter Absatz mit <script>alert(1)</script>.",
        questions=["Wie viele Verfahren sind digital?", "Bis wann?\nUnd mit wem?"],
    )
    return publish(inquiry, personas)


@pytest.mark.django_db
def test_list_shows_published_inquiries_only(client, personas, published):
    draft = InquiryFactory(author=personas.councillor_profile, subject="Geheimer Entwurf")
    submitted = InquiryFactory(author=personas.councillor_profile, subject="Eingereicht, offen")
    workflow.submit(submitted, personas.councillor)
    response = client.get(reverse("inquiries:list"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Digitale Verwaltung in Herne" in page
    assert draft.subject not in page
    assert submitted.subject not in page


@pytest.mark.django_db
def test_detail_shows_questions_answers_and_timeline(client, published):
    response = client.get(published.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="de">' in page
    assert "Digitale Verwaltung in Herne" in page
    assert 'id="frage-1"' in page
    assert 'id="frage-2"' in page
    assert "Antwort auf Frage 2." in page
    assert "<p>Erster Absatz.</p>" in page
    assert "Zweiter Absatz" in page
    assert "Bis wann?<br>Und mit wem?" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)</script>" not in page
    assert "Veröffentlicht" in page  # public timeline


@pytest.mark.django_db
@pytest.mark.parametrize("state", ["draft", "submitted", "withdrawn"])
def test_unpublished_inquiry_is_not_found(client, personas, state):
    inquiry = InquiryFactory(author=personas.councillor_profile)
    if state != "draft":
        workflow.submit(inquiry, personas.councillor)
    if state == "withdrawn":
        workflow.withdraw(inquiry, personas.councillor, "Erledigt.")
    client.force_login(personas.other_councillor)
    assert client.get(inquiry.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_contact_data_of_councillors_never_shown(client, published):
    author = published.author
    author.email, author.phone = "privat@example.org", "02323 123456"
    author.save()
    page = client.get(published.get_absolute_url()).content.decode()
    assert "privat@example.org" not in page
    assert "02323 123456" not in page


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_list_and_detail_use_constant_number_of_queries(client, personas, published):
    list_url = reverse("inquiries:list")
    few_list, few_detail = (
        _queries(client, list_url),
        _queries(client, published.get_absolute_url()),
    )
    for _n in range(12):
        inquiry = InquiryFactory(
            author=personas.councillor_profile, questions=[f"Frage {i}?" for i in range(1, 6)]
        )
        publish(inquiry, personas)
    big = Inquiry.objects.published().latest("pk")
    assert _queries(client, list_url) == few_list
    assert _queries(client, big.get_absolute_url()) == few_detail


@pytest.mark.django_db
def test_pagination_past_the_end_shows_last_page(client, published):
    response = client.get(reverse("inquiries:list"), {"seite": "999"})
    assert response.status_code == 200
    assert "Digitale Verwaltung in Herne" in response.content.decode()


@pytest.mark.django_db
def test_reply_pdf_serves_released_versions_only(client, personas, published, settings, tmp_path):
    from django.core.files.base import ContentFile

    from inquiries.models import ReplyDocument

    settings.MEDIA_ROOT = tmp_path
    url = reverse("inquiries:reply_pdf", args=[published.pk])
    assert client.get(url).status_code == 503  # none stored yet: a worker builds it (issue 5)
    for version in (1, 2):
        body = f"%PDF-1.7 version {version}".encode()
        document = ReplyDocument(
            inquiry=published,
            version=version,
            size=len(body),
            sha256=f"{version:064d}",
            content_hash="x",
        )
        document.file.save("ignored.pdf", ContentFile(body), save=False)
        document.save()
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.7 version 2"
    old = client.get(ReplyDocument.objects.get(version=1).get_absolute_url())
    assert b"".join(old.streaming_content) == b"%PDF-1.7 version 1"
    missing = reverse("inquiries:reply_pdf_version", args=[published.pk, 3])
    assert client.get(missing).status_code == 404


# --- the public portal (issue 6) ------------------------------------------------------------

from django.core.files.base import ContentFile  # noqa: E402
from django.utils import timezone  # noqa: E402

from inquiries.models import AnswerAttachment, AnswerCorrection  # noqa: E402
from tests.factories import (  # noqa: E402
    FactionFactory,
    MeetingFactory,
    TopicFactory,
    bulk_published,
)


@pytest.mark.django_db
def test_start_page_shows_latest_answers_meetings_search_and_topics(client, published):
    topic = TopicFactory(name="Digitalisierung", slug="digitalisierung")
    topic.inquiries.add(published)
    upcoming = MeetingFactory(committee__name="Ausschuss für Digitales")
    page = client.get(reverse("inquiries:start")).content.decode()
    assert f'href="{published.get_absolute_url()}">Digitale Verwaltung in Herne</a>' in page
    assert upcoming.committee.name in page
    assert 'role="search"' in page
    assert 'name="q"' in page
    assert 'href="/anfragen/?thema=digitalisierung"' in page


@pytest.mark.django_db
def test_list_filters_by_faction_topic_and_keeps_state_in_the_url(client, personas, published):
    pirates = FactionFactory(name="Piratenpartei", short_name="PIRATEN")
    other = InquiryFactory(author=personas.other_councillor.councillor, subject="Andere Fraktion")
    publish_other = publish  # the helper publishes as personas.councillor; re-author first
    other.author = personas.councillor_profile
    other.save()
    publish_other(other, personas)
    author = personas.councillor_profile
    author.faction = pirates
    author.save()
    published.faction = pirates
    published.save()
    Inquiry.objects.filter(pk=other.pk).update(faction=FactionFactory(short_name="SPD"))
    response = client.get(reverse("inquiries:list"), {"fraktion": "PIRATEN", "seite": "1"})
    page = response.content.decode()
    assert "Digitale Verwaltung in Herne" in page
    assert "Andere Fraktion" not in page
    assert '<option value="PIRATEN" selected>' in page
    assert "/feeds/suche.atom?fraktion=PIRATEN" in page  # the same filter as a feed, no page


@pytest.mark.django_db
def test_list_status_facet_finds_holding_answers_and_corrections(client, personas, published):
    answer = published.answers.first()
    AnswerCorrection.objects.create(
        answer=answer, previous_text="Alt.", reason="Tippfehler", corrected_by=personas.head_a
    )
    url = reverse("inquiries:list")
    assert "Digitale Verwaltung" in client.get(url, {"status": "berichtigt"}).content.decode()
    page = client.get(url, {"status": "zwischennachricht"}).content.decode()
    assert "Digitale Verwaltung" not in page
    assert "Keine veröffentlichte Anfrage passt" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"jahr": "abc"},
        {"jahr": "99999999999999999999"},
        {"fraktion": "GIBT-ES-NICHT"},
        {"sitzung": "'; DROP TABLE x; --"},
        {"thema": "\x00"},
        {"seite": "-1"},
        {"seite": "999999"},
        {"sortierung": "quatsch"},
        {"status": "<script>"},
        {"ratsmitglied": "1.5"},
        {"fachbereich": "999"},
    ],
)
def test_list_survives_bad_parameters(client, published, params):
    response = client.get(reverse("inquiries:list"), params)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


@pytest.mark.django_db
def test_unknown_filter_value_is_reported_next_to_the_field(client, published):
    page = client.get(reverse("inquiries:list"), {"fraktion": "XYZ"}).content.decode()
    assert 'id="id_fraktion_error"' in page
    assert 'aria-describedby="id_fraktion_error"' in page
    assert "Digitale Verwaltung in Herne" in page  # the bad facet is ignored


@pytest.mark.django_db
def test_detail_marks_holding_answer_with_expected_date(client, published):
    answer = published.answers.first()
    answer.is_holding_answer = True
    answer.holding_until = datetime.date(2030, 5, 31)
    answer.save()
    page = client.get(published.get_absolute_url()).content.decode()
    assert "Zwischennachricht" in page
    assert "31.05.2030" in page


@pytest.mark.django_db
def test_detail_shows_corrected_answer_with_original_text_and_reason(client, personas, published):
    answer = published.questions.get(number=1).answer
    AnswerCorrection.objects.create(
        answer=answer,
        previous_text="Ursprünglich: 12 Verfahren.",
        reason="Zahl war falsch.",
        corrected_by=personas.head_a,
    )
    page = client.get(published.get_absolute_url()).content.decode()
    assert "Ursprünglich: 12 Verfahren." in page
    assert "Zahl war falsch." in page
    assert f"Berichtigt am {timezone.localdate():%d.%m.%Y}" in page


@pytest.mark.django_db
def test_detail_lists_attachments_and_serves_them(client, personas, published, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    answer = published.answers.first()
    attachment = AnswerAttachment(
        answer=answer,
        original_name="Übersicht.csv",
        title="Übersicht der Verfahren",
        content_type="text/csv",
        size=4,
        sha256="a" * 64,
        uploaded_by=personas.clerk_a,
    )
    attachment.file.save("x", ContentFile(b"a;b\n"), save=False)
    attachment.save()
    page = client.get(published.get_absolute_url()).content.decode()
    url = reverse("inquiries:attachment", args=[published.pk, attachment.pk])
    assert f'href="{url}"' in page
    assert "Übersicht der Verfahren" in page
    response = client.get(url)
    assert b"".join(response.streaming_content) == b"a;b\n"
    assert "attachment" in response["Content-Disposition"]
    other = InquiryFactory(author=personas.councillor_profile)
    assert (
        client.get(reverse("inquiries:attachment", args=[other.pk, attachment.pk])).status_code
        == 404
    )


@pytest.mark.django_db
def test_detail_shows_joint_answers_related_inquiries_and_question_anchors(
    client, personas, published
):
    topic = TopicFactory(name="Verwaltung", slug="verwaltung")
    sibling = publish(
        InquiryFactory(author=personas.councillor_profile, subject="Verwandte Anfrage"), personas
    )
    topic.inquiries.add(published, sibling)
    page = client.get(published.get_absolute_url()).content.decode()
    assert 'href="#frage-2"' in page
    assert "Verwandte Anfrage" in page


def _published_many(personas, count):
    meeting = MeetingFactory()
    topic = TopicFactory(slug="viele")
    return bulk_published(
        count,
        meeting=meeting,
        author=personas.councillor_profile,
        department=personas.department_a,
        topics=[topic],
    )


@pytest.mark.django_db
def test_query_counts_are_the_same_for_10_and_1000_inquiries(client, personas):
    first = _published_many(personas, 10)
    urls = [
        reverse("inquiries:start"),
        reverse("inquiries:list"),
        reverse("inquiries:list") + "?thema=viele&sortierung=alt",
        reverse("inquiries:list") + "?q=Verwaltung",
        reverse("inquiries:list") + f"?fachbereich={personas.department_a.pk}&q=Frage",
        first[0].get_absolute_url(),
        reverse("inquiries:feed"),
    ]
    few = [_queries(client, url) for url in urls]
    many = _published_many_more(personas, 990)
    assert Inquiry.objects.published().count() == 1000
    urls[-2] = many[-1].get_absolute_url()
    assert [_queries(client, url) for url in urls] == few


def _published_many_more(personas, count):
    return bulk_published(
        count,
        meeting=MeetingFactory(),
        author=personas.councillor_profile,
        department=personas.department_a,
        start=10,
        topics=[TopicFactory(slug="viele")],
    )


@pytest.mark.django_db
def test_robots_and_sitemap_list_published_inquiries_only(client, personas, published):
    draft = InquiryFactory(author=personas.councillor_profile)
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{published.get_absolute_url()}" in sitemap
    assert f"/anfragen/{draft.pk}/" not in sitemap


@pytest.mark.django_db
def test_answer_lists_show_as_lists_and_markup_as_text(client, personas):
    inquiry = InquiryFactory(author=personas.councillor_profile, questions=["Was ist geplant?"])
    workflow.submit(inquiry, personas.councillor)
    workflow.register(inquiry, personas.office, inquiry.meeting.starts_at.date())
    question = inquiry.questions.get()
    workflow.route(question, personas.office, personas.department_a)
    workflow.draft_answer(
        question, personas.clerk_a, "Geplant sind:\n\n- Punkt eins\n- Punkt <b>zwei</b>"
    )
    workflow.send_for_review(question, personas.clerk_a)
    workflow.approve(question, personas.head_a)
    workflow.publish(inquiry, personas.office)
    page = client.get(inquiry.get_absolute_url()).content.decode()
    assert "<li>Punkt eins</li>" in page
    assert "<li>Punkt &lt;b&gt;zwei&lt;/b&gt;</li>" in page
