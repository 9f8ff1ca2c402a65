"""One clean migration history per app, nothing pending, and an empty database migrates."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

ROOT = Path(__file__).resolve().parents[1]
OWN_APPS = ("inquiries", "rankings", "accounts", "herne_portal")


@pytest.mark.django_db
def test_makemigrations_finds_nothing_to_do():
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())


@pytest.mark.django_db
def test_each_app_has_one_straight_history():
    graph = MigrationLoader(connection).graph
    for app in OWN_APPS:
        nodes = sorted(key for key in graph.nodes if key[0] == app)
        assert len(graph.leaf_nodes(app)) == 1, app
        for node in nodes:
            parents = [p for p in graph.node_map[node].parents if p.key[0] == app]
            assert len(parents) <= 1, f"{node} merges {parents}"
        assert [name[:4] for _app, name in nodes] == [f"{n:04d}" for n in range(1, len(nodes) + 1)]


def _empty_database(tmp_path):
    """A database URL of a new, empty database (and how to remove it)."""
    if connection.vendor != "postgresql":
        return f"sqlite:///{tmp_path / 'empty.sqlite3'}", lambda: None
    s = connection.settings_dict
    name = f"{s['NAME']}_migrate"
    server = {"host": s["HOST"] or "127.0.0.1", "port": s["PORT"] or 5432, "user": s["USER"]}
    if s["PASSWORD"]:
        server["password"] = s["PASSWORD"]

    def run(sql):
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as conn:
            conn.execute(sql)

    run(f'DROP DATABASE IF EXISTS "{name}"')
    run(f'CREATE DATABASE "{name}"')
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    url = f"postgres://{auth}@{server['host']}:{server['port']}/{name}"
    return url, lambda: run(f'DROP DATABASE IF EXISTS "{name}"')


def _manage(url, *args):
    env = {
        # Without CACHE_URL: the default database cache, whose table migrate creates.
        **{k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "CACHE_URL"}},
        "DJANGO_SETTINGS_MODULE": "herne_portal.settings",
        "SECRET_KEY": "migrations-test",
        "DATABASE_URL": url,
        "DATABASE_CONN_MAX_AGE": "0",
        "LOG_LEVEL": "WARNING",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.django_db
def test_an_empty_database_migrates_forwards_and_back(tmp_path):
    url, drop = _empty_database(tmp_path)
    try:
        forwards = _manage(url, "migrate", "--noinput")
        assert forwards.returncode == 0, forwards.stdout + forwards.stderr
        plan = _manage(url, "showmigrations", *OWN_APPS)
        assert "[ ]" not in plan.stdout
        assert "[X] 0001_initial" in plan.stdout
        assert "[X] 0001_cache_table" in plan.stdout
        if url.startswith("postgres"):
            with psycopg.connect(url.replace("postgres://", "postgresql://", 1)) as conn:
                indexes = {
                    row[0]
                    for row in conn.execute(
                        "SELECT indexname FROM pg_indexes WHERE indexname LIKE %s", ["%_fts"]
                    )
                }
                cache_table = conn.execute("SELECT to_regclass('ratsportal_cache')").fetchone()
            assert cache_table == ("ratsportal_cache",)
            assert indexes == {
                "inquiries_inquiry_fts",
                "inquiries_question_fts",
                "inquiries_answer_fts",
            }
        backwards = _manage(url, "migrate", "inquiries", "zero", "--noinput")
        assert backwards.returncode == 0, backwards.stdout + backwards.stderr
    finally:
        drop()
