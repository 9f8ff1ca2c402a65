"""A councillor's email address and phone number never appear on a public page."""

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
    public = [name for name, rule in ACCESS.items() if rule.expect["anonymous"] == 200]
    assert "oparl:person" in public and "inquiries:detail" in public
    for name in public:
        response = client.get(reverse(name, kwargs=ACCESS[name].kwargs(world)))
        body = (
            b"".join(response.streaming_content) if response.streaming else response.content
        ).decode("utf-8", "replace")
        for secret in SECRETS:
            assert secret not in body, f"{secret} on {name}"
