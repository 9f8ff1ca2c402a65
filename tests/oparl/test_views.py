"""How the API answers: JSON in UTF-8, OParl errors, read-only, open to other sites."""

import json

import pytest

from tests.oparl.harvest import check_object


@pytest.mark.django_db
def test_system_links_to_the_body(client):
    response = client.get("/oparl/v1/")
    system = json.loads(response.content)
    check_object(system)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    bodies = json.loads(client.get(system["body"]).content)
    (body,) = bodies["data"]
    assert body["name"] == "Stadt Herne"
    assert body["ags"] == "05916000"
    assert json.loads(client.get(body["id"]).content) == body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/oparl/v1/gibt-es-nicht",
        "/oparl/v1/body/2",
        "/oparl/v1/body/2/papers",
        "/oparl/v1/paper/999",
        "/oparl/v1/organization/verein/1",
        "/oparl/v1/membership/fraktion/1/2",
        "/oparl/v1/file/999/download",
    ],
)
def test_unknown_objects_are_oparl_errors(client, url):
    response = client.get(url)
    assert response.status_code == 404
    error = json.loads(response.content)
    assert error["type"] == "https://schema.oparl.org/1.1/Error"
    assert error["message"] == "Dieses Objekt gibt es nicht oder es ist nicht veröffentlicht."


@pytest.mark.django_db
def test_api_is_read_only(client):
    response = client.post("/oparl/v1/", {})
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert json.loads(response.content)["type"] == "https://schema.oparl.org/1.1/Error"


@pytest.mark.django_db
def test_cors_is_open_for_reading_the_api_only(client):
    response = client.get("/oparl/v1/", headers={"Origin": "https://example.org"})
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/oparl/v1/body/1/papers",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"},
    )
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    page = client.get("/", headers={"Origin": "https://example.org"})
    assert "Access-Control-Allow-Origin" not in page


@pytest.mark.django_db
def test_footer_links_to_the_api(client):
    page = client.get("/").content.decode()
    assert 'href="/oparl/v1/"' in page


@pytest.mark.django_db
def test_body_links_the_rankings_open_data_of_every_edition(client):
    from rankings.demo import load_rankings

    load_rankings()
    body = json.loads(client.get("/oparl/v1/body/1").content)
    downloads = body["ratsportal:openData"]
    assert {d["name"] for d in downloads} >= {"Smart City Index 2021", "Smart City Index 2025"}
    csv_2021 = next(
        d for d in downloads if d["name"] == "Smart City Index 2021" and d["mimeType"] == "text/csv"
    )
    response = client.get(csv_2021["accessUrl"])
    assert response.status_code == 200
    assert "Herne" in response.content.decode()
