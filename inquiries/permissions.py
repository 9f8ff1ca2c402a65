"""Who may do what: the one place for the portal's permission rules.

Roles (DESIGN.md): the public, councillors (a ``Councillor`` row linked to
the user), the council office (members of the group ``OFFICE_GROUP``),
department clerks and heads (``StaffMembership``), and admins (superusers).
Views, the admin and the workflow ask these predicates; nothing else decides.
"""

from typing import TypeVar

import rules
from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet

from inquiries.models import Answer, Department, Inquiry, Question, StaffMembership

OFFICE_GROUP = "Büro des Rates"

# Whom the predicates are asked about: a logged-in user or the anonymous one.
AnyUser = User | AnonymousUser
InquiryT = TypeVar("InquiryT", bound=Inquiry)


@rules.predicate
def is_councillor(user: AnyUser) -> bool:
    return user.is_authenticated and hasattr(user, "councillor")


@rules.predicate
def is_office(user: AnyUser) -> bool:
    if not user.is_authenticated:
        return False
    cached: bool | None = getattr(user, "_is_office", None)  # one query per request
    if cached is None:
        cached = user.groups.filter(name=OFFICE_GROUP).exists()
        user._is_office = cached  # type: ignore[attr-defined]  # a cache, not a field
    return cached


def department_ids(user: AnyUser, role: str | None = None) -> set[int]:
    """Ids of the departments the user works in (optionally only with ``role``)."""
    if not user.is_authenticated:
        return set()
    # works through SimpleLazyObject too
    cache: list[tuple[int, str]] | None = getattr(user, "_department_roles", None)
    if cache is None:
        cache = list(StaffMembership.objects.filter(user=user).values_list("department_id", "role"))
        user._department_roles = cache  # type: ignore[attr-defined]  # a cache, not a field
    return {dep for dep, r in cache if role is None or r == role}


@rules.predicate
def is_department_staff(user: AnyUser) -> bool:
    return bool(department_ids(user))


@rules.predicate
def is_published(user: AnyUser, inquiry: Inquiry | None) -> bool:
    if inquiry is None:  # a model-level check (e.g. the admin's) has no object
        return False
    return inquiry.status == Inquiry.Status.PUBLISHED


@rules.predicate
def is_author(user: AnyUser, inquiry: Inquiry | None) -> bool:
    if inquiry is None:  # a model-level check (e.g. the admin's) has no object
        return False
    return user.is_authenticated and is_councillor(user) and inquiry.author_id == user.councillor.pk


@rules.predicate
def is_cosigner(user: AnyUser, inquiry: Inquiry | None) -> bool:
    if inquiry is None:  # a model-level check (e.g. the admin's) has no object
        return False
    return (
        user.is_authenticated
        and is_councillor(user)
        and inquiry.cosignatures.filter(councillor_id=user.councillor.pk).exists()
    )


@rules.predicate
def is_not_draft(user: AnyUser, inquiry: Inquiry | None) -> bool:
    if inquiry is None:  # a model-level check (e.g. the admin's) has no object
        return False
    return inquiry.status != Inquiry.Status.DRAFT


@rules.predicate
def answers_for_inquiry(user: AnyUser, inquiry: Inquiry | None) -> bool:
    """The user works in a department that answers a question of the inquiry."""
    if inquiry is None:  # a model-level check (e.g. the admin's) has no object
        return False
    deps = department_ids(user)
    if not deps:
        return False
    return inquiry.questions.filter(
        Q(lead_department_id__in=deps) | Q(contributing_departments__in=deps)
    ).exists()


rules.add_perm(
    "inquiries.view_inquiry",
    is_published
    | is_author
    | is_cosigner
    | (is_office & is_not_draft)
    | (is_department_staff & answers_for_inquiry),
)
rules.add_perm("inquiries.file_inquiry", is_councillor)
rules.add_perm("inquiries.edit_inquiry", is_author)
rules.add_perm("inquiries.submit_inquiry", is_author)
rules.add_perm("inquiries.withdraw_inquiry", is_author)
rules.add_perm("inquiries.register_inquiry", is_office)
rules.add_perm("inquiries.reject_inquiry", is_office)
rules.add_perm("inquiries.route_question", is_office)
rules.add_perm("inquiries.publish_inquiry", is_office)


@rules.predicate
def works_in_lead_department(user: AnyUser, question: Question | None) -> bool:
    if question is None:  # a model-level check (e.g. the admin's) has no object
        return False
    return question.lead_department_id in department_ids(user)


@rules.predicate
def heads_lead_department(user: AnyUser, question: Question | None) -> bool:
    if question is None:  # a model-level check (e.g. the admin's) has no object
        return False
    return question.lead_department_id in department_ids(user, StaffMembership.Role.HEAD)


rules.add_perm("inquiries.draft_answer", works_in_lead_department)
rules.add_perm("inquiries.approve_answer", heads_lead_department)


# --- Councillors filing inquiries (issue 3) ------------------------------------------


rules.add_perm("inquiries.cosign_inquiry", is_cosigner)
# The councillors' pages (/meine-anfragen/) show an inquiry with its non-public events and
# pending co-signatures: only to its author and co-signers, even once it is published.
rules.add_perm("inquiries.follow_inquiry", is_author | is_cosigner)
# --- Answering: inboxes, contributions, re-routing, holding answers, corrections (issue 4) ---


@rules.predicate
def works_in_contributing_department(user: AnyUser, question: Question | None) -> bool:
    if question is None:  # a model-level check (e.g. the admin's) has no object
        return False
    deps = department_ids(user)
    # Through ``all()``, so that pages that prefetched the departments ask nothing more.
    return bool(deps) and any(d.pk in deps for d in question.contributing_departments.all())


@rules.predicate
def heads_answer_department(user: AnyUser, answer: Answer | None) -> bool:
    if answer is None:  # a model-level check (e.g. the admin's) has no object
        return False
    return answer.department_id in department_ids(user, StaffMembership.Role.HEAD)


@rules.predicate
def heads_department_answering(user: AnyUser, inquiry: Inquiry | None) -> bool:
    if inquiry is None:  # a model-level check (e.g. the admin's) has no object
        return False
    heads = department_ids(user, StaffMembership.Role.HEAD)
    return bool(heads) and inquiry.questions.filter(lead_department_id__in=heads).exists()


def holding_answer_department(user: AnyUser, inquiry: Inquiry) -> Department:
    """The department in whose name ``user`` gives a holding answer for ``inquiry``."""
    heads = department_ids(user, StaffMembership.Role.HEAD)
    question = (
        inquiry.questions.filter(lead_department_id__in=heads)
        .select_related("lead_department")
        .order_by("number")
        .first()
    )
    # give_holding_answer asked heads_department_answering first: there is one.
    assert question is not None
    assert question.lead_department is not None
    return question.lead_department


rules.add_perm("inquiries.use_office_inbox", is_office)
rules.add_perm("inquiries.use_department_inbox", is_department_staff)
rules.add_perm(
    "inquiries.view_question",
    is_office | works_in_lead_department | works_in_contributing_department,
)
rules.add_perm("inquiries.contribute", works_in_contributing_department)
rules.add_perm("inquiries.request_reroute", works_in_lead_department)
rules.add_perm("inquiries.give_holding_answer", heads_department_answering)
rules.add_perm("inquiries.correct_answer", heads_answer_department | is_office)


def visible_inquiries(user: AnyUser, queryset: QuerySet[InquiryT]) -> QuerySet[InquiryT]:
    """``queryset`` narrowed to what ``view_inquiry`` allows ``user`` (for lists, the admin)."""
    if user.is_superuser:
        return queryset
    allowed = Q(status=Inquiry.Status.PUBLISHED)
    if user.is_authenticated and is_councillor(user):
        councillor = user.councillor.pk
        allowed |= Q(author_id=councillor) | Q(cosignatures__councillor_id=councillor)
    if is_office(user):
        allowed |= ~Q(status=Inquiry.Status.DRAFT)
    deps = department_ids(user)
    if deps:
        allowed |= Q(questions__lead_department_id__in=deps) | Q(
            questions__contributing_departments__in=deps
        )
    return queryset.filter(pk__in=Inquiry.objects.filter(allowed).values("pk"))


rules.add_perm("inquiries.enter_inquiry", is_office)
# The draft reply letter (issue 5): the office compiles the reply.
rules.add_perm("inquiries.preview_reply", is_office)


@rules.predicate
def is_administration_staff(user: AnyUser) -> bool:
    """Office, department staff or admin: sees unpublished material, gets shorter sessions."""
    return user.is_authenticated and (
        user.is_staff or user.is_superuser or is_office(user) or is_department_staff(user)
    )


rules.add_perm("inquiries.export_audit", is_office)
