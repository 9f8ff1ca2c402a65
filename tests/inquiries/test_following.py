"""Following by email: double opt-in, one-click unsubscribe, limits, daily digests."""

import datetime
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from inquiries.following.digests import send_digests
from inquiries.models import Subscription
from tests.factories import InquiryFactory, TopicFactory
from tests.inquiries.test_views_public import publish


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def topic(db):
    return TopicFactory(name="Digitalisierung", slug="digitalisierung")


def _subscribe(client, follow, email="leser@example.org", **extra):
    return client.post(reverse("inquiries:subscribe"), {"email": email, "follow": follow, **extra})


def _link(body, name):
    return re.search(rf"(http://\S+/abo/{name}/[^/\s]+/)", body).group(1)


@pytest.mark.django_db
def test_sign_up_sends_a_confirmation_link_and_only_confirmed_addresses_count(
    client, topic, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _subscribe(client, f"topic:{topic.pk}")
    assert response.status_code == 200
    assert "Bestätigungslink" in response.content.decode()
    assert len(mail.outbox) == 1
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None
    confirm_url = _link(mail.outbox[0].body, "bestaetigen")
    path = confirm_url.split("://", 1)[1].split("/", 1)[1]
    assert client.get(f"/{path}").status_code == 200  # a mail scanner opening the link
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None
    page = client.post(f"/{path}").content.decode()
    assert "Ihr Abonnement ist aktiv: Ein Thema: Digitalisierung" in page
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None


@pytest.mark.django_db
@pytest.mark.parametrize("email", ["", "kein-at-zeichen", "a@b", "x" * 300 + "@example.org"])
def test_invalid_addresses_are_refused_next_to_the_field(client, topic, email):
    response = _subscribe(client, f"topic:{topic.pk}", email=email)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_email_error"' in page
    assert 'aria-describedby="id_email_error"' in page
    assert Subscription.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("follow", ["", "topic:999", "thema:1", "inquiry:abc", "search:; DROP"])
def test_unknown_targets_are_refused(client, topic, follow):
    assert _subscribe(client, follow).status_code == 400
    assert Subscription.objects.count() == 0


@pytest.mark.django_db
def test_unpublished_inquiry_cannot_be_followed(client, personas):
    draft = InquiryFactory(author=personas.councillor_profile)
    assert _subscribe(client, f"inquiry:{draft.pk}").status_code == 400


@pytest.mark.django_db
def test_repeated_sign_up_looks_the_same_and_sends_no_second_mail(
    client, topic, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = _subscribe(client, f"topic:{topic.pk}")
        second = _subscribe(client, f"topic:{topic.pk}")
    assert _visible(first) == _visible(second)
    assert len(mail.outbox) == 1
    assert Subscription.objects.count() == 1


def _visible(response):
    page = response.content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


@pytest.mark.django_db
def test_sign_ups_from_one_client_are_limited(client, topic, settings):
    settings.SUBSCRIPTION_SIGNUPS_PER_HOUR = 3
    codes = [
        _subscribe(client, f"topic:{topic.pk}", email=f"p{i}@example.org").status_code
        for i in range(5)
    ]
    assert codes == [200, 200, 200, 429, 429]
    assert Subscription.objects.count() == 3


@pytest.mark.django_db
def test_one_click_unsubscribe_deletes_without_a_form_token(client, topic):
    subscription = Subscription.objects.create(
        email="leser@example.org", kind="topic", topic=topic, confirmed_at=timezone.now()
    )
    csrf_client = client.__class__(enforce_csrf_checks=True)
    url = reverse("inquiries:subscription_unsubscribe", args=[subscription.token])
    assert "Abbestellen" in csrf_client.get(url).content.decode()
    response = csrf_client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    # An unknown token gets the same answer.
    assert csrf_client.post(url).status_code == 200


@pytest.mark.django_db
def test_daily_digest_batches_news_per_address_and_is_safe_to_run_twice(client, personas, topic):
    start = timezone.now() - datetime.timedelta(days=1)
    by_topic = Subscription.objects.create(
        email="leser@example.org",
        kind="topic",
        topic=topic,
        confirmed_at=start,
        notified_until=start,
    )
    Subscription.objects.create(
        email="leser@example.org",
        kind="councillor",
        councillor=personas.councillor_profile,
        confirmed_at=start,
        notified_until=start,
    )
    Subscription.objects.create(email="unbestaetigt@example.org", kind="topic", topic=topic)
    first = publish(InquiryFactory(author=personas.councillor_profile, subject="Neu A"), personas)
    publish(InquiryFactory(author=personas.councillor_profile, subject="Neu B"), personas)
    topic.inquiries.add(first)

    assert send_digests.call() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["leser@example.org"]
    assert "Neu A" in message.body
    assert "Neu B" in message.body
    assert "Ein Thema: Digitalisierung" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f"/abo/abmelden/{by_topic.token}/" in message.body

    assert send_digests.call() == 0  # nothing new: nothing sent twice
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_saved_search_digest_uses_the_list_filters(personas, topic):
    start = timezone.now() - datetime.timedelta(hours=1)
    Subscription.objects.create(
        email="suche@example.org",
        kind="search",
        search="thema=digitalisierung",
        confirmed_at=start,
        notified_until=start,
    )
    hit = publish(InquiryFactory(author=personas.councillor_profile, subject="Treffer"), personas)
    publish(InquiryFactory(author=personas.councillor_profile, subject="Daneben"), personas)
    topic.inquiries.add(hit)
    assert send_digests.call() == 1
    assert "Treffer" in mail.outbox[0].body
    assert "Daneben" not in mail.outbox[0].body


@pytest.mark.django_db
def test_follow_form_on_the_inquiry_page_offers_inquiry_topic_department_and_author(
    client, personas, topic
):
    inquiry = publish(InquiryFactory(author=personas.councillor_profile), personas)
    topic.inquiries.add(inquiry)
    page = client.get(inquiry.get_absolute_url()).content.decode()
    assert f'value="inquiry:{inquiry.pk}"' in page
    assert f'value="topic:{topic.pk}"' in page
    assert f'value="department:{personas.department_a.pk}"' in page
    assert f'value="councillor:{inquiry.author_id}"' in page


@pytest.mark.django_db
def test_daily_command_enqueues_the_digest_job(personas, topic):
    import io

    from django.core.management import call_command

    start = timezone.now() - datetime.timedelta(hours=1)
    Subscription.objects.create(
        email="cron@example.org",
        kind="topic",
        topic=topic,
        confirmed_at=start,
        notified_until=start,
    )
    topic.inquiries.add(publish(InquiryFactory(author=personas.councillor_profile), personas))
    out = io.StringIO()
    call_command("send_digests", stdout=out)  # the test settings run jobs at once
    assert "enqueued" in out.getvalue()
    assert [m.to for m in mail.outbox] == [["cron@example.org"]]
