"""Sending email from the task queue: retried while the mail server is away, once per key.

Jobs are enqueued on commit (``herne_portal.tasks.enqueue_on_commit``), never
run inside a reader's request, and are safe to run twice: an email with an
idempotency key is sent once (see ``inquiries.models.SentNotification``), and
a job whose worker died is put back in the queue by ``manage.py recover_tasks``.
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from inquiries.models import SentNotification

logger = logging.getLogger(__name__)

# Errors after which the mail server may work again later: retry.
TRANSIENT_MAIL_ERRORS = (smtplib.SMTPException, OSError)


def retry_delay(attempt: int) -> datetime.timedelta:
    """Wait before attempt ``attempt + 1``: doubling from EMAIL_RETRY_DELAY up to the maximum."""
    seconds = settings.EMAIL_RETRY_DELAY * 2 ** (attempt - 1)
    return datetime.timedelta(seconds=min(seconds, settings.EMAIL_RETRY_MAX_DELAY))


@task()
def send_email(
    subject: str,
    body: str,
    recipients: list[str],
    idempotency_key: str = "",
    attempt: int = 1,
) -> int:
    """Send one plain-text email; with ``idempotency_key`` at most once per key.

    If the mail server cannot be reached, the job enqueues its next attempt
    (with a growing delay, ``EMAIL_RETRY_ATTEMPTS`` in all) and fails, so the
    failure stays visible in the task results while nothing is lost.
    """
    recipients = [address for address in recipients if address]
    if not recipients:
        return 0
    try:
        if not idempotency_key:
            return send_mail(subject, body, None, recipients)
        return _send_once(subject, body, recipients, idempotency_key)
    except TRANSIENT_MAIL_ERRORS as error:
        _schedule_retry(subject, body, recipients, idempotency_key, attempt, error)
        raise


def _send_once(subject, body, recipients, key) -> int:
    # The row lock makes a second job with the same key wait until the first
    # has committed, then see the record and skip. If sending fails or the
    # worker dies, the transaction rolls back and a later run sends again.
    with transaction.atomic():
        _record, created = SentNotification.objects.select_for_update().get_or_create(
            key=key, defaults={"subject": subject[:300], "recipients": recipients}
        )
        if not created:
            logger.info("email %s already sent, skipped", key)
            return 0
        return send_mail(subject, body, None, recipients)


def _schedule_retry(subject, body, recipients, key, attempt, error) -> None:
    if attempt >= settings.EMAIL_RETRY_ATTEMPTS:
        logger.error("email %r given up after %s attempts: %s", subject, attempt, error)
        return
    if not default_task_backend.supports_defer:
        logger.error("email %r failed and the task backend cannot retry later: %s", subject, error)
        return
    run_after = timezone.now() + retry_delay(attempt)
    logger.warning(
        "email %r failed (attempt %s), retrying at %s: %s", subject, attempt, run_after, error
    )
    send_email.using(run_after=run_after).enqueue(
        subject, body, recipients, idempotency_key=key, attempt=attempt + 1
    )
