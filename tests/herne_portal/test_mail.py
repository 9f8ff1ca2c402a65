"""Emails go out through the task queue, after the transaction commits."""

import pytest
from django.core import mail
from django.db import transaction

from herne_portal.mail import send_email
from herne_portal.tasks import enqueue_on_commit


@pytest.mark.django_db(transaction=True)
def test_email_is_sent_only_after_commit():
    with transaction.atomic():
        enqueue_on_commit(send_email, "Betreff", "Text", ["rat@example.org", ""])
        assert mail.outbox == []
    assert [(m.subject, m.to) for m in mail.outbox] == [("Betreff", ["rat@example.org"])]


@pytest.mark.django_db(transaction=True)
def test_email_is_dropped_with_the_rolled_back_transaction():
    def enqueue_then_fail():
        with transaction.atomic():
            enqueue_on_commit(send_email, "Betreff", "Text", ["rat@example.org"])
            raise RuntimeError

    with pytest.raises(RuntimeError):
        enqueue_then_fail()
    assert mail.outbox == []
