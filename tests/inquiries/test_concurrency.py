"""Two processes at the same moment: registration numbers and approvals (PostgreSQL only).

Each child process is forked from the test and opens its own database session, as
two gunicorn workers would; a barrier makes them start the transition together.
"""

import multiprocessing

import pytest
from django.db import connection, connections

from inquiries import workflow
from inquiries.models import AuditEvent, Inquiry
from inquiries.workflow import TransitionError
from tests.factories import routed_inquiry, submitted_inquiry

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def _run_in_two_processes(job, args_per_process):
    """Run ``job(*args)`` in one forked process per argument tuple; return their results."""
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(len(args_per_process))
    results = context.Queue()
    connections.close_all()

    def child(args):
        connections.close_all()  # never share the parent's socket
        try:
            barrier.wait(timeout=30)
            results.put(("ok", job(*args)))
        except TransitionError as error:
            results.put(("refused", error.message))
        finally:
            connections.close_all()

    processes = [context.Process(target=child, args=(args,)) for args in args_per_process]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0
    return [results.get(timeout=5) for _ in processes]


def _register(inquiry_pk, office_pk):
    from django.contrib.auth.models import User

    inquiry = Inquiry.objects.get(pk=inquiry_pk)
    workflow.register(inquiry, User.objects.get(pk=office_pk), _due())
    return Inquiry.objects.get(pk=inquiry_pk).number_sequence


def _due():
    import datetime

    from django.utils import timezone

    return timezone.localdate() + datetime.timedelta(days=14)


def test_two_registrations_at_once_get_two_consecutive_numbers(personas):
    first = submitted_inquiry(personas.councillor)
    second = submitted_inquiry(personas.councillor)
    results = _run_in_two_processes(
        _register, [(first.pk, personas.office.pk), (second.pk, personas.office.pk)]
    )
    assert sorted(value for _, value in results) == [1, 2]
    assert sorted(Inquiry.objects.values_list("number_sequence", flat=True)) == [1, 2]


def _approve(question_pk, head_pk):
    from django.contrib.auth.models import User

    from inquiries.models import Question

    workflow.approve(Question.objects.get(pk=question_pk), User.objects.get(pk=head_pk))
    return "approved"


def test_two_approvals_of_the_same_answer_make_one_transition(personas):
    inquiry = routed_inquiry(personas, questions=["Eine Frage?"])
    question = inquiry.questions.get()
    workflow.draft_answer(question, personas.clerk_a, "Antwort.")
    workflow.send_for_review(question, personas.clerk_a)
    results = _run_in_two_processes(
        _approve, [(question.pk, personas.head_a.pk), (question.pk, personas.head_a.pk)]
    )
    assert sorted(kind for kind, _ in results) == ["ok", "refused"]
    assert AuditEvent.objects.filter(question=question, action="approve").count() == 1
    assert AuditEvent.objects.filter(inquiry=inquiry, action="answer").count() == 1
