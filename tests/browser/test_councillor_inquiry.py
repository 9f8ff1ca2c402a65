"""A councillor logs in with the printed demo login, writes, reorders and submits an inquiry."""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import User
from django.core.management import call_command

from inquiries.models import Inquiry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUBJECT = "Digitale Bürgerdienste in Herne"
QUESTIONS = [
    "Wie viele Anträge wurden 2025 online gestellt?",
    "Welche Leistungen fehlen noch?",
    "Wann öffnet das Bürgerbüro am Samstag? Gibt es dafür schon Pläne für Größere Räume?",
    "Wie viele Beschäftigte arbeiten daran?",
    "Was kostet die Umsetzung?",
]


@pytest.fixture
def demo():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def serious_violations(page):
    results = Axe().run(page)
    return [
        (v["id"], [n["target"] for n in v["nodes"]])
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def log_in(page, demo):
    line = next(x for x in demo.splitlines() if x.startswith("Ratsmitglied:"))
    username, password = [part.strip() for part in line.split(":", 1)[1].split("/")]
    page.goto("/konto/login/")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(password)
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_role("link", name="Meine Anfragen").click()
    page.wait_for_url("**/meine-anfragen/")


def question_texts(page):
    return page.locator("[data-question-row] textarea").evaluate_all("els => els.map(e => e.value)")


def test_councillor_writes_reorders_and_submits_an_inquiry(page, demo):
    log_in(page, demo)
    assert page.locator("h1").inner_text() == "Meine Anfragen"
    page.get_by_role("link", name="Neue Anfrage schreiben").click()
    assert serious_violations(page) == []

    meeting = page.get_by_label("Gremium und Sitzung")
    meeting.select_option(index=1)
    assert "Einreichungsfrist" in meeting.locator("option:checked").inner_text()
    page.get_by_label("Betreff").fill(SUBJECT)
    page.get_by_label("Vorbemerkung").fill("Erster Absatz.\n\nZweiter Absatz mit Umlauten: äöü.")
    page.get_by_label("Frage 1", exact=True).fill(QUESTIONS[0])
    for number, text in enumerate(QUESTIONS[1:], start=2):
        page.get_by_role("button", name="Frage hinzufügen").click()
        field = page.get_by_label(f"Frage {number}", exact=True)
        assert field.evaluate("el => el === document.activeElement")
        field.fill(text)
    page.get_by_role("button", name="Entwurf speichern").last.click()
    page.wait_for_url("**/bearbeiten/")
    assert "Der Entwurf wurde gespeichert." in page.inner_text(".messages")

    page.reload()
    assert question_texts(page) == QUESTIONS
    # Question 5 moves up once: it becomes question 4.
    page.get_by_role("button", name="Nach oben (Frage 5)").click()
    reordered = [*QUESTIONS[:3], QUESTIONS[4], QUESTIONS[3]]
    assert question_texts(page) == reordered
    assert page.get_by_label("Frage 4", exact=True).input_value() == QUESTIONS[4]
    page.get_by_role("button", name="Speichern und einreichen …").click()
    page.wait_for_url("**/einreichen/")
    assert [q.inner_text() for q in page.locator(".question__text").all()] == reordered
    assert serious_violations(page) == []
    page.get_by_role("button", name="Jetzt verbindlich einreichen").click()
    page.wait_for_url("**/meine-anfragen/*/")
    assert "Die Anfrage wurde eingereicht." in page.inner_text(".messages")

    page.get_by_role("link", name="Meine Anfragen").first.click()
    row = page.locator("tr", has_text=SUBJECT)
    assert "Eingereicht" in row.inner_text()

    inquiry = Inquiry.objects.get(subject=SUBJECT)
    assert inquiry.status == Inquiry.Status.SUBMITTED
    assert list(inquiry.questions.order_by("number").values_list("text", flat=True)) == reordered
    assert inquiry.preamble == "Erster Absatz.\n\nZweiter Absatz mit Umlauten: äöü."
    office = User.objects.get(username="buero.rat")
    assert office.has_perm("inquiries.view_inquiry", inquiry)


def test_without_javascript_the_buttons_still_add_and_move_questions(browser, live_server, demo):
    context = browser.new_context(
        locale="de-DE", base_url=live_server.url, java_script_enabled=False
    )
    page = context.new_page()
    try:
        log_in(page, demo)
        page.goto("/meine-anfragen/neu/")
        page.get_by_label("Betreff").fill("Ohne Skript")
        page.get_by_label("Frage 1", exact=True).fill("Erste Frage?")
        page.get_by_role("button", name="Frage hinzufügen").click()
        page.get_by_label("Frage 2", exact=True).fill("Zweite Frage?")
        page.get_by_role("button", name="Nach oben (Frage 2)").click()
        assert question_texts(page) == ["Zweite Frage?", "Erste Frage?"]
        assert page.get_by_label("Betreff").input_value() == "Ohne Skript"
        # No meeting chosen: the message stands next to the field, the text stays.
        page.get_by_role("button", name="Entwurf speichern").last.click()
        assert "Bitte wählen Sie die Sitzung" in page.inner_text(".error-summary")
        assert question_texts(page) == ["Zweite Frage?", "Erste Frage?"]
        assert not Inquiry.objects.filter(subject="Ohne Skript").exists()
    finally:
        context.close()


def test_form_fits_a_phone(page, demo):
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(page, demo)
    page.goto("/meine-anfragen/neu/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
