"""The reply letter as PDF/A, read back with pypdf: content, order, metadata, embedded JSON."""

import io
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from pypdf import PdfReader
from weasyprint.formatting_structure import boxes

from inquiries import selectors
from inquiries.models import Answer, Inquiry, ReplyDocument
from inquiries.reply.payload import build_payload
from inquiries.reply.renderer import layout, prepare, render_payload, write_pdf
from tests.inquiries.replies import answered_inquiry
from tests.pdfs import body_text, embedded_json, flat, full_text, page_texts, read_pdf

SEED_SUBJECT = "Ergebnis der Stadt Herne beim Smart City Index"


@dataclass
class SeedReply:
    pdf: PdfReader
    size: int
    payload: dict
    questions: list[tuple[int, str, int]]
    answers: dict[int, str]


@pytest.fixture(scope="module")
def seed_reply(django_db_setup, django_db_blocker, tmp_path_factory) -> SeedReply:
    """The seed inquiry's released reply as built by ``load_demo`` (loaded once, rolled back)."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        inquiry = Inquiry.objects.get(subject=SEED_SUBJECT)
        document = ReplyDocument.objects.get(inquiry=inquiry, version=1)
        with document.file.open("rb") as file:
            data = file.read()
        seed = SeedReply(
            pdf=read_pdf(data),
            size=document.size,
            payload=document.payload,
            questions=list(
                inquiry.questions.order_by("number").values_list("number", "text", "answer_id")
            ),
            answers={
                answer.pk: answer.text
                for answer in Answer.objects.filter(inquiry=inquiry, approved_at__isnull=False)
            },
        )
        assert len(data) == document.size
        transaction.set_rollback(True)
    return seed


def _payload(inquiry):
    return build_payload(selectors.inquiry_for_reply(inquiry.pk))


@pytest.mark.django_db  # sets the test database up for the module fixture
def test_seed_reply_carries_the_questions_in_order_each_followed_by_its_answer(seed_reply):
    text = body_text(seed_reply.pdf)
    questions = seed_reply.questions
    positions = [text.index(flat(question_text)) for _n, question_text, _a in questions]
    assert positions == sorted(positions)
    answer_of = [flat(seed_reply.answers[answer_id]) for _n, _t, answer_id in questions]
    # Questions 1 and 4 share one answer: printed once, after question 4.
    assert text.count(answer_of[0]) == 1
    assert positions[3] < text.index(answer_of[0]) < positions[4]
    assert "Diese Frage wird zusammen mit Frage 4 beantwortet" in text
    for index, following in [(1, 2), (2, 3), (4, None)]:
        answer = text.index(answer_of[index])
        assert positions[index] < answer
        if following is not None:
            assert answer < positions[following]
    assert text.count("[Demo-Antwort: Dieser Text ist ein Beispiel") == 4


@pytest.mark.django_db  # sets the test database up for the module fixture
def test_seed_reply_is_a_german_letter_with_extractable_text(seed_reply):
    pages = page_texts(seed_reply.pdf)
    first = pages[0]
    for expected in [
        "Stadt Herne",
        "Der Oberbürgermeister",
        "Stadtverordneter Lars Wind",
        "Piratenpartei",
        "Anfrage Nr. 2022/0001",
        "Datum 02.02.2022",
        f"Anfrage „{SEED_SUBJECT}“ vom 01.02.2022",
        "Ihre Anfrage zur Sitzung des Rates am 15.02.2022",
        "„Smart City Index“",
        "Großstädte",
        "Sehr geehrte Damen und Herren,",
    ]:
        assert expected in first, expected
    total = len(pages)
    for number, text in enumerate(pages, start=1):
        assert f"Seite {number} von {total}" in text
    assert "Antwort auf die Anfrage Nr. 2022/0001" not in first  # no running header on page 1
    assert all("Antwort auf die Anfrage Nr. 2022/0001 vom 02.02.2022" in p for p in pages[1:])
    assert "Mit freundlichen Grüßen" in pages[-1]


@pytest.mark.django_db  # sets the test database up for the module fixture
def test_seed_reply_has_metadata_tags_and_pdfa_identification(seed_reply):
    reader = seed_reply.pdf
    meta = reader.metadata
    assert meta.title == f"Antwort auf die Anfrage Nr. 2022/0001: {SEED_SUBJECT}"
    assert meta.author == "Stadt Herne"
    assert SEED_SUBJECT in meta.subject
    assert meta.creation_date is not None
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "de-DE"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    xmp = reader.xmp_metadata
    assert (xmp.pdfaid_part, xmp.pdfaid_conformance) == ("3", "U")


@pytest.mark.django_db  # sets the test database up for the module fixture
def test_seed_reply_embeds_the_stored_answers_as_json(seed_reply):
    data = embedded_json(seed_reply.pdf)
    assert {a["id"]: a["text"] for a in data["answers"]} == seed_reply.answers
    assert [(q["number"], q["text"]) for q in data["questions"]] == [
        (number, text) for number, text, _a in seed_reply.questions
    ]
    grouped = next(a for a in data["answers"] if len(a["questions"]) > 1)
    assert grouped["questions"] == [1, 4]
    assert data["version"] == 1
    assert {k: v for k, v in data.items() if k not in {"version", "draft"}} == seed_reply.payload


@pytest.mark.django_db
def test_letterhead_comes_from_the_settings(personas, settings):
    settings.PORTAL_COUNCIL_NAME = "Rat der Stadt Castrop-Rauxel"
    settings.REPLY_LETTERHEAD = {
        **settings.REPLY_LETTERHEAD,
        "city": "Stadt Castrop-Rauxel",
        "unit": "Fachbereich Rat und Bürgermeister",
        "address": ["Europaplatz 1", "44575 Castrop-Rauxel"],
        "signatory_name": "Erika Mustermann",
        "signatory_title": "Die Bürgermeisterin",
        "logo": "",
    }
    inquiry = answered_inquiry(personas, ["Frage?"], {(1,): "Antwort."})
    reader = read_pdf(render_payload(_payload(inquiry), version=1)[2])
    text = full_text(reader)
    assert "Stadt Castrop-Rauxel" in text
    assert "Europaplatz 1 · 44575 Castrop-Rauxel" in text
    assert "Erika Mustermann Die Bürgermeisterin" in text
    assert "Stadt Herne" not in text
    assert reader.metadata.author == "Stadt Castrop-Rauxel"


HOSTILE_ANSWER = (
    "Text, der wie HTML aussieht: <script>alert('x')</script> &amp; <b>fett</b>.\n"
    "Kosten: 1.250,00 € für Straßenbeleuchtung in der Gemeinde „Große Straße“.\n\n"
    "- erster Punkt\n- zweiter Punkt\n\n"
    "1. Schritt eins\n2. Schritt zwei\n\n"
    "| Jahr | Leistungen | Anteil digital |\n|---|---|---|\n| 2021 | 575 | 12 % |\n"
    "| 2022 | 575 | 31 % |\n\n"
    "Siehe https://www.herne.de/Stadt-und-Leben/Digitalisierung/Onlinezugangsgesetz/"
    "Umsetzungsstand-der-Verwaltungsleistungen-in-der-Stadt-Herne-2022.pdf sowie "
    "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsbetriebsleitung"
    "sverordnungsentwurfsbegründung."
)


def _lines_inside_the_pages(document) -> None:
    """Every line box of the layout ends within its page's content box."""
    for page in document.pages:
        box = page._page_box
        right = box.content_box_x() + box.width + 0.5
        for child in box.descendants():
            if isinstance(child, boxes.LineBox) and child.width:
                assert child.position_x + child.width <= right, (child, page)


@pytest.mark.django_db
def test_bad_input_is_shown_as_written_and_stays_on_the_page(personas):
    long_question = ("Wie bewertet die Verwaltung diesen Umstand im Einzelnen? " * 90)[:4999]
    inquiry = answered_inquiry(
        personas, [long_question, "Und <i>sonst</i>?"], {(1,): HOSTILE_ANSWER, (2,): "Nein."}
    )
    payload = _payload(inquiry)
    assert len(payload["questions"][0]["text"]) == 4999
    prepared = prepare(payload, version=1)
    laid_out = layout(prepared)
    _lines_inside_the_pages(laid_out[0])
    reader = read_pdf(write_pdf(prepared, laid_out))
    text = full_text(reader)
    assert flat(long_question) in body_text(reader)  # across a page break, all of it
    for expected in [
        "<script>alert('x')</script> &amp; <b>fett</b>.",
        "1.250,00 € für Straßenbeleuchtung in der Gemeinde „Große Straße“",
        "Und <i>sonst</i>?",
        "Jahr Leistungen Anteil digital",
        "2022 575 31 %",
    ]:
        assert expected in text, expected
    squeezed = "".join(text.split())
    assert "https://www.herne.de/Stadt-und-Leben/Digitalisierung/Onlinezugangsgesetz/" in squeezed
    assert "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen" in squeezed
    html = prepared.html
    assert "<li>erster Punkt</li>" in html
    assert "<li>Schritt zwei</li>" in html
    assert "<td>31 %</td>" in html
    assert "&lt;script&gt;" in html
    assert "<script>" not in html


@pytest.mark.django_db
def test_twenty_page_answer_gives_the_right_page_count(personas):
    paragraph = (
        "Die Verwaltung hat die Leistungen des Onlinezugangsgesetzes geprüft, bewertet und "
        "priorisiert; die Umsetzung erfolgt in Abstimmung mit dem Land und den Nachbarstädten. "
    ) * 4
    answer = "\n\n".join(f"Absatz {n:03d}. {paragraph}" for n in range(1, 121))
    inquiry = answered_inquiry(personas, ["Wie ist der Stand?"], {(1,): answer})
    reader = read_pdf(render_payload(_payload(inquiry), version=1)[2])
    pages = page_texts(reader)
    total = len(reader.pages)
    assert 20 <= total <= 26
    assert [f"Seite {n} von {total}" in text for n, text in enumerate(pages, 1)] == [True] * total
    where = [next(i for i, t in enumerate(pages) if f"Absatz {n:03d}." in t) for n in (1, 60, 120)]
    assert where == sorted(where)
    assert where[0] == 0
    assert "Mit freundlichen Grüßen" in pages[-1]


@pytest.mark.django_db
def test_grouped_answer_of_adjacent_questions_follows_both_once(personas):
    inquiry = answered_inquiry(
        personas,
        ["Erste Frage?", "Zweite Frage?", "Dritte Frage?"],
        {(1, 2): "Gemeinsame Antwort.", (3,): "Einzelne Antwort."},
    )
    text = full_text(read_pdf(render_payload(_payload(inquiry), version=1)[2]))
    assert text.count("Gemeinsame Antwort.") == 1
    assert text.index("Zweite Frage?") < text.index("Antwort zu den Fragen 1 und 2")
    assert text.index("Gemeinsame Antwort.") < text.index("Dritte Frage?")
    assert "zusammen mit Frage" not in text


@pytest.mark.django_db
def test_draft_is_watermarked_and_marks_open_questions(personas):
    inquiry = answered_inquiry(personas, ["Erste Frage?", "Zweite Frage?"], {(1,): "Antwort."})
    reader = read_pdf(render_payload(_payload(inquiry), draft=True)[2])
    text = full_text(reader)
    assert "Entwurf" in text
    assert "Die Antwort auf diese Frage ist noch nicht freigegeben." in text
    assert embedded_json(reader)["draft"] is True
