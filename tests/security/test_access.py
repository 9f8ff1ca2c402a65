"""Every URL × every role returns the status of the access table; no URL without a row."""

import pytest
from django.test import override_settings
from django.urls import include, path, reverse

from tests.security.access_table import ACCESS, ADMIN, ADMIN_PREFIX
from tests.security.conftest import ROLES, client_for
from tests.security.urls import all_routes


def routes_without_rule(urlconf=None) -> list[str]:
    return [
        f"{route.name} ({route.route})"
        for route in all_routes(urlconf)
        if route.name not in ACCESS and not route.route.startswith(ADMIN_PREFIX)
    ]


def test_every_url_has_an_access_rule():
    assert routes_without_rule() == []


def test_access_table_has_no_rows_for_urls_that_are_gone():
    names = {route.name for route in all_routes()}
    assert sorted(set(ACCESS) - names) == []


# A throw-away URL configuration: the portal's, plus one view nobody wrote a rule for.
def _unguarded(request):  # pragma: no cover - never called
    raise AssertionError


urlpatterns = [
    path("", include("herne_portal.urls")),
    path("geheim/", _unguarded, name="unguarded_view"),
]


@override_settings(ROOT_URLCONF=__name__)
def test_a_view_without_rule_fails_the_suite():
    assert routes_without_rule(__name__) == ["unguarded_view (geheim/)"]


@pytest.mark.django_db
def test_status_per_role(personas, world):
    """Every row of the access table, against one world (built once: the suite stays fast).

    All differences are listed at once, one line per URL: ``name GET url: role seen≠expected``.
    """
    clients = {role: client_for(personas, role) for role in ROLES}
    differences = []
    for name in sorted(ACCESS):
        rule = ACCESS[name]
        url = reverse(name, kwargs=rule.kwargs(world))
        seen = {role: client.get(url) for role, client in clients.items()}
        wrong = [
            f"{role} {response.status_code}≠{rule.expect[role]}"
            for role, response in seen.items()
            if response.status_code != rule.expect[role]
        ]
        wrong += [
            f"{role} 302 to {response['Location']}"
            for role, response in seen.items()
            if response.status_code == 302
            and name != "set_language"
            and not response["Location"].startswith(reverse("login"))
        ]
        if wrong:
            differences.append(f"{name} GET {url}: {', '.join(wrong)}")
    assert differences == []


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_admin_pages_only_for_staff(role, personas):
    client = client_for(personas, role)
    urls = [reverse("admin:index")] + [
        route.route
        for route in all_routes()
        if route.name.startswith("admin:") and route.name.endswith("_changelist")
    ]
    for url in urls:
        url = url if url.startswith("/") else f"/{url}"
        response = client.get(url)
        assert response.status_code == ADMIN[role], f"{role} GET {url}"
        if response.status_code == 302:
            assert response["Location"].startswith(reverse("admin:login"))
