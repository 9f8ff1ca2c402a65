"""Friendly error pages, and the database going away for a moment."""

import psycopg
import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.factories import InquiryFactory, publish_through_workflow


@pytest.mark.django_db
def test_not_found_page_is_german_and_friendly(client):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    text = response.content.decode()
    assert "Seite nicht gefunden" in text
    assert reverse("inquiries:list") in text


@pytest.mark.django_db
def test_server_error_page_is_german_and_friendly(client, settings):
    # An unexpected exception inside a view: the 500 page, without a trace.
    def failing(execute, sql, params, many, context):
        raise ZeroDivisionError

    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(failing):
        response = client.get(reverse("inquiries:list"))
    assert response.status_code == 500
    text = response.content.decode()
    assert "Bei uns ist etwas schiefgegangen" in text
    assert "ZeroDivisionError" not in text


@pytest.mark.skipif(connection.vendor != "postgresql", reason="terminates a PostgreSQL backend")
@pytest.mark.django_db(transaction=True)
def test_database_connection_killed_mid_request_gives_friendly_page_then_recovers(personas):
    inquiry = publish_through_workflow(InquiryFactory(author=personas.councillor_profile), personas)
    client = Client(raise_request_exception=False)
    assert client.get(inquiry.get_absolute_url()).status_code == 200

    settings_dict = connection.settings_dict
    calls = []

    def terminate_on_second_query(execute, sql, params, many, context):
        calls.append(sql)
        if len(calls) == 2:
            # From outside, as a failover or a restart of PostgreSQL would.
            pid = connection.connection.info.backend_pid
            with psycopg.connect(
                host=settings_dict["HOST"],
                port=settings_dict["PORT"] or 5432,
                user=settings_dict["USER"],
                password=settings_dict["PASSWORD"],
                dbname=settings_dict["NAME"],
                autocommit=True,
            ) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", [pid])
        return execute(sql, params, many, context)

    with connection.execute_wrapper(terminate_on_second_query):
        response = client.get(inquiry.get_absolute_url())
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Das Portal ist kurz nicht erreichbar" in response.content.decode()

    # The next request opens a new connection and works.
    assert client.get(inquiry.get_absolute_url()).status_code == 200
