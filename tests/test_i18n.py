"""German by default, English on request; every message of ours is translated."""

import gettext
from pathlib import Path

import polib
import pytest
from django.urls import reverse

LOCALE = Path(__file__).resolve().parents[1] / "locale"


@pytest.mark.django_db
def test_pages_are_german_by_default_and_english_on_request(client):
    page = client.get(reverse("inquiries:list")).content.decode()
    assert '<html lang="de">' in page
    assert "Veröffentlichte Anfragen" in page
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("inquiries:list")).content.decode()
    assert '<html lang="en">' in page
    assert "Published inquiries" in page


@pytest.mark.parametrize("domain", ["django"])
def test_german_catalogue_is_complete_and_compiled(domain):
    po = polib.pofile(str(LOCALE / "de" / "LC_MESSAGES" / f"{domain}.po"))
    assert len(po) > 50
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    with open(LOCALE / "de" / "LC_MESSAGES" / f"{domain}.mo", "rb") as fh:
        mo = gettext.GNUTranslations(fh)
    for entry in po.translated_entries():
        if entry.msgid_plural:
            continue
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        assert mo._catalog.get(key) == entry.msgstr, f".mo is stale for {entry.msgid!r}"


@pytest.mark.django_db
def test_an_english_browser_still_gets_german_until_english_is_chosen(client):
    page = client.get(reverse("inquiries:list"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="de">' in page.content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("inquiries:list"), HTTP_ACCEPT_LANGUAGE="de-DE")
    assert '<html lang="en">' in page.content.decode()
