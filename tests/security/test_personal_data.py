"""A councillor's email address and phone number never appear on a public page."""

import pytest
from django.urls import reverse

from tests.factories import InquiryFactory, publish_through_workflow, released_reply
from tests.security.access_table import ACCESS


@pytest.mark.django_db
def test_contact_data_never_on_public_urls(client, personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    profile = personas.councillor_profile
    profile.email, profile.phone = "geheim.rat@example.org", "+49 2323 999 111"
    profile.save()
    personas.councillor.email = "login.rat@example.org"
    personas.councillor.save()
    inquiry = publish_through_workflow(InquiryFactory(author=profile), personas)
    released_reply(inquiry)
    public = [name for name, rule in ACCESS.items() if rule.expect["anonymous"] == 200]
    for name in public:
        kwargs = {"pk": inquiry.pk} if "inquiries:" in name and name != "inquiries:list" else {}
        if name == "inquiries:reply_pdf_version":
            kwargs["version"] = 1
        if name == "password_reset_confirm":
            kwargs = {"uidb64": "MQ", "token": "x"}
        response = client.get(reverse(name, kwargs=kwargs))
        body = (
            b"".join(response.streaming_content) if response.streaming else response.content
        ).decode("utf-8", "replace")
        for secret in ("geheim.rat@example.org", "2323 999 111", "login.rat@example.org"):
            assert secret not in body, f"{secret} on {name}"
