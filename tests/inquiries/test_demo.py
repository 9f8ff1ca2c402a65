"""load_demo: the Herne case exactly as written, idempotent, with a login per role."""

import io
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import timezone

from inquiries.demo.seed import SEED_FILE, read_seed
from inquiries.models import Inquiry, Meeting

SHARED_SEED = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "seeds"
    / "anfrage-herne-smart-city-index-2022-02-15.txt"
)
SUBJECT = "Ergebnis der Stadt Herne beim Smart City Index"


def _load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def _row_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"inquiries", "auth", "rankings"}
    }


@pytest.mark.django_db
def test_seed_inquiry_is_stored_exactly_as_written():
    _load_demo()
    seed = Inquiry.objects.get(subject=SUBJECT)
    questions = list(seed.questions.order_by("number"))
    assert [q.number for q in questions] == [1, 2, 3, 4, 5]
    assert questions[0].text == (
        "Welche Maßnahmen bzw. Projekte sind geplant um eine bessere Platzierung bei der "
        "nächsten Auswertung zu erreichen? Wann darf man die ersten Berichte zu dem Thema "
        "seitens der Stadt erwarten? Die Ausarbeitung einer Berichtstruktur durch die Stadt "
        "wurde am 09.11 im DIM zugesagt."
    )
    assert questions[4].text.startswith("Das Onlinezugangsgesetz des Bundes verpflichtet")
    assert "„Smart City Index“" in seed.preamble
    assert seed.preamble.count("\n\n") == 2  # three paragraphs, breaks kept
    assert seed.author.full_name == "Lars Wind"
    assert seed.author.title == "Stadtverordneter"
    assert seed.author.faction.name == "Piratenpartei"
    meeting = timezone.localtime(seed.meeting.starts_at)
    assert (meeting.date().isoformat(), seed.meeting.committee.short_name) == ("2022-02-15", "Rat")
    assert seed.status == Inquiry.Status.PUBLISHED


@pytest.mark.skipif(not SHARED_SEED.exists(), reason="shared/seeds is not beside this clone")
def test_project_copy_of_seed_matches_the_shared_original():
    assert SEED_FILE.read_bytes() == SHARED_SEED.read_bytes()
    original = SHARED_SEED.read_text(encoding="utf-8")
    for question in read_seed().questions:
        assert question in original


@pytest.mark.django_db
def test_load_demo_is_idempotent():
    _load_demo()
    before = _row_counts()
    events = list(Inquiry.objects.values_list("pk", "status", "updated_at"))
    _load_demo()
    assert _row_counts() == before
    assert list(Inquiry.objects.values_list("pk", "status", "updated_at")) == events


@pytest.mark.django_db
def test_load_demo_prints_one_working_login_per_role(client):
    output = _load_demo()
    logins = dict(
        (m.group(1), (m.group(2), m.group(3)))
        for m in re.finditer(r"^([^:\n]+): (\S+) / (\S+)$", output, re.MULTILINE)
    )
    roles = [
        "Ratsmitglied",
        "Büro des Rates",
        "Sachbearbeitung",
        "Fachbereichsleitung",
        "Administration",
    ]
    assert set(roles) <= set(logins)
    for role in roles:
        username, password = logins[role]
        assert User.objects.get(username=username).check_password(password), role
    assert User.objects.get(username=logins["Ratsmitglied"][0]).councillor.last_name == "Wind"


@pytest.mark.django_db
def test_demo_has_an_open_meeting_and_inquiries_in_every_state():
    _load_demo()
    assert Meeting.objects.open_for_inquiries().filter(committee__short_name="Rat").exists()
    statuses = set(Inquiry.objects.values_list("status", flat=True))
    assert statuses == set(Inquiry.Status.values)
    seed = Inquiry.objects.get(subject=SUBJECT)
    assert seed.events.filter(action="publish").exists()
    assert seed.questions.filter(answer__isnull=True).count() == 0


@pytest.mark.django_db
def test_demo_meetings_fall_on_working_days_and_addresses_are_plain_ascii():
    from inquiries.deadlines import is_working_day
    from inquiries.models import Councillor

    _load_demo()
    for meeting in Meeting.objects.upcoming():
        assert is_working_day(timezone.localtime(meeting.starts_at).date()), meeting
    for address in Councillor.objects.values_list("email", flat=True):
        assert address.isascii(), address
