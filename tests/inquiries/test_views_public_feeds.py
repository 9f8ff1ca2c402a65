"""Atom feeds, the iCal feed of meetings and the sitemap show published things only."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from inquiries import workflow
from tests.factories import InquiryFactory, MeetingFactory, TopicFactory
from tests.inquiries.test_views_public import publish


@pytest.fixture
def two(personas):
    topic = TopicFactory(name="Digitalisierung", slug="digitalisierung")
    on_topic = publish(
        InquiryFactory(author=personas.councillor_profile, subject="Glasfaser für Schulen"),
        personas,
    )
    topic.inquiries.add(on_topic)
    other = publish(
        InquiryFactory(author=personas.councillor_profile, subject="Parkhaus am Bahnhof"),
        personas,
    )
    draft = InquiryFactory(author=personas.councillor_profile, subject="Geheimer Entwurf")
    return topic, on_topic, other, draft


@pytest.mark.django_db
def test_atom_feed_lists_published_inquiries(client, two):
    response = client.get(reverse("inquiries:feed"))
    body = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Glasfaser für Schulen" in body
    assert "Parkhaus am Bahnhof" in body
    assert "Geheimer Entwurf" not in body


@pytest.mark.django_db
def test_topic_department_councillor_and_search_feeds_narrow_the_list(client, personas, two):
    topic, on_topic, other, _draft = two
    body = client.get(reverse("inquiries:feed_topic", args=[topic.slug])).content.decode()
    assert on_topic.subject in body
    assert other.subject not in body
    body = client.get(
        reverse("inquiries:feed_department", args=[personas.department_a.pk])
    ).content.decode()
    assert on_topic.subject in body
    body = client.get(
        reverse("inquiries:feed_councillor", args=[personas.councillor_profile.pk])
    ).content.decode()
    assert other.subject in body
    body = client.get(reverse("inquiries:feed_search"), {"q": "Parkhaus"}).content.decode()
    assert other.subject in body
    assert on_topic.subject not in body
    assert client.get(reverse("inquiries:feed_topic", args=["gibt-es-nicht"])).status_code == 404
    assert client.get(reverse("inquiries:feed_search"), {"jahr": "x"}).status_code == 200


@pytest.mark.django_db
def test_inquiry_feed_shows_its_public_timeline_and_hides_drafts(client, two):
    _topic, on_topic, _other, draft = two
    body = client.get(reverse("inquiries:feed_inquiry", args=[on_topic.pk])).content.decode()
    assert "Veröffentlicht" in body
    assert client.get(reverse("inquiries:feed_inquiry", args=[draft.pk])).status_code == 404


@pytest.mark.django_db
def test_ical_feed_has_meetings_and_their_deadlines(client, personas):
    meeting = MeetingFactory(
        committee__name="Rat der Stadt Herne",
        starts_at=timezone.now() + datetime.timedelta(days=20),
    )
    cancelled = MeetingFactory(starts_at=timezone.now() + datetime.timedelta(days=40))
    cancelled.is_cancelled = True
    cancelled.save()
    response = client.get(reverse("inquiries:meetings_ical"))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    host_event = next(e for uid, e in events.items() if uid.startswith(f"meeting-{meeting.pk}@"))
    assert str(host_event["summary"]) == "Rat der Stadt Herne"
    assert "Frist für Anfragen" in str(host_event["description"])
    assert any(uid.startswith(f"meeting-{meeting.pk}-deadline@") for uid in events)
    cancelled_event = next(
        e for uid, e in events.items() if uid.startswith(f"meeting-{cancelled.pk}@")
    )
    assert str(cancelled_event["status"]) == "CANCELLED"


@pytest.mark.django_db
def test_withdrawn_inquiry_is_in_no_feed(client, personas):
    inquiry = InquiryFactory(author=personas.councillor_profile, subject="Zurückgezogen")
    workflow.submit(inquiry, personas.councillor)
    workflow.withdraw(inquiry, personas.councillor, "Erledigt.")
    assert "Zurückgezogen" not in client.get(reverse("inquiries:feed")).content.decode()
