"""An inquiry Paper tells what the public page tells: corrections, holding answers, co-signers."""

import datetime
import json

import pytest
from django.utils import timezone

from inquiries.models import Answer, AnswerCorrection, CoSignature
from tests.factories import CouncillorFactory, FactionFactory
from tests.oparl.harvest import check_object


def _paper(client, inquiry, suffix=""):
    paper = json.loads(client.get(f"/oparl/v1/paper/{inquiry.pk}{suffix}").content)
    check_object(paper)
    return paper


@pytest.mark.django_db
def test_correction_shows_with_its_reason_and_moves_modified(client, personas, published):
    before = _paper(client, published)
    answer = published.questions.get(number=1).answer
    correction = AnswerCorrection.objects.create(
        answer=answer,
        previous_text=answer.text,
        reason="Zahl berichtigt",
        corrected_by=personas.head_a,
    )
    later = timezone.now() + datetime.timedelta(minutes=5)  # a correction days later
    AnswerCorrection.objects.filter(pk=correction.pk).update(created_at=later)
    Answer.objects.filter(pk=answer.pk).update(text="Berichtigte Antwort.")
    after = _paper(client, published)
    first = after["ratsportal:questions"][0]["answer"]
    assert first["text"] == "Berichtigte Antwort."
    (correction,) = first["corrections"]
    assert correction["reason"] == "Zahl berichtigt"
    assert correction["previousText"] == "Antwort auf Frage 1."
    assert after["modified"] > before["modified"]


@pytest.mark.django_db
def test_holding_answer_is_marked(client, published):
    answer = published.questions.get(number=2).answer
    Answer.objects.filter(pk=answer.pk).update(
        is_holding_answer=True, holding_until=datetime.date(2030, 1, 31)
    )
    second = _paper(client, published)["ratsportal:questions"][1]["answer"]
    assert second["holdingAnswer"] is True
    assert second["holdingUntil"] == "2030-01-31"


@pytest.mark.django_db
def test_cosigners_and_faction_are_originators(client, personas, published):
    cosigner = CouncillorFactory(last_name="Mitzeichner")
    CoSignature.objects.create(inquiry=published, councillor=cosigner, confirmed_at=timezone.now())
    faction = FactionFactory(name="Testfraktion")
    published.faction = faction
    published.save(update_fields=["faction"])
    paper = _paper(client, published)
    assert paper["originatorPerson"] == [
        f"http://testserver/oparl/v1/person/{published.author_id}",
        f"http://testserver/oparl/v1/person/{cosigner.pk}",
    ]
    assert paper["originatorOrganization"] == [
        f"http://testserver/oparl/v1/organization/fraktion/{faction.pk}"
    ]


@pytest.mark.django_db
def test_reply_paper_without_released_pdf_has_no_file(client, published):
    reply = _paper(client, published, "/antwort")
    assert reply["paperType"] == "Beantwortung einer Anfrage"
    assert "mainFile" not in reply
    assert reply["name"] == f"Antwort auf Anfrage {published.number}: {published.subject}"
    assert "auxiliaryFile" not in _paper(client, published)
