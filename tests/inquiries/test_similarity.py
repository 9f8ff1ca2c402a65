"""similar_inquiries finds earlier answered inquiries on the same topic, best first."""

import datetime

import pytest
from django.utils import timezone

from inquiries.models import Inquiry
from inquiries.search.similarity import similar_inquiries
from inquiries.search.words import words
from tests.factories import InquiryFactory


def answered(subject, questions, status=Inquiry.Status.PUBLISHED, days_ago=10):
    inquiry = InquiryFactory(subject=subject, questions=questions)
    when = timezone.now() - datetime.timedelta(days=days_ago)
    Inquiry.objects.filter(pk=inquiry.pk).update(
        status=status,
        answered_at=when,
        published_at=when if status == Inquiry.Status.PUBLISHED else None,
    )
    return inquiry


@pytest.fixture
def earlier(db):
    return {
        "fibre": answered(
            "Glasfaserausbau in Herne",
            ["Wie viele Haushalte haben einen Glasfaseranschluss?", "Wann ist der Ausbau fertig?"],
        ),
        "schools": answered(
            "WLAN an Schulen", ["Wie viele Schulen haben WLAN?"], status=Inquiry.Status.ANSWERED
        ),
        "parking": answered("Parkgebühren", ["Wie haben sich die Parkgebühren entwickelt?"]),
        "draft": InquiryFactory(subject="Glasfaser Entwurf", questions=["Glasfaseranschluss?"]),
    }


def test_words_drops_short_words_stopwords_and_repeats():
    assert words("Wie viele Haushalte haben Glasfaser, Glasfaser und 5G?") == [
        "haushalte",
        "glasfaser",
    ]


@pytest.mark.django_db
def test_most_similar_comes_first_and_drafts_are_never_found(earlier):
    results = similar_inquiries(
        "Glasfaser für Wanne-Eickel", ["Wie viele Haushalte haben einen Glasfaseranschluss?"]
    )
    assert results[0] == earlier["fibre"]
    assert earlier["draft"] not in results
    assert earlier["parking"] not in results
    assert [q.number for q in results[0].questions.all()] == [1, 2]


@pytest.mark.django_db
def test_answered_but_unpublished_only_when_asked(earlier):
    texts = ["Wie viele Schulen haben WLAN?"]
    assert earlier["schools"] in similar_inquiries("WLAN an Schulen", texts)
    assert earlier["schools"] not in similar_inquiries(
        "WLAN an Schulen", texts, published_only=True
    )


@pytest.mark.django_db
def test_exclude_answered_since_and_limit(earlier):
    old = answered("Glasfaser im Norden", ["Glasfaseranschluss im Norden?"], days_ago=400)
    since = timezone.now() - datetime.timedelta(days=180)
    results = similar_inquiries(
        "Glasfaser", ["Glasfaseranschluss?"], exclude_pk=earlier["fibre"].pk, answered_since=since
    )
    assert earlier["fibre"] not in results
    assert old not in results
    assert len(similar_inquiries("Glasfaser", ["Glasfaseranschluss?"], limit=1)) == 1


@pytest.mark.django_db
def test_nothing_to_compare_finds_nothing(earlier):
    assert similar_inquiries("", []) == []
    assert similar_inquiries("und oder", ["wie?"]) == []
