"""factory_boy factories for the domain objects used in tests."""

import datetime

import factory
from django.contrib.auth.models import User
from django.utils import timezone

from inquiries.deadlines import default_submission_deadline
from inquiries.models import (
    Committee,
    Councillor,
    Department,
    Faction,
    Inquiry,
    Meeting,
    Question,
    StaffMembership,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("secret-password")


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Committee
        django_get_or_create = ["short_name"]

    name = factory.Sequence(lambda n: f"Ausschuss {n}")
    short_name = factory.Sequence(lambda n: f"A{n}")


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    committee = factory.SubFactory(CommitteeFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    location = "Ratssaal"
    submission_deadline = factory.LazyAttribute(
        lambda m: default_submission_deadline(m.starts_at, m.committee.submission_deadline_days)
    )


class FactionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Faction
        django_get_or_create = ["short_name"]

    name = factory.Sequence(lambda n: f"Fraktion {n}")
    short_name = factory.Sequence(lambda n: f"F{n}")


class CouncillorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Councillor

    title = "Stadtverordnete"
    first_name = factory.Sequence(lambda n: f"Vorname{n}")
    last_name = factory.Sequence(lambda n: f"Nachname{n}")
    faction = factory.SubFactory(FactionFactory)
    user = factory.SubFactory(UserFactory)


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"FB {n}")
    name = factory.Sequence(lambda n: f"Fachbereich {n}")


class StaffMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffMembership

    user = factory.SubFactory(UserFactory)
    department = factory.SubFactory(DepartmentFactory)
    role = StaffMembership.Role.CLERK


class InquiryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inquiry
        skip_postgeneration_save = True

    meeting = factory.SubFactory(MeetingFactory)
    author = factory.SubFactory(CouncillorFactory)
    subject = factory.Sequence(lambda n: f"Anfrage Nummer {n}")
    preamble = "Erster Absatz.\n\nZweiter Absatz."

    @factory.post_generation
    def questions(self, create, extracted, **kwargs):
        if not create:
            return
        texts = extracted if extracted is not None else ["Erste Frage?", "Zweite Frage?"]
        Question.objects.bulk_create(
            Question(inquiry=self, number=n, text=t) for n, t in enumerate(texts, start=1)
        )


# --- Inquiries at later stages, moved there through the workflow (issue 4) ------------------


def submitted_inquiry(author_user, questions=None, **kwargs):
    from inquiries import workflow

    inquiry = InquiryFactory(author=author_user.councillor, questions=questions, **kwargs)
    workflow.submit(inquiry, author_user)
    return inquiry


def registered_inquiry(author_user, office_user, questions=None, due_date=None, **kwargs):
    from inquiries import workflow

    inquiry = submitted_inquiry(author_user, questions, **kwargs)
    due_date = due_date or timezone.localdate() + datetime.timedelta(days=14)
    workflow.register(inquiry, office_user, due_date)
    inquiry.refresh_from_db()
    return inquiry


def routed_inquiry(personas, department=None, questions=None, **kwargs):
    """A registered inquiry whose questions all have ``department`` (default A) as lead."""
    from inquiries import workflow

    inquiry = registered_inquiry(personas.councillor, personas.office, questions, **kwargs)
    for question in inquiry.questions.order_by("number"):
        workflow.route(question, personas.office, department or personas.department_a)
    return inquiry
