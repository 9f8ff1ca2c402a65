"""Nothing unpublished ever leaves through the API; what is withdrawn comes back as deleted."""

import datetime
import json

import pytest
from django.utils import timezone

from inquiries import workflow
from inquiries.models import AuditEvent, Contribution, Inquiry
from tests.factories import InquiryFactory, released_reply
from tests.factories import publish_through_workflow as publish
from tests.oparl.harvest import Harvester, check_object


def _everything(client) -> str:
    harvest = Harvester(client).walk()
    for object_id in harvest.objects():
        harvest.get(object_id)
    return "\n".join(harvest.raw)


@pytest.mark.django_db
def test_nothing_unpublished_appears_anywhere(client, personas, published):
    councillor = personas.councillor_profile
    draft = InquiryFactory(author=councillor, subject="Geheimer Entwurf")
    submitted = InquiryFactory(author=councillor, subject="Eingereicht und offen")
    workflow.submit(submitted, personas.councillor)
    in_work = InquiryFactory(author=councillor, subject="In Arbeit", questions=["Frage in Arbeit?"])
    workflow.submit(in_work, personas.councillor)
    workflow.register(in_work, personas.office, in_work.meeting.starts_at.date())
    question = in_work.questions.get()
    workflow.route(question, personas.office, personas.department_a)
    workflow.draft_answer(question, personas.clerk_a, "Vertraulicher Antwortentwurf")
    workflow.send_for_review(question, personas.clerk_a)
    workflow.return_answer(question, personas.head_a, "Interner Rückgabekommentar")
    withdrawn = InquiryFactory(author=councillor, subject="Zurückgezogen")
    workflow.submit(withdrawn, personas.councillor)
    workflow.withdraw(withdrawn, personas.councillor, "Hat sich erledigt.")
    Contribution.objects.create(
        question=published.questions.first(),
        department=personas.department_b,
        author=personas.clerk_b,
        text="Interner Beitrag des Fachbereichs",
    )
    released_reply(in_work)  # a released PDF of an unpublished inquiry stays hidden
    unreleased = released_reply(in_work, content=b"%PDF-1.4 entwurf", version=2)
    author = published.author
    author.email, author.phone = "privat@example.org", "02323 123456"
    author.save()

    text = _everything(client)
    assert published.subject in text
    for secret in [
        draft.subject,
        submitted.subject,
        in_work.subject,
        withdrawn.subject,
        "Frage in Arbeit?",
        "Vertraulicher Antwortentwurf",
        "Interner Rückgabekommentar",
        "Hat sich erledigt.",
        "Interner Beitrag des Fachbereichs",
        "privat@example.org",
        "02323 123456",
        unreleased.get_absolute_url(),
    ]:
        assert secret not in text, secret
    for hidden in (draft, submitted, in_work, withdrawn):
        for url in (f"/oparl/v1/paper/{hidden.pk}", f"/oparl/v1/consultation/{hidden.pk}"):
            assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_umlauts_are_not_escaped(client, published):
    response = client.get(f"/oparl/v1/paper/{published.pk}")
    assert "Digitale Schulen in Herne – Sachstand".encode() in response.content
    assert b"\\u" not in response.content


def _unpublish(inquiry, actor, when):
    """What a retraction writes (the workflow has no such transition yet): state and event."""
    Inquiry.objects.filter(pk=inquiry.pk).update(status=Inquiry.Status.WITHDRAWN, updated_at=when)
    AuditEvent.objects.create(
        inquiry=inquiry,
        actor=actor,
        created_at=when,
        action="unpublish",
        from_state=Inquiry.Status.PUBLISHED,
        to_state=Inquiry.Status.WITHDRAWN,
        is_public=True,
    )


@pytest.mark.django_db
def test_unpublished_inquiry_comes_back_as_deleted_with_modified_since(client, personas):
    long_ago = timezone.now() - datetime.timedelta(days=10)
    gone = publish(InquiryFactory(author=personas.councillor_profile, subject="Weg"), personas)
    stays = publish(InquiryFactory(author=personas.councillor_profile, subject="Da"), personas)
    document = released_reply(gone)
    since = timezone.now()
    _unpublish(gone, personas.office, timezone.now())

    # Without modified_since the lists know nothing of it ...
    plain = Harvester(client).walk()
    assert {p["name"] for p in plain.lists["paper"] if p["paperType"] == "Anfrage"} == {"Da"}
    assert plain.lists["file"] == []
    assert "Weg" not in "".join(plain.raw)

    # ... with it, a harvester learns that its copies must go.
    harvest = Harvester(client, query=f"modified_since={since.isoformat().replace('+', '%2B')}")
    papers = harvest.walk_list("/oparl/v1/body/1/papers")
    deleted = {p["id"]: p for p in papers if p.get("deleted")}
    assert set(deleted) == {
        f"http://testserver/oparl/v1/paper/{gone.pk}",
        f"http://testserver/oparl/v1/paper/{gone.pk}/antwort",
    }
    for stub in deleted.values():
        assert set(stub) == {"id", "type", "created", "modified", "deleted"}
    files = harvest.walk_list("/oparl/v1/body/1/files")
    assert [(f["id"], f["deleted"]) for f in files] == [
        (f"http://testserver/oparl/v1/file/{document.pk}", True)
    ]
    consultations = harvest.walk_list("/oparl/v1/body/1/consultations")
    assert [c.get("deleted") for c in consultations] == [True]
    assert stays.subject not in json.dumps(papers)  # not modified since

    # The object itself answers as deleted, and an earlier harvest window shows nothing.
    stub = json.loads(client.get(f"/oparl/v1/paper/{gone.pk}").content)
    check_object(stub)
    assert stub["deleted"] is True
    assert "name" not in stub
    old = Harvester(client, query=f"modified_until={long_ago.isoformat().replace('+', '%2B')}")
    assert old.walk_list("/oparl/v1/body/1/papers") == []
