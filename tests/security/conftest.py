"""A small world with objects in every state, and a client logged in as each role."""

from dataclasses import dataclass

import pytest
from django.test import Client

from inquiries import workflow
from inquiries.models import Inquiry
from tests.factories import InquiryFactory, publish_through_workflow, released_reply

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
    draft: Inquiry  # by personas.councillor, never submitted
    registered: Inquiry  # by personas.councillor, registered, not yet answered


@pytest.fixture
def world(personas, settings, tmp_path) -> World:
    settings.MEDIA_ROOT = tmp_path
    published = publish_through_workflow(
        InquiryFactory(author=personas.councillor_profile, subject="Öffentlich"), personas
    )
    released_reply(published)
    draft = InquiryFactory(author=personas.councillor_profile, subject="Entwurf")
    registered = InquiryFactory(author=personas.councillor_profile, subject="In Arbeit")
    workflow.submit(registered, personas.councillor)
    workflow.register(registered, personas.office, registered.meeting.starts_at.date())
    return World(published=published, draft=draft, registered=registered)


def client_for(personas, role: str, **kwargs) -> Client:
    client = Client(**kwargs)
    attribute = ROLES[role]
    if attribute is not None:
        client.force_login(getattr(personas, attribute))
    return client
