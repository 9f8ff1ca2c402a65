"""One client address for every rate limit: REMOTE_ADDR, or X-Forwarded-For behind proxies."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse

from herne_portal.client_address import client_address
from tests.factories import TopicFactory


def _request(forwarded=None, remote="10.0.0.1"):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


def test_without_a_proxy_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(_request("203.0.113.9")) == "10.0.0.1"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "198.51.100.1, 203.0.113.9", "203.0.113.9"),  # the client's own claim comes first
        (2, "198.51.100.1, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (2, "203.0.113.9", "10.0.0.1"),  # fewer hops than proxies: not through them
        (1, "", "10.0.0.1"),
    ],
)
def test_behind_proxies_the_nth_address_from_the_right(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_address(_request(forwarded)) == expected


@pytest.mark.django_db
def test_sign_up_limit_counts_per_client_address_behind_a_proxy(client, settings):
    cache.clear()
    settings.TRUSTED_PROXY_COUNT = 1
    settings.SUBSCRIPTION_SIGNUPS_PER_HOUR = 1
    topic = TopicFactory()

    def sign_up(address, n):
        data = {"email": f"p{n}@example.org", "follow": f"topic:{topic.pk}"}
        return client.post(reverse("inquiries:subscribe"), data, HTTP_X_FORWARDED_FOR=address)

    assert [sign_up("203.0.113.1", 1).status_code, sign_up("203.0.113.1", 2).status_code] == [
        200,
        429,
    ]
    assert sign_up("203.0.113.2", 3).status_code == 200  # another client behind the same proxy
    cache.clear()


@pytest.mark.django_db
def test_login_lock_counts_per_client_address_behind_a_proxy(client, personas, settings):
    settings.TRUSTED_PROXY_COUNT = 1

    def attempt(address):
        data = {"username": "councillor", "password": "falsch"}
        return client.post(reverse("login"), data, HTTP_X_FORWARDED_FOR=address).status_code

    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt("203.0.113.1")
    assert attempt("203.0.113.1") == 429
    assert attempt("203.0.113.2") == 200  # locked is that address, not the proxy
