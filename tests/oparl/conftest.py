"""Fixtures of the OParl tests: published inquiries and a place for reply PDFs."""

import pytest

from tests.factories import InquiryFactory
from tests.factories import publish_through_workflow as publish


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def published(personas):
    inquiry = InquiryFactory(
        author=personas.councillor_profile,
        subject="Digitale Schulen in Herne – Sachstand",
        questions=["Wie viele Schulen haben WLAN?", "Bis wann folgen die übrigen?"],
    )
    return publish(inquiry, personas)
