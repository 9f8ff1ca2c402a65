"""Real ``manage.py db_worker`` processes on the test database (PostgreSQL)."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="fault tests run task workers on PostgreSQL"
)


def database_url() -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def wait_for(condition, timeout=120.0, message="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {message}")


class Workers:
    def __init__(self, tmp_path):
        self.tmp_path = tmp_path
        self.processes = []

    def start(self, *args, **env):
        environment = {
            key: value
            for key, value in os.environ.items()
            if key not in ("DJANGO_SETTINGS_MODULE", "TASKS_BACKEND")
        }
        environment.update(
            DJANGO_SETTINGS_MODULE="herne_portal.settings",
            SECRET_KEY="fault-tests",
            DEBUG="0",
            SECURE_HTTPS="0",
            DATABASE_URL=database_url(),
            DATABASE_CONN_MAX_AGE="0",
            LOG_LEVEL="WARNING",
        )
        environment.update(env)
        # The worker keeps its own copy of the descriptor; ours closes here.
        with open(self.tmp_path / f"worker-{len(self.processes)}.log", "w") as log:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "manage.py",
                    "db_worker",
                    "--interval",
                    "0.1",
                    "--no-startup-delay",
                    "--no-reload",
                    *args,
                ],
                cwd=ROOT,
                env=environment,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.processes.append(process)
        return process

    def stop_all(self):
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


@pytest.fixture
def workers(tmp_path, settings):
    # Jobs go into the database queue that the worker processes read.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    pool = Workers(tmp_path)
    yield pool
    pool.stop_all()
