"""Every role × every transition, and every inbox page × own / other department / role.

Runs on SQLite and PostgreSQL; CI runs it on PostgreSQL.
"""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from inquiries import workflow
from inquiries.models import AuditEvent
from inquiries.workflow import TransitionError
from tests.factories import InquiryFactory, registered_inquiry, routed_inquiry, submitted_inquiry

ROLES = ["councillor", "other_councillor", "office", "clerk_a", "head_a", "clerk_b", "anonymous"]
LATER = timezone.localdate() + datetime.timedelta(days=40)


def _question(inquiry):
    return inquiry.questions.order_by("number").first()


def _drafted(p):
    inquiry = routed_inquiry(p)
    question = _question(inquiry)
    workflow.draft_answer(question, p.clerk_a, "Antwort.")
    return question


def _in_review(p):
    question = _drafted(p)
    workflow.send_for_review(question, p.clerk_a)
    return question


def _published(p):
    inquiry = routed_inquiry(p, questions=["Eine Frage?"])
    question = _in_review_of(p, inquiry)
    workflow.approve(question, p.head_a)
    workflow.publish(inquiry, p.office)
    question.refresh_from_db()
    return question


def _in_review_of(p, inquiry):
    question = _question(inquiry)
    workflow.draft_answer(question, p.clerk_a, "Antwort.")
    workflow.send_for_review(question, p.clerk_a)
    return question


def _answered(p):
    inquiry = routed_inquiry(p, questions=["Eine Frage?"])
    workflow.approve(_in_review_of(p, inquiry), p.head_a)
    return inquiry


def _contributable(p):
    inquiry = registered_inquiry(p.councillor, p.office)
    question = _question(inquiry)
    workflow.route(question, p.office, p.department_a, [p.department_b])
    return question


# transition name → (set-up returning the object, call(actor, obj), roles allowed)
TRANSITIONS = {
    "submit": (
        lambda p: InquiryFactory(author=p.councillor_profile),
        lambda a, o: workflow.submit(o, a),
        {"councillor"},
    ),
    "withdraw": (
        lambda p: submitted_inquiry(p.councillor),
        lambda a, o: workflow.withdraw(o, a, "Erledigt."),
        {"councillor"},
    ),
    "register": (
        lambda p: submitted_inquiry(p.councillor),
        lambda a, o: workflow.register(o, a, LATER),
        {"office"},
    ),
    "reject": (
        lambda p: submitted_inquiry(p.councillor),
        lambda a, o: workflow.reject(o, a, "Unzulässig."),
        {"office"},
    ),
    "route": (
        lambda p: (_question(registered_inquiry(p.councillor, p.office)), p.department_a),
        lambda a, o: workflow.route(o[0], a, o[1]),
        {"office"},
    ),
    "draft": (
        lambda p: _question(routed_inquiry(p)),
        lambda a, o: workflow.draft_answer(o, a, "Antwort."),
        {"clerk_a", "head_a"},
    ),
    "send_for_review": (
        _drafted,
        lambda a, o: workflow.send_for_review(o, a),
        {"clerk_a", "head_a"},
    ),
    "approve": (_in_review, lambda a, o: workflow.approve(o, a), {"head_a"}),
    "return": (_in_review, lambda a, o: workflow.return_answer(o, a, "Bitte ändern."), {"head_a"}),
    "request_reroute": (
        lambda p: _question(routed_inquiry(p)),
        lambda a, o: workflow.request_reroute(o, a, "Nicht zuständig."),
        {"clerk_a", "head_a"},
    ),
    "contribute": (
        _contributable,
        lambda a, o: workflow.add_contribution(o, a, o.contributing_departments.get(), "Zu."),
        {"clerk_b"},
    ),
    "holding_answer": (
        lambda p: routed_inquiry(p),
        lambda a, o: workflow.give_holding_answer(o, a, "Später.", LATER),
        {"head_a"},
    ),
    "receive": (
        lambda p: InquiryFactory(author=p.councillor_profile, received_via="paper"),
        lambda a, o: workflow.receive(o, a),
        {"office"},
    ),
    "publish": (_answered, lambda a, o: workflow.publish(o, a), {"office"}),
    "correct": (
        _published,
        lambda a, o: workflow.correct_answer(o.answer, a, "Berichtigt.", "Tippfehler."),
        {"head_a", "office"},
    ),
}


def _actor(personas, role):
    return AnonymousUser() if role == "anonymous" else getattr(personas, role)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("transition", TRANSITIONS)
def test_transition_allowed_only_for_its_roles(personas, transition, role):
    set_up, call, allowed = TRANSITIONS[transition]
    obj = set_up(personas)
    events_before = AuditEvent.objects.count()
    if role in allowed:
        call(_actor(personas, role), obj)
        assert AuditEvent.objects.count() > events_before
    else:
        with pytest.raises(TransitionError) as excinfo:
            call(_actor(personas, role), obj)
        assert excinfo.value.forbidden
        assert AuditEvent.objects.count() == events_before


# --- views -------------------------------------------------------------------------------


@pytest.fixture
def pages(personas):
    own = routed_inquiry(personas)  # questions of department A
    other = routed_inquiry(personas, department=personas.department_b)
    return {
        "office_inbox": reverse("inquiries:office_inbox"),
        "office_dashboard": reverse("inquiries:office_dashboard"),
        "office_inquiry": reverse("inquiries:office_inquiry", args=[own.pk]),
        "department_inbox": reverse("inquiries:department_inbox"),
        "question_of_a": reverse("inquiries:department_question", args=[_question(own).pk]),
        "question_of_b": reverse("inquiries:department_question", args=[_question(other).pk]),
        "public_unpublished": reverse("inquiries:detail", args=[own.pk]),
    }


# page → expected status per role (302: sent to the login page)
VIEW_MATRIX = {
    "office_inbox": {"office": 200, "anonymous": 302, "*": 403},
    "office_dashboard": {"office": 200, "anonymous": 302, "*": 403},
    "office_inquiry": {"office": 200, "anonymous": 302, "*": 403},
    "department_inbox": {"clerk_a": 200, "head_a": 200, "clerk_b": 200, "anonymous": 302, "*": 403},
    "question_of_a": {"clerk_a": 200, "head_a": 200, "clerk_b": 404, "anonymous": 302, "*": 403},
    "question_of_b": {"clerk_b": 200, "clerk_a": 404, "head_a": 404, "anonymous": 302, "*": 403},
    "public_unpublished": {"*": 404},
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", VIEW_MATRIX)
def test_view_access_per_role(client, personas, pages, page, role):
    if role != "anonymous":
        client.force_login(getattr(personas, role))
    expected = VIEW_MATRIX[page].get(role, VIEW_MATRIX[page]["*"])
    assert client.get(pages[page]).status_code == expected


@pytest.mark.django_db
def test_councillor_sees_own_inquiry_but_not_another_councillors(personas):
    inquiry = submitted_inquiry(personas.councillor)
    assert personas.councillor.has_perm("inquiries.view_inquiry", inquiry)
    assert not personas.other_councillor.has_perm("inquiries.view_inquiry", inquiry)
    assert not AnonymousUser().has_perm("inquiries.view_inquiry", inquiry)


@pytest.mark.django_db
def test_department_sees_inquiry_only_when_it_answers_a_question(personas):
    inquiry = routed_inquiry(personas)
    assert personas.clerk_a.has_perm("inquiries.view_inquiry", inquiry)
    assert not personas.clerk_b.has_perm("inquiries.view_inquiry", inquiry)
