"""Public URLs show neither a councillor's contact data nor anything of an unpublished inquiry."""

import pytest
from django.urls import reverse

from tests.security.access_table import ACCESS

SECRETS = ("geheim.rat@example.org", "2323 999 111", "login.rat@example.org")


@pytest.mark.django_db
def test_contact_data_never_on_public_urls(client, personas, world):
    profile = personas.councillor_profile  # the author of every inquiry of the world
    profile.email, profile.phone = SECRETS[0], "+49 2323 999 111"
    profile.save()
    personas.councillor.email = SECRETS[2]
    personas.councillor.save()
    for name, body in _public_bodies(client, world):
        for secret in SECRETS:
            assert secret not in body, f"{secret} on {name}"


@pytest.mark.django_db
def test_unpublished_inquiries_never_on_public_urls(client, world):
    """Lists, feeds, sitemap, statistics and the OParl API: drafts and work in progress
    stay out, whatever the URL (the world's unpublished subjects all start the same)."""
    shown = []
    for name, body in _public_bodies(client, world):
        assert "Vertraulich" not in body, name
        if world.published.subject in body:
            shown.append(name)
    assert "Vertraulich" not in world.published.subject
    assert "inquiries:list" in shown
    assert "inquiries:feed" in shown


def _public_bodies(client, world):
    public = [name for name, rule in ACCESS.items() if rule.expect["anonymous"] == 200]
    assert "oparl:person" in public
    assert "inquiries:detail" in public
    for name in public:
        response = client.get(reverse(name, kwargs=ACCESS[name].kwargs(world)))
        content = b"".join(response.streaming_content) if response.streaming else response.content
        yield name, content.decode("utf-8", "replace")
