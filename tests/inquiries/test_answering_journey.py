"""The issue's walk-through with the demo logins: submit, register, route, answer, approve."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from inquiries import workflow
from inquiries.demo.seed import read_seed
from inquiries.models import AuditEvent, Department, Inquiry, Meeting, Question

ROUTING = {1: "FB 12", 2: "FB 11", 3: "FB 01", 4: "FB 12", 5: "FB 33"}
STAFF = {
    "FB 12": ("sb.digital", "fbl.digital"),
    "FB 11": ("sb.organisation", "fbl.organisation"),
    "FB 01": ("sb.ob-buero", "fbl.ob-buero"),
    "FB 33": ("sb.buergerdienste", "fbl.buergerdienste"),
}


def _as(username):
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


@pytest.mark.django_db
def test_seed_inquiry_goes_from_submission_to_answered_with_a_full_timeline():
    call_command("load_demo", stdout=io.StringIO())
    wind = User.objects.get(username="lars.wind")
    seed = read_seed()
    meeting = Meeting.objects.open_for_inquiries().order_by("starts_at").first()
    inquiry = Inquiry.objects.create(
        meeting=meeting, author=wind.councillor, subject="Neu: " + seed.subject
    )
    Question.objects.bulk_create(
        Question(inquiry=inquiry, number=n, text=t) for n, t in enumerate(seed.questions, 1)
    )
    workflow.submit(inquiry, wind)

    office = _as("buero.rat")
    assert inquiry.subject in office.get(reverse("inquiries:office_inbox")).content.decode()
    office.post(reverse("inquiries:office_register", args=[inquiry.pk]), {"due_date": "2030-01-31"})
    questions = {q.number: q for q in inquiry.questions.all()}
    departments = {d.code: d for d in Department.objects.filter(code__in=ROUTING.values())}
    office.post(
        reverse("inquiries:office_route", args=[inquiry.pk]),
        {f"lead_{questions[n].pk}": departments[code].pk for n, code in ROUTING.items()},
    )
    assert not inquiry.questions.filter(lead_department__isnull=True).exists()

    def draft(number, text, also=()):
        clerk = _as(STAFF[ROUTING[number]][0])
        url = reverse("inquiries:department_question", args=[questions[number].pk])
        assert clerk.get(url).status_code == 200
        clerk.post(
            reverse("inquiries:department_save_answer", args=[questions[number].pk]),
            {"text": text, "also": [str(questions[n].pk) for n in also]},
        )
        clerk.post(reverse("inquiries:department_send", args=[questions[number].pk]))

    def approve(number):
        head = _as(STAFF[ROUTING[number]][1])
        head.post(reverse("inquiries:department_approve", args=[questions[number].pk]))

    draft(1, "Die Fragen 1 und 4 werden gemeinsam beantwortet.\n\nEine Strategie folgt.", [4])
    draft(2, "Schwächen bei digitalen Leistungen.")
    draft(3, "Ja, im Rahmen der Metropole Ruhr.")
    draft(5, "Schrittweise Umsetzung nach OZG.")
    # The head of FB 11 returns the answer to question 2 once; the clerk fixes it.
    _as("fbl.organisation").post(
        reverse("inquiries:department_return", args=[questions[2].pk]),
        {"comment": "Bitte konkrete Leistungen nennen."},
    )
    draft(2, "Schwächen bei Wohngeld und Kfz-Zulassung.")
    for number in (1, 2, 3, 5):
        approve(number)

    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.ANSWERED
    events = AuditEvent.objects.filter(inquiry=inquiry)
    assert events.filter(action="return").count() == 1
    assert events.filter(action="approve").count() == 5
    page = office.get(reverse("inquiries:office_inquiry", args=[inquiry.pk])).content.decode()
    for username in ("lars.wind", "buero.rat", "sb.organisation", "fbl.organisation"):
        assert username in page
    assert "Bitte konkrete Leistungen nennen." in page
    office.post(reverse("inquiries:office_publish", args=[inquiry.pk]))
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.PUBLISHED
