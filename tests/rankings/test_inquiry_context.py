"""An inquiry names cities, an edition and areas; its page shows their ranks and changes."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rankings.models import Area, City, Edition, InquiryContext
from tests.factories import InquiryFactory
from tests.factories import publish_through_workflow as publish


@pytest.fixture
def published_inquiry(personas):
    inquiry = InquiryFactory(
        author=personas.councillor_profile,
        subject="Ergebnis der Stadt Herne beim Smart City Index",
        questions=["Welche Konsequenzen zieht die Verwaltung?"],
    )
    return publish(inquiry, personas)


def panel_text(response) -> str:
    html = response.content.decode()
    match = re.search(r'<aside class="ranking-context".*?</aside>', html, re.S)
    assert match, "no context panel"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(0)))


def link(inquiry, cities, areas, year=2021):
    context = InquiryContext.objects.create(inquiry=inquiry, edition=Edition.objects.get(year=year))
    context.cities.set(City.objects.filter(name__in=cities))
    context.areas.set(Area.objects.filter(code__in=areas))
    return context


@pytest.mark.django_db
def test_inquiry_page_shows_ranks_and_changes_of_named_cities(
    client, index_data, published_inquiry
):
    link(published_inquiry, ["Herne", "Bochum", "Gelsenkirchen"], ["verwaltung"])
    panel = panel_text(client.get(published_inquiry.get_absolute_url()))
    assert "Smart City Index 2021" in panel
    assert "Herne 67 (+6) 73 (−6)" in panel
    assert "Bochum 7 (+11) —" in panel
    assert "Herne, 2020, Verwaltung: abgeleitet – 2021 rank 73 after -6" in panel


@pytest.mark.django_db
def test_inquiry_without_context_shows_no_panel(client, index_data, published_inquiry):
    html = client.get(published_inquiry.get_absolute_url()).content.decode()
    assert "ranking-context" not in html


@pytest.mark.django_db
def test_context_panel_runs_constant_queries(client, index_data, published_inquiry):
    context = link(published_inquiry, ["Herne"], [])
    url = published_inquiry.get_absolute_url()
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    context.cities.set(City.objects.all())
    context.areas.set(Area.objects.all())
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert "Hamburg 1" in panel_text(response)
    assert len(large) == len(small)


@pytest.mark.django_db
def test_staff_answering_the_seed_see_the_same_context_panel(client):
    import io

    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.urls import reverse

    from inquiries.models import Inquiry

    call_command("load_demo", stdout=io.StringIO())
    seed = Inquiry.objects.get(subject="Ergebnis der Stadt Herne beim Smart City Index")
    client.force_login(User.objects.get(username="buero.rat"))
    office_page = client.get(reverse("inquiries:office_inquiry", args=[seed.pk])).content.decode()
    assert "Smart City Index 2021" in office_page
    assert "Herne" in office_page
    assert reverse("inquiries:reply_preview", args=[seed.pk]) in office_page
    client.force_login(User.objects.get(username="sb.digital"))
    question = seed.questions.get(number=1)
    page = client.get(reverse("inquiries:department_question", args=[question.pk]))
    assert page.status_code == 200
    assert 'class="ranking-context"' in page.content.decode()
