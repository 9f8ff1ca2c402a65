"""A worker killed mid-job, and a mail server that is down: nothing lost, nothing twice."""

import asyncio
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from herne_portal.mail import send_email
from inquiries.models import SentNotification
from tests.faults.conftest import pytestmark as postgres_only
from tests.faults.conftest import wait_for

pytestmark = [postgres_only, pytest.mark.django_db(transaction=True)]


def _statuses():
    return sorted(DBTaskResult.objects.values_list("status", flat=True))


def test_killed_worker_job_runs_again_and_mail_goes_out_once(workers, tmp_path):
    mails = tmp_path / "mails"
    mails.mkdir()
    hold = tmp_path / "hold"
    hold.touch()
    send_email.enqueue(
        "Antwort veröffentlicht", "Text", ["rat@example.org"], idempotency_key="published:1"
    )
    env = {
        "EMAIL_BACKEND": "tests.faults.mail_backend.RecordingBackend",
        "FAULT_MAIL_DIR": str(mails),
        "FAULT_MAIL_HOLD": str(hold),
    }
    worker = workers.start(**env)
    wait_for(lambda: (tmp_path / "hold.entered").exists(), message="the job to start sending")
    worker.kill()  # SIGKILL in the middle of the job
    worker.wait(10)
    assert _statuses() == [TaskResultStatus.RUNNING]
    assert list(mails.iterdir()) == []
    assert not SentNotification.objects.exists()

    call_command("recover_tasks", stale_after=0)
    assert _statuses() == [TaskResultStatus.READY]

    hold.unlink()
    workers.start("--batch", **env).wait(120)
    assert len(list(mails.iterdir())) == 1
    assert SentNotification.objects.get().key == "published:1"
    assert _statuses() == [TaskResultStatus.SUCCESSFUL]

    # The same notification enqueued again (a second click, a rerun): not sent again.
    send_email.enqueue(
        "Antwort veröffentlicht", "Text", ["rat@example.org"], idempotency_key="published:1"
    )
    workers.start("--batch", **env).wait(120)
    assert len(list(mails.iterdir())) == 1
    assert _statuses() == [TaskResultStatus.SUCCESSFUL] * 2


def test_recover_leaves_recently_started_jobs_alone(workers):
    send_email.enqueue("Betreff", "Text", ["rat@example.org"])
    DBTaskResult.objects.update(status=TaskResultStatus.RUNNING)
    from django.utils import timezone

    DBTaskResult.objects.update(started_at=timezone.now())
    call_command("recover_tasks")  # TASK_STALE_AFTER: 15 minutes
    assert _statuses() == [TaskResultStatus.RUNNING]


class _Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_mail_server_down_loses_nothing(workers):
    port = _free_port()
    send_email.enqueue("Frist läuft ab", "Text", ["fb12@example.org"], idempotency_key="reminder:7")
    workers.start(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
        EMAIL_RETRY_DELAY="1",
        EMAIL_RETRY_MAX_DELAY="1",
    )
    # The server is down: attempts fail, each one enqueues the next.
    wait_for(lambda: DBTaskResult.objects.failed().count() >= 2, message="two failed attempts")
    assert not SentNotification.objects.exists()

    inbox = _Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=port, loop=asyncio.new_event_loop())
    server.start()
    try:
        wait_for(lambda: SentNotification.objects.exists(), message="the mail to go out")
        wait_for(lambda: len(inbox.messages) == 1, message="the mail to arrive")
    finally:
        server.stop()
    assert [m.rcpt_tos for m in inbox.messages] == [["fb12@example.org"]]
    statuses = _statuses()
    assert statuses.count(TaskResultStatus.SUCCESSFUL) == 1
    assert TaskResultStatus.READY not in statuses
    assert set(statuses) == {TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED}
