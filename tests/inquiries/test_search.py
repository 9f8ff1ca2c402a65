"""Full-text search of the public list: German stemming on PostgreSQL, safe with any input."""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils.html import strip_tags

from inquiries.models import Inquiry
from inquiries.search import query
from tests.factories import InquiryFactory
from tests.factories import publish_through_workflow as publish

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="German stemming needs PostgreSQL"
)


@pytest.fixture
def corpus(personas):
    smart = publish(
        InquiryFactory(
            author=personas.councillor_profile,
            subject="Ergebnis der Stadt Herne beim Smart City Index",
            preamble="Herne belegt nur Platz 67.",
            questions=["Wie will die Verwaltung den Rang verbessern?"],
        ),
        personas,
    )
    schools = publish(
        InquiryFactory(
            author=personas.councillor_profile,
            subject="WLAN an Schulen",
            preamble="Digitalpakt Schule.",
            questions=["Wie viele Schulen haben WLAN?"],
        ),
        personas,
    )
    answer = schools.answers.get()
    answer.text = "Die Glasfaseranschlüsse werden 2025 fertig."
    answer.save()
    hidden = InquiryFactory(author=personas.councillor_profile, subject="Smart City Entwurf")
    return smart, schools, hidden


def _list(client, q, **params):
    """The list page as HTML (``.html``) and as the text a reader sees (``str``)."""
    response = client.get(reverse("inquiries:list"), {"q": q, **params})
    assert response.status_code == 200
    return Page(response.content.decode())


class Page(str):
    def __new__(cls, html):
        page = super().__new__(cls, strip_tags(html))
        page.html = html
        return page


@pytest.mark.django_db
def test_search_finds_the_seed_by_subject_and_marks_the_words(client, corpus):
    page = _list(client, "Smart City")
    assert "Ergebnis der Stadt Herne beim Smart City Index" in page
    assert "WLAN an Schulen" not in page
    assert "Smart City Entwurf" not in page  # never anything unpublished
    assert "<mark>Smart</mark> <mark>City</mark>" in page.html


@pytest.mark.django_db
def test_search_looks_into_answers_and_combines_with_facets(client, corpus, personas):
    assert "WLAN an Schulen" in _list(client, "Glasfaseranschlüsse")
    page = _list(client, "Glasfaseranschlüsse", jahr="1999")
    assert "WLAN an Schulen" not in page


@postgres_only
@pytest.mark.django_db
def test_search_stems_german_words(client, corpus):
    # "Verwaltungen" finds "Verwaltung", "Schule" finds "Schulen".
    assert "Ergebnis der Stadt Herne" in _list(client, "Verwaltungen")
    assert "WLAN an Schulen" in _list(client, "Schule")


@postgres_only
@pytest.mark.django_db
def test_search_ranks_subject_hits_first(client, corpus):
    page = _list(client, "Schulen OR Verwaltung")
    assert page.index("WLAN an Schulen") < page.index("Ergebnis der Stadt Herne")


@pytest.mark.django_db
def test_snippet_never_lets_html_of_the_text_through(client, personas):
    publish(
        InquiryFactory(
            author=personas.councillor_profile,
            subject="Sicherheit",
            preamble="Ein <img src=x onerror=alert(1)> Parkhaus wird gebaut.",
        ),
        personas,
    )
    page = _list(client, "Parkhaus")
    assert "<img src=x" not in page.html
    assert "<mark>Parkhaus</mark>" in page.html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "q",
    [
        '"Smart City',
        "Smart & | ! ( ) City",
        "-Smart -City",
        "' OR 1=1; DROP TABLE inquiries_inquiry; --",
        "x" * 2000,
        "Smart\x00City",
        "%_\\",
        "<script>alert(1)</script>",
        ":* <-> <2>",
    ],
)
def test_odd_searches_return_a_page_never_an_error(client, corpus, q):
    page = _list(client, q)
    assert "<script>alert(1)</script>" not in page.html
    assert Inquiry.objects.count() == 3


@pytest.mark.django_db
def test_very_long_search_is_shortened_with_a_hint(client, corpus):
    page = _list(client, "Smart City " + "y" * 2000)
    assert "auf die ersten 200 Zeichen gekürzt" in page


@postgres_only
@pytest.mark.django_db
def test_search_with_only_stop_words_explains_why_nothing_was_found(client, corpus):
    page = _list(client, "und die der")
    assert "nur sehr häufige Wörter" in page


def test_clean_removes_control_characters_and_cuts_the_length():
    text = query.clean("  a\x00b\n\tc  " + "z" * 500)
    assert text.text.startswith("a b c")
    assert len(text.text) <= query.MAX_QUERY_LENGTH
    assert text.truncated
    assert not query.clean("   ")


@pytest.mark.django_db
def test_plural_finds_singular_on_every_database(client, corpus):
    assert "Ergebnis der Stadt Herne" in _list(client, "Verwaltungen")
