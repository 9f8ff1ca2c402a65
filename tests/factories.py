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


def publish_through_workflow(inquiry, personas):
    """Take a draft by ``personas.councillor`` through the workflow to published.

    Questions are answered by ``personas.department_a``.
    """
    from inquiries import workflow

    workflow.submit(inquiry, personas.councillor)
    workflow.register(inquiry, personas.office, inquiry.meeting.starts_at.date())
    for question in inquiry.questions.all():
        workflow.route(question, personas.office, personas.department_a)
        workflow.draft_answer(question, personas.clerk_a, f"Antwort auf Frage {question.number}.")
        workflow.send_for_review(question, personas.clerk_a)
        workflow.approve(question, personas.head_a)
    return workflow.publish(inquiry, personas.office)


def released_reply(inquiry, version=1, body=None):
    """A released reply PDF of ``inquiry`` stored in the default storage."""
    from django.core.files.base import ContentFile

    from inquiries.models import ReplyDocument

    body = body or f"%PDF-1.7 reply {inquiry.pk} v{version}".encode()
    document = ReplyDocument(
        inquiry=inquiry,
        version=version,
        size=len(body),
        sha256=f"{version:064d}",
        content_hash="x",
        is_released=True,
    )
    document.file.save("ignored.pdf", ContentFile(body), save=False)
    document.save()
    return document
