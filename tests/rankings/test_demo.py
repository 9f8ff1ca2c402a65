"""load_demo loads the index and links the seed inquiry to Herne 2021, Verwaltung."""

import io

import pytest
from django.core.management import call_command

from rankings.demo import load_rankings
from rankings.models import City, InquiryContext, RankingEntry


@pytest.mark.django_db
def test_load_demo_loads_index_and_links_seed_inquiry(client):
    call_command("load_demo", stdout=io.StringIO())
    context = InquiryContext.objects.get()
    assert context.edition.year == 2021
    assert sorted(c.name for c in context.cities.all()) == ["Bochum", "Gelsenkirchen", "Herne"]
    assert [a.code for a in context.areas.all()] == ["verwaltung"]
    herne = City.objects.get(name="Herne")
    assert herne.federal_state == "NW"
    assert herne.ags == "05916000"
    assert sorted(p.name for p in herne.peers.all()) == ["Bochum", "Gelsenkirchen"]
    html = client.get(context.inquiry.get_absolute_url()).content.decode()
    assert "ranking-context" in html

    count = RankingEntry.objects.count()
    report = load_rankings()
    assert report.added == report.changed == 0
    assert RankingEntry.objects.count() == count
    assert InquiryContext.objects.count() == 1
