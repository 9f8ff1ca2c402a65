"""Background jobs (django-tasks, database backend in production).

Jobs are enqueued on commit, never run inside a reader's request, and are
safe to run twice.
"""

from django.core.mail import send_mail
from django.db import transaction
from django_tasks import task


@task()
def send_email(subject: str, body: str, recipients: list[str]) -> int:
    """Send one plain-text email; the worker retries the job if the server fails."""
    recipients = [address for address in recipients if address]
    if not recipients:
        return 0
    return send_mail(subject, body, None, recipients)


def enqueue_on_commit(job, *args, **kwargs) -> None:
    """Enqueue ``job`` once the current transaction has committed."""
    transaction.on_commit(lambda: job.enqueue(*args, **kwargs))


@task()
def send_reminders() -> int:
    """The daily reminder run as a job (see ``manage.py send_reminders``)."""
    from inquiries.reminders import send_due_reminders

    return send_due_reminders()
