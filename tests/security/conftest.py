"""A small world with objects in every state, and a client logged in as each role."""

from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.db.models import Model
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from inquiries import workflow
from inquiries.models import (
    AnswerAttachment,
    Inquiry,
    LegislativeTerm,
    Question,
    Subscription,
    Topic,
)
from rankings.models import RankingEntry
from tests.factories import (
    SMALL_PDF,
    InquiryFactory,
    RankingEntryFactory,
    TopicFactory,
    publish_through_workflow,
    released_reply,
    routed_inquiry,
    submitted_inquiry,
)

# The roles of the access table, and the persona each one logs in as.
ROLES = {
    "anonymous": None,
    "councillor": "councillor",
    "other_councillor": "other_councillor",
    "clerk_other_department": "clerk_b",
    "head": "head_a",
    "office": "office",
    "admin": "admin",
}


@dataclass
class World:
    published: Inquiry  # by personas.councillor, answered by department A, reply PDF v1
    attachment: AnswerAttachment  # of an approved answer of ``published``
    draft: Inquiry  # by personas.councillor, never submitted
    submitted: Inquiry  # by personas.councillor, submitted, not yet registered
    registered: Inquiry  # by personas.councillor, registered, not yet routed
    routed: Inquiry  # by personas.councillor, both questions routed to department A
    drafting: Question  # question 2 of ``routed``: an answer being drafted
    in_review: Question  # question 1 of ``routed``: its answer waits for the head
    topic: Topic  # a topic of ``published``
    ranking: RankingEntry  # a city's overall rank in an edition of the Smart City Index
    subscription: Subscription  # a confirmed email subscription to ``published``
    term: LegislativeTerm
    seat: Model  # ``personas.councillor`` in the committee of ``published``'s meeting
    app: TOTPDevice  # an authenticator app of personas.clerk_a, whom no role logs in as


@pytest.fixture
def world(personas, settings, tmp_path) -> World:
    settings.MEDIA_ROOT = tmp_path
    councillor = personas.councillor_profile
    published = publish_through_workflow(
        InquiryFactory(author=councillor, subject="Öffentlich"), personas
    )
    released_reply(published)
    answer = published.questions.get(number=1).answer
    attachment = AnswerAttachment(
        answer=answer,
        original_name="anlage.pdf",
        title="Anlage",
        content_type="application/pdf",
        size=len(SMALL_PDF),
        sha256="0" * 64,
        uploaded_by=personas.clerk_a,
    )
    attachment.file.save("anlage", ContentFile(SMALL_PDF), save=False)
    attachment.save()
    draft = InquiryFactory.create(author=councillor, subject="Vertraulich Entwurf")
    submitted = submitted_inquiry(personas.councillor, subject="Vertraulich eingereicht")
    registered = InquiryFactory.create(author=councillor, subject="Vertraulich registriert")
    workflow.submit(registered, personas.councillor)
    workflow.register(registered, personas.office, registered.meeting.starts_at.date())
    routed = routed_inquiry(personas, subject="Vertraulich beim Fachbereich")
    in_review, drafting = routed.questions.order_by("number")
    workflow.draft_answer(in_review, personas.clerk_a, "Eine Antwort zur Freigabe.")
    workflow.send_for_review(in_review, personas.clerk_a)
    workflow.draft_answer(drafting, personas.clerk_a, "Ein Entwurf.")
    councillor.committees.add(published.meeting.committee)
    topic = TopicFactory.create(slug="digitales", name="Digitales")
    topic.inquiries.add(published)
    return World(
        published=published,
        attachment=attachment,
        draft=draft,
        submitted=submitted,
        registered=registered,
        routed=routed,
        drafting=drafting,
        in_review=in_review,
        topic=topic,
        ranking=RankingEntryFactory.create(),
        subscription=Subscription.objects.create(
            email="leser@example.org", kind="inquiry", inquiry=published
        ),
        term=LegislativeTerm.objects.create(name="2020–2025", start_date="2020-11-01"),
        seat=councillor.committees.through.objects.get(councillor=councillor),
        app=TOTPDevice.objects.create(user=personas.clerk_a, name="App", confirmed=True),
    )


def client_for(personas, role: str, **kwargs) -> Client:
    client = Client(**kwargs)
    attribute = ROLES[role]
    if attribute is not None:
        client.force_login(getattr(personas, attribute))
    return client
