"""``/healthz`` tells load balancers whether this server can serve."""

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse


@pytest.mark.django_db
def test_healthz_reports_database_and_queue_without_login(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    data = response.json()
    assert data["status"] == "ok"
    assert data["checks"]["database"]["ok"] is True
    assert data["checks"]["task_queue"]["ok"] is True


@pytest.mark.django_db
def test_healthz_counts_waiting_jobs_of_the_database_queue(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from herne_portal.mail import send_email

    send_email.enqueue("Betreff", "Text", ["rat@example.org"])
    queue = client.get(reverse("healthz")).json()["checks"]["task_queue"]
    assert queue == {"ok": True, "backend": "DatabaseBackend", "ready": 1, "failed": 0}


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_fails(settings):
    def broken(execute, sql, params, many, context):
        from django.db import OperationalError

        raise OperationalError("server closed the connection unexpectedly")

    with connection.execute_wrapper(broken):
        response = Client().get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == {"ok": False, "error": "OperationalError"}
