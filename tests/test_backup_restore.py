"""The backup procedure of docs/deployment.md: pg_dump, pg_restore into a new database, read it."""

import shutil
import subprocess
import uuid

import psycopg
import pytest
from django.db import connection

from inquiries.models import Inquiry
from tests.factories import InquiryFactory, publish_through_workflow

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump needs PostgreSQL"),
    pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump not installed"),
]


def _url(name: str) -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgresql://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


@pytest.mark.django_db(transaction=True)
def test_dump_and_restore_keep_every_inquiry_and_its_audit_trail(personas, tmp_path):
    inquiry = publish_through_workflow(
        InquiryFactory(author=personas.councillor_profile, subject="Smart City Index"), personas
    )
    dump = tmp_path / "ratsportal.dump"
    subprocess.run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            f"--file={dump}",
            _url(connection.settings_dict["NAME"]),
        ],
        check=True,
        timeout=120,
    )
    restored = f"ratsportal_restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_url("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{restored}"')
    try:
        subprocess.run(
            ["pg_restore", "--no-owner", f"--dbname={_url(restored)}", str(dump)],
            check=True,
            timeout=120,
        )
        with psycopg.connect(_url(restored)) as copy:
            row = copy.execute(
                "SELECT subject, status FROM inquiries_inquiry WHERE id = %s", [inquiry.pk]
            ).fetchone()
            events = copy.execute(
                "SELECT count(*) FROM inquiries_auditevent WHERE inquiry_id = %s", [inquiry.pk]
            ).fetchone()[0]
            migrations = copy.execute("SELECT count(*) FROM django_migrations").fetchone()[0]
        assert row == ("Smart City Index", Inquiry.Status.PUBLISHED)
        assert events == inquiry.events.count() > 0
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM django_migrations")
            assert migrations == cursor.fetchone()[0]
    finally:
        with psycopg.connect(_url("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{restored}" WITH (FORCE)')
