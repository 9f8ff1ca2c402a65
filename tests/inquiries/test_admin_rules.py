"""The Django admin obeys the portal's rules for staff who are not superusers."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from inquiries.models import Question
from tests.factories import InquiryFactory, routed_inquiry


def _staff_with_view_permissions(user):
    user.is_staff = True
    user.save()
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["view_inquiry", "view_question", "change_inquiry", "change_question"]
        )
    )
    return user


@pytest.mark.django_db
def test_clerk_in_admin_sees_only_questions_of_own_department(client, personas):
    own = routed_inquiry(personas, questions=["Eigene Frage?"])
    other = routed_inquiry(personas, department=personas.department_b, questions=["Fremde?"])
    client.force_login(_staff_with_view_permissions(personas.clerk_a))
    page = client.get(reverse("admin:inquiries_inquiry_changelist")).content.decode()
    assert own.subject in page
    assert other.subject not in page
    other_question = other.questions.get()
    url = reverse("admin:inquiries_question_change", args=[other_question.pk])
    assert client.get(url).status_code == 302  # the admin redirects away from hidden objects


@pytest.mark.django_db
def test_staff_cannot_change_routing_in_admin(client, personas):
    inquiry = routed_inquiry(personas, questions=["Eine Frage?"])
    question = inquiry.questions.get()
    client.force_login(_staff_with_view_permissions(personas.office))
    url = reverse("admin:inquiries_question_change", args=[question.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"lead_department": personas.department_b.pk})
    assert response.status_code == 403
    assert Question.objects.get(pk=question.pk).lead_department == personas.department_a


@pytest.mark.django_db
def test_office_in_admin_does_not_see_drafts(client, personas):
    draft = InquiryFactory(author=personas.councillor_profile, subject="Geheimer Entwurf")
    client.force_login(_staff_with_view_permissions(personas.office))
    page = client.get(reverse("admin:inquiries_inquiry_changelist")).content.decode()
    assert draft.subject not in page
