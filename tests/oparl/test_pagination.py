"""Lists page with a keyset cursor: nothing lost or repeated, constant queries per page."""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from inquiries import workflow
from inquiries.demo.bulk import InquirySpec, QuestionSpec, create_inquiries
from inquiries.models import Inquiry, Question
from oparl.pagination import encode_cursor
from tests.factories import CouncillorFactory, InquiryFactory, MeetingFactory, released_reply
from tests.factories import publish_through_workflow as publish
from tests.oparl.harvest import Harvester, check_object

PAPERS = "/oparl/v1/body/1/papers"


def _bulk_published(count: int, personas) -> list[Inquiry]:
    """``count`` published inquiries, each with a co-signer, two answered questions."""
    meeting = MeetingFactory.create()
    author, cosigner = CouncillorFactory.create(), CouncillorFactory.create()
    start = timezone.now() - datetime.timedelta(days=30)
    return create_inquiries(
        [
            InquirySpec(
                meeting=meeting,
                author=author,
                subject=f"Massenanfrage {n}",
                number=(2023, n + 1),
                submitted_at=start,
                answered_at=start,
                # Several share a publication time: the primary key breaks the tie.
                published_at=start + datetime.timedelta(minutes=n // 3),
                questions=[
                    QuestionSpec("Frage 1?", personas.department_a, answer="Antwort."),
                    QuestionSpec("Frage 2?", personas.department_a, with_previous=True),
                ],
                cosigners=[cosigner],
            )
            for n in range(count)
        ]
    )


def _get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return json.loads(response.content), len(queries.captured_queries)


@pytest.mark.django_db
def test_thousand_papers_page_without_loss_or_repeat_while_one_is_published(client, personas):
    inquiries = _bulk_published(1000, personas)
    released_reply(inquiries[10])
    # An inquiry written long ago, answered, and published while the walk runs.
    late = InquiryFactory(author=personas.councillor_profile, subject="Spät veröffentlicht")
    late_pk = late.pk

    seen, query_counts, url, pages = [], [], f"{PAPERS}?limit=100", 0
    while url:
        page, queries = _get(client, url)
        pages += 1
        query_counts.append(queries)
        for obj in page["data"]:
            check_object(obj)
        seen.extend(obj["id"] for obj in page["data"])
        url = page["links"].get("next")
        if pages == 3:
            Inquiry.objects.filter(pk=late_pk).update(status=Inquiry.Status.ANSWERED)
            late.refresh_from_db()
            for question in late.questions.all():
                Question.objects.filter(pk=question.pk).update(status=Question.Status.APPROVED)
            workflow.publish(late, personas.office)
        if pages > 40:
            pytest.fail("the walk does not end")

    assert len(seen) == len(set(seen)), "a paper was repeated"
    expected = {f"http://testserver/oparl/v1/paper/{i.pk}" for i in inquiries}
    expected |= {f"{url}/antwort" for url in expected}
    assert expected <= set(seen), "a paper was lost"
    # New publications are appended, so the walk meets the late one too.
    assert f"http://testserver/oparl/v1/paper/{late_pk}" in seen
    assert len(seen) == 2002
    assert pages == 21
    assert len(set(query_counts)) == 1, f"queries per page differ: {query_counts}"
    assert query_counts[0] <= 8


@pytest.mark.django_db
def test_query_count_does_not_grow_with_page_size(client, personas):
    _bulk_published(60, personas)
    _page, small = _get(client, f"{PAPERS}?limit=5")
    _page, large = _get(client, f"{PAPERS}?limit=100")
    assert small == large


@pytest.mark.django_db
def test_every_list_keeps_its_filters_in_the_links(client, personas, published):
    for _n in range(3):
        publish(InquiryFactory(author=personas.councillor_profile), personas)
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    harvest = Harvester(client, query=f"limit=1&created_since={since}")
    papers = harvest.walk_list("/oparl/v1/body/1/papers")
    assert len(papers) == 8
    assert harvest.pages["/oparl/v1/body/1/papers"] == 8


@pytest.mark.django_db
def test_created_and_modified_filters(client, personas, published):
    before = timezone.now()
    later = publish(InquiryFactory(author=personas.councillor_profile, subject="Neu"), personas)

    def names(**params):
        query = "&".join(f"{k}={v}" for k, v in params.items())
        page, _queries = _get(client, f"{PAPERS}?{query.replace('+', '%2B')}")
        return {paper["name"] for paper in page["data"] if paper["paperType"] == "Anfrage"}

    assert names(created_since=before.isoformat()) == {"Neu"}
    assert names(created_until=before.isoformat()) == {published.subject}
    assert names(modified_since=before.isoformat()) == {"Neu"}
    assert names(modified_until=before.isoformat()) == {published.subject}
    assert later.subject == "Neu"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "limit=zehn",
        "limit=0",
        "cursor=kaputt",
        "created_since=gestern",
        f"cursor={encode_cursor(9, [1], 0)}",
        f"cursor={encode_cursor(0, ['x', 'y'], 0)}",
        f"cursor={encode_cursor(0, [1, 2, 3], 0)}",
        "cursor=WzAsW3siYSI6MX0sMV0sMF0",  # [0,[{"a":1},1],0]
    ],
)
def test_bad_list_parameters_are_an_oparl_error(client, published, query):
    response = client.get(f"{PAPERS}?{query}")
    assert response.status_code == 400
    error = json.loads(response.content)
    assert error["type"] == "https://schema.oparl.org/1.1/Error"
    assert error["message"]


@pytest.mark.django_db
def test_offset_may_come_with_an_unencoded_plus(client, published):
    since = timezone.localtime(published.published_at - datetime.timedelta(minutes=1))
    page, _queries = _get(client, f"{PAPERS}?created_since={since.isoformat()}")
    assert {paper["name"] for paper in page["data"]} >= {published.subject}


@pytest.mark.django_db
def test_limit_is_capped(client, personas):
    _bulk_published(260, personas)
    page, _queries = _get(client, f"{PAPERS}?limit=100000")
    assert len(page["data"]) == 500
    assert page["pagination"]["elementsPerPage"] == 500
