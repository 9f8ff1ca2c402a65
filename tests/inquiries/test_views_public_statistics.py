"""Transparency statistics: the same numbers in tables and SVG charts."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from inquiries import selectors
from inquiries.models import Inquiry
from tests.factories import InquiryFactory
from tests.factories import publish_through_workflow as publish


@pytest.fixture
def answered(personas):
    """Two published inquiries: one answered in 4 days and on time, one in 10 days, late."""
    base = timezone.now() - datetime.timedelta(days=60)
    result = []
    for days, due_in in [(4, 7), (10, 7)]:
        inquiry = publish(InquiryFactory(author=personas.councillor_profile), personas)
        Inquiry.objects.filter(pk=inquiry.pk).update(
            submitted_at=base,
            registered_at=base,
            answered_at=base + datetime.timedelta(days=days),
            due_date=(base + datetime.timedelta(days=due_in)).date(),
        )
        inquiry.answers.update(approved_at=base + datetime.timedelta(days=days))
        result.append(inquiry)
    return result


@pytest.mark.django_db
def test_figures_per_year_and_department(answered, personas):
    (year,) = selectors.statistics_by_year()
    assert year.answered == 2
    assert year.median_days == 7.0
    assert year.on_time_percent == 50
    (department,) = selectors.statistics_by_department()
    assert department.label == str(personas.department_a)
    assert department.answered == 4  # two questions each
    assert department.on_time_percent == 50


@pytest.mark.django_db
def test_statistics_page_shows_tables_and_chart_images(client, answered):
    page = client.get(reverse("inquiries:statistics")).content.decode()
    assert "<caption" in page
    assert '<th scope="row">' in page
    # median days (German decimal comma) and share on time, in the year's row
    assert "<td>2</td><td>7,0</td><td>50 %</td>" in page
    assert f'src="{reverse("inquiries:chart_by_year")}"' in page


@pytest.mark.django_db
def test_charts_are_svg_without_scripts(client, answered):
    for name in ["inquiries:chart_by_year", "inquiries:chart_by_department"]:
        response = client.get(reverse(name))
        assert response["Content-Type"] == "image/svg+xml"
        body = response.content.decode()
        assert "<svg" in body
        assert "<script" not in body
        assert 'href="http' not in body  # nothing loaded from anywhere


@pytest.mark.django_db
def test_statistics_page_without_data_says_so(client):
    page = client.get(reverse("inquiries:statistics")).content.decode()
    assert "noch keine beantworteten Anfragen" in page


@pytest.mark.django_db
def test_share_on_time_has_its_own_axis_and_legends_are_whole(client, answered):
    svg = client.get(reverse("inquiries:chart_by_year")).content.decode()
    assert 'class="axis y2' in svg  # the percentage scale
    assert "Median der Tage bis zur Antwort" in svg  # not cut off
