"""Who is told what when an inquiry moves on: emails enqueued on commit.

Every function here only builds the message and hands it to the task queue
(``herne_portal.tasks.enqueue_on_commit``); a failing mail server makes the job
retry in the worker and never blocks or undoes the transition.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from herne_portal.mail import send_email
from herne_portal.tasks import enqueue_on_commit
from inquiries.models import StaffMembership
from inquiries.permissions import OFFICE_GROUP


def absolute(path: str) -> str:
    """A full address for links in emails (``PORTAL_BASE_URL``)."""
    return f"{settings.PORTAL_BASE_URL}{path}"


def _send(subject: str, body: str, recipients) -> None:
    recipients = sorted({address for address in recipients if address})
    if recipients:
        enqueue_on_commit(send_email, subject, body, recipients)


def _label(inquiry) -> str:
    return f"{inquiry.number} {inquiry.subject}".strip()


def department_addresses(department, role=None) -> list[str]:
    """The department's own address and those of its staff (optionally one role only)."""
    members = StaffMembership.objects.filter(department=department)
    if role:
        members = members.filter(role=role)
    addresses = list(members.values_list("user__email", flat=True))
    return [department.email, *addresses]


def office_addresses() -> list[str]:
    users = get_user_model().objects.filter(groups__name=OFFICE_GROUP, is_active=True)
    return list(users.values_list("email", flat=True))


def author_addresses(inquiry) -> list[str]:
    author = inquiry.author
    return [author.email, author.user.email if author.user_id else ""]


def _department_link(question) -> str:
    return absolute(reverse("inquiries:department_question", args=[question.pk]))


def inquiry_submitted(inquiry) -> None:
    """Confirmation emails to the author and the co-signers, sent by the task queue."""
    people = [inquiry.author, *inquiry.cosigners.select_related("user")]
    recipients = sorted({p.email or (p.user.email if p.user_id else "") for p in people} - {""})
    questions = "\n\n".join(f"{q.number}. {q.text}" for q in inquiry.questions.order_by("number"))
    subject = _("Inquiry submitted: %(subject)s") % {"subject": inquiry.subject}
    body = _(
        "Your inquiry has been submitted to the council office.\n\n"
        "Subject: %(subject)s\nMeeting: %(meeting)s\nSubmitted: %(when)s\n\n"
        "%(preamble)s\n\n%(questions)s\n"
    ) % {
        "subject": inquiry.subject,
        "meeting": inquiry.meeting,
        "when": timezone.localtime(inquiry.submitted_at).strftime("%d.%m.%Y %H:%M"),
        "preamble": inquiry.preamble,
        "questions": questions,
    }
    _send(subject, body, recipients)


def inquiry_registered(inquiry) -> None:
    _send(
        _("Your inquiry has been registered: %(label)s") % {"label": _label(inquiry)},
        _("Your inquiry has been registered under number %(number)s. Due date: %(due)s.")
        % {"number": inquiry.number, "due": inquiry.due_date.strftime("%d.%m.%Y")},
        author_addresses(inquiry),
    )


def inquiry_rejected(inquiry, reason: str) -> None:
    _send(
        _("Your inquiry has been rejected: %(label)s") % {"label": inquiry.subject},
        _("The council office has rejected your inquiry. Reason:\n\n%(reason)s")
        % {"reason": reason},
        author_addresses(inquiry),
    )


def inquiry_published(inquiry) -> None:
    _send(
        _("The answer to your inquiry has been published: %(label)s") % {"label": _label(inquiry)},
        _("The answer to your inquiry is now public: %(path)s")
        % {"path": absolute(inquiry.get_absolute_url())},
        author_addresses(inquiry),
    )


def question_routed(question, departments) -> None:
    inquiry = question.inquiry
    for department in departments:
        _send(
            _("New question for %(department)s: %(label)s")
            % {"department": department.code, "label": _label(inquiry)},
            _(
                "Question %(number)s of inquiry %(label)s has been routed to your department. "
                "Due date: %(due)s.\n\n%(path)s"
            )
            % {
                "number": question.number,
                "label": _label(inquiry),
                "due": inquiry.due_date.strftime("%d.%m.%Y") if inquiry.due_date else "–",
                "path": _department_link(question),
            },
            department_addresses(department),
        )


def reroute_requested(question) -> None:
    _send(
        _("Re-routing requested: %(label)s") % {"label": _label(question.inquiry)},
        _("%(department)s asks to route question %(number)s elsewhere. Reason:\n\n%(reason)s")
        % {
            "department": question.lead_department,
            "number": question.number,
            "reason": question.reroute_reason,
        },
        office_addresses(),
    )


def answer_in_review(question) -> None:
    _send(
        _("Answer waiting for approval: %(label)s") % {"label": _label(question.inquiry)},
        _("The answer to question %(number)s waits for your approval.\n\n%(path)s")
        % {"number": question.number, "path": _department_link(question)},
        department_addresses(question.lead_department, StaffMembership.Role.HEAD)[1:],
    )


def answer_returned(question, comment: str) -> None:
    drafter = question.answer.drafted_by if question.answer_id else None
    _send(
        _("Answer returned: %(label)s") % {"label": _label(question.inquiry)},
        _("The answer to question %(number)s was returned with this comment:\n\n%(comment)s")
        % {"number": question.number, "comment": comment},
        [drafter.email] if drafter else [],
    )


def inquiry_answered(inquiry) -> None:
    _send(
        _("Inquiry answered: %(label)s") % {"label": _label(inquiry)},
        _("Every question of inquiry %(label)s is approved; it can be published.\n\n%(path)s")
        % {
            "label": _label(inquiry),
            "path": absolute(reverse("inquiries:office_inquiry", args=[inquiry.pk])),
        },
        office_addresses(),
    )


def answer_corrected(inquiry) -> None:
    _send(
        _("An answer has been corrected: %(label)s") % {"label": _label(inquiry)},
        _("A published answer to your inquiry has been corrected: %(path)s")
        % {"path": absolute(inquiry.get_absolute_url())},
        [*author_addresses(inquiry), *office_addresses()],
    )


def holding_answer_given(inquiry, answer) -> None:
    _send(
        _("Holding answer to your inquiry: %(label)s") % {"label": _label(inquiry)},
        _("%(text)s\n\nThe answer is now expected by %(date)s.")
        % {"text": answer.text, "date": answer.holding_until.strftime("%d.%m.%Y")},
        [*author_addresses(inquiry), *office_addresses()],
    )


def contribution_added(question, department) -> None:
    _send(
        _("New contribution: %(label)s") % {"label": _label(question.inquiry)},
        _("%(department)s has contributed to question %(number)s.\n\n%(path)s")
        % {
            "department": department,
            "number": question.number,
            "path": _department_link(question),
        },
        department_addresses(question.lead_department),
    )


def reminder(department, questions) -> None:
    """``questions`` carry ``is_overdue`` (``QuestionQuerySet.with_overdue_flag``)."""
    lines = []
    for question in questions:
        inquiry = question.inquiry
        state = _("overdue") if question.is_overdue else _("due soon")
        lines.append(
            f"- {_label(inquiry)}, "
            + _("question %(number)s") % {"number": question.number}
            + f": {inquiry.due_date:%d.%m.%Y} ({state})"
        )
    _send(
        _("Reminder: %(count)s question(s) due") % {"count": len(questions)},
        _("These questions of your department are due soon or overdue:\n\n%(lines)s")
        % {"lines": "\n".join(lines)},
        department_addresses(department),
    )
