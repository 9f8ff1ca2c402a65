"""Who may do what: the one place for the portal's permission rules.

Roles (DESIGN.md): the public, councillors (a ``Councillor`` row linked to
the user), the council office (members of the group ``OFFICE_GROUP``),
department clerks and heads (``StaffMembership``), and admins (superusers).
Views, the admin and the workflow ask these predicates; nothing else decides.
"""

import rules

from inquiries.models import Inquiry, StaffMembership

OFFICE_GROUP = "Büro des Rates"


@rules.predicate
def is_councillor(user):
    return user.is_authenticated and hasattr(user, "councillor")


@rules.predicate
def is_office(user):
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_is_office"):
        user._is_office = user.groups.filter(name=OFFICE_GROUP).exists()
    return user._is_office


def department_ids(user, role=None) -> set[int]:
    """Ids of the departments the user works in (optionally only with ``role``)."""
    if not user.is_authenticated:
        return set()
    cache = user.__dict__.setdefault("_department_roles", None)
    if cache is None:
        cache = list(StaffMembership.objects.filter(user=user).values_list("department_id", "role"))
        user._department_roles = cache
    return {dep for dep, r in cache if role is None or r == role}


@rules.predicate
def is_department_staff(user):
    return bool(department_ids(user))


@rules.predicate
def is_department_head(user):
    return bool(department_ids(user, StaffMembership.Role.HEAD))


@rules.predicate
def is_published(user, inquiry):
    return inquiry.status == Inquiry.Status.PUBLISHED


@rules.predicate
def is_author(user, inquiry):
    return is_councillor(user) and inquiry.author_id == user.councillor.pk


@rules.predicate
def is_cosigner(user, inquiry):
    return (
        is_councillor(user)
        and inquiry.cosignatures.filter(councillor_id=user.councillor.pk).exists()
    )


@rules.predicate
def is_not_draft(user, inquiry):
    return inquiry.status != Inquiry.Status.DRAFT


@rules.predicate
def answers_for_inquiry(user, inquiry):
    """The user works in a department that answers a question of the inquiry."""
    deps = department_ids(user)
    return bool(deps) and inquiry.questions.filter(lead_department_id__in=deps).exists()


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
def works_in_lead_department(user, question):
    return question.lead_department_id in department_ids(user)


@rules.predicate
def heads_lead_department(user, question):
    return question.lead_department_id in department_ids(user, StaffMembership.Role.HEAD)


rules.add_perm("inquiries.draft_answer", works_in_lead_department)
rules.add_perm("inquiries.approve_answer", heads_lead_department)


@rules.predicate
def is_administration_staff(user):
    """Office, department staff or admin: sees unpublished material, gets shorter sessions."""
    return user.is_authenticated and (
        user.is_staff or user.is_superuser or is_office(user) or is_department_staff(user)
    )


rules.add_perm("inquiries.export_audit", is_office)
