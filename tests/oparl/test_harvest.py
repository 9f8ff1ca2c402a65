"""A harvester walks the whole API from System; everything is valid OParl 1.1."""

import hashlib
import io

import pytest
from django.core.management import call_command

from inquiries.models import Councillor, Inquiry
from tests.oparl.harvest import BODY_LISTS, Harvester, type_name

SEED_SUBJECT = "Ergebnis der Stadt Herne beim Smart City Index"
LIST_TYPES = {
    "organization": "Organization",
    "person": "Person",
    "meeting": "Meeting",
    "paper": "Paper",
    "legislativeTermList": "LegislativeTerm",
    "agendaItem": "AgendaItem",
    "consultation": "Consultation",
    "file": "File",
    "membership": "Membership",
    "locationList": "Location",
}


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())
    seed = Inquiry.objects.get(subject=SEED_SUBJECT)
    reply = seed.replies.latest("version")  # built by load_demo
    return seed, reply


@pytest.mark.django_db
def test_harvester_walks_every_list_and_page_of_the_demo(client, demo):
    harvest = Harvester(client, query="limit=3").walk()
    assert harvest.system["oparlVersion"] == "https://schema.oparl.org/1.1/"
    assert [type_name(body) for body in harvest.bodies] == ["Body"]
    for prop in BODY_LISTS:
        assert {type_name(obj) for obj in harvest.lists[prop]} <= {LIST_TYPES[prop]}
    # Every emitted type is there, and lists longer than a page were really paged.
    emitted = {type_name(obj) for obj in harvest.objects().values()}
    assert emitted >= set(LIST_TYPES.values()) - {"AgendaItem"} | {"System", "Body"}
    assert harvest.pages[harvest.bodies[0]["organization"]] > 5
    organization_types = {obj["organizationType"] for obj in harvest.lists["organization"]}
    assert organization_types == {"Gremium", "Fraktion", "Verwaltungsbereich"}


def _api_urls(value):
    if isinstance(value, str) and value.startswith("http://testserver/oparl/v1/"):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _api_urls(item)
    elif isinstance(value, list):
        for item in value:
            yield from _api_urls(item)


@pytest.mark.django_db
def test_every_id_returns_its_object_and_every_reference_resolves(client, demo):
    harvest = Harvester(client).walk()
    objects = harvest.objects()
    for object_id, obj in objects.items():
        fetched = harvest.get(object_id)
        assert (fetched["id"], fetched["type"]) == (object_id, obj["type"])
    lists = {
        harvest.system["body"],
        *(body[prop] for body in harvest.bodies for prop in BODY_LISTS),
    }
    references = {url for obj in objects.values() for url in _api_urls(obj)}
    for url in references - set(objects) - lists:
        if url.endswith("/download"):
            continue  # the PDF itself, checked in the seed test
        assert url in objects or harvest.get(url)["id"] == url
    # References point at objects the harvester has met in the lists.
    listed = {obj["id"] for items in harvest.lists.values() for obj in items}
    for obj in objects.values():
        for prop in ("originatorPerson", "underDirectionOf", "relatedPaper", "organization"):
            targets = obj.get(prop, [])
            for url in [targets] if isinstance(targets, str) else targets:
                assert url in listed or url in lists, (obj["id"], prop, url)


@pytest.mark.django_db
def test_seed_inquiry_is_a_paper_with_its_author_and_reply_pdf(client, demo):
    seed, reply = demo
    harvest = Harvester(client).walk()
    papers = {paper["id"]: paper for paper in harvest.lists["paper"]}
    paper = next(p for p in papers.values() if p.get("reference") == seed.number)
    assert paper["name"] == SEED_SUBJECT
    assert paper["paperType"] == "Anfrage"
    wind = Councillor.objects.get(last_name="Wind")
    persons = {person["id"]: person for person in harvest.lists["person"]}
    assert [persons[url]["name"] for url in paper["originatorPerson"]] == [wind.full_name]
    assert paper["web"].endswith(seed.get_absolute_url())

    (reply_url,) = paper["relatedPaper"]
    reply_paper = papers[reply_url]
    assert reply_paper["paperType"] == "Beantwortung einer Anfrage"
    assert reply_paper["relatedPaper"] == [paper["id"]]
    departments = {org["id"]: org for org in harvest.lists["organization"]}
    assert {departments[url]["shortName"] for url in paper["underDirectionOf"]} == {
        "FB 12",
        "FB 11",
        "FB 01",
        "FB 33",
    }
    assert {departments[url]["organizationType"] for url in paper["underDirectionOf"]} == {
        "Verwaltungsbereich"
    }
    (consultation,) = paper["consultation"]
    assert consultation["meeting"].endswith(f"/oparl/v1/meeting/{seed.meeting_id}")

    # The reply PDF: on the inquiry, as the reply's main file, and in the file list.
    file = reply_paper["mainFile"]
    assert paper["auxiliaryFile"] == [file]
    assert file["id"] in {f["id"] for f in harvest.lists["file"]}
    with reply.file.open("rb") as stored:
        pdf = stored.read()
    assert pdf.startswith(b"%PDF")
    assert file["mimeType"] == "application/pdf"
    assert file["size"] == len(pdf)
    assert file["sha512Checksum"] == hashlib.sha512(pdf).hexdigest()
    assert file["accessUrl"].startswith("http://testserver/")
    assert file["accessUrl"].endswith(reply.get_absolute_url())
    for url in (file["accessUrl"], file["downloadUrl"]):
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == pdf
    assert "attachment" in client.get(file["downloadUrl"])["Content-Disposition"]


@pytest.mark.django_db
def test_questions_and_answers_ride_along_as_an_extension(client, demo):
    seed, _reply = demo
    harvest = Harvester(client).walk()
    paper = next(p for p in harvest.lists["paper"] if p.get("reference") == seed.number)
    questions = paper["ratsportal:questions"]
    assert [q["number"] for q in questions] == [1, 2, 3, 4, 5]
    first, fourth = questions[0], questions[3]
    assert first["text"].startswith("Welche Maßnahmen bzw. Projekte sind geplant")
    assert first["answer"]["text"].startswith("Die Fragen 1 und 4 werden gemeinsam beantwortet.")
    assert first["answer"]["sharedWithQuestions"] == [4]
    assert fourth["answer"]["sharedWithQuestions"] == [1]
    assert first["answer"]["answeredOn"] == "2022-02-02"
    assert first["answer"]["holdingAnswer"] is False
    assert first["answer"]["corrections"] == []
    assert first["answer"]["department"] in paper["underDirectionOf"]
    assert first["answer"]["departmentName"].startswith("FB 12")
