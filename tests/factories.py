"""factory_boy factories for the domain objects used in tests."""

import datetime

import factory
from django.contrib.auth.models import User
from django.utils import timezone

from inquiries.deadlines import default_submission_deadline
from inquiries.models import (
    Answer,
    Committee,
    Councillor,
    Department,
    Faction,
    Inquiry,
    Meeting,
    Question,
    StaffMembership,
    Topic,
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


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")


def bulk_published(count, *, meeting, author, department, questions=3, start=0, topics=()):
    """``count`` published inquiries with answered questions, created in a few queries.

    For pages and benchmarks that need many rows; the workflow is tested elsewhere.
    """
    now = timezone.now()
    inquiries = Inquiry.objects.bulk_create(
        Inquiry(
            meeting=meeting,
            author=author,
            subject=f"Massenanfrage {start + i} zur Verwaltung",
            preamble="Vorbemerkung zu Schulen und Straßen.",
            status=Inquiry.Status.PUBLISHED,
            number_year=2000 + (start + i) % 20,
            number_sequence=start + i + 1,
            submitted_at=now - datetime.timedelta(days=30),
            registered_at=now - datetime.timedelta(days=29),
            due_date=(now - datetime.timedelta(days=10)).date(),
            answered_at=now - datetime.timedelta(days=12 + i % 5),
            published_at=now - datetime.timedelta(minutes=start + i),
        )
        for i in range(count)
    )
    answers = Answer.objects.bulk_create(
        Answer(
            inquiry=inquiry,
            department=department,
            text=f"Antwort {n} der Verwaltung auf die Anfrage.",
            approved_at=now - datetime.timedelta(days=12),
        )
        for inquiry in inquiries
        for n in range(1, questions + 1)
    )
    Question.objects.bulk_create(
        Question(
            inquiry=answer.inquiry,
            number=index % questions + 1,
            text=f"Wie steht es um Verwaltungen, Frage {index % questions + 1}?",
            status=Question.Status.APPROVED,
            lead_department=department,
            answer=answer,
        )
        for index, answer in enumerate(answers)
    )
    for topic in topics:
        topic.inquiries.add(*inquiries)
    return inquiries
