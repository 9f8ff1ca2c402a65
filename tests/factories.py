"""factory_boy factories for the domain objects used in tests."""

import datetime
import hashlib

import factory
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.utils import timezone

from inquiries.deadlines import default_submission_deadline
from inquiries.demo.bulk import InquirySpec, QuestionSpec, create_inquiries
from inquiries.models import (
    Committee,
    Councillor,
    Department,
    Faction,
    Inquiry,
    Meeting,
    Question,
    ReplyDocument,
    StaffMembership,
    Topic,
)
from rankings.importing.writing import ensure_areas
from rankings.models import City, Edition, RankingEntry


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("secret-password")


class CommitteeFactory(factory.django.DjangoModelFactory[Committee]):
    class Meta:
        model = Committee
        django_get_or_create = ["short_name"]

    name = factory.Sequence(lambda n: f"Ausschuss {n}")
    short_name = factory.Sequence(lambda n: f"A{n}")


class MeetingFactory(factory.django.DjangoModelFactory[Meeting]):
    class Meta:
        model = Meeting

    committee = factory.SubFactory(CommitteeFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    location = "Ratssaal"
    submission_deadline = factory.LazyAttribute(
        lambda m: default_submission_deadline(m.starts_at, m.committee.submission_deadline_days)
    )


class FactionFactory(factory.django.DjangoModelFactory[Faction]):
    class Meta:
        model = Faction
        django_get_or_create = ["short_name"]

    name = factory.Sequence(lambda n: f"Fraktion {n}")
    short_name = factory.Sequence(lambda n: f"F{n}")


class CouncillorFactory(factory.django.DjangoModelFactory[Councillor]):
    class Meta:
        model = Councillor

    title = "Stadtverordnete"
    first_name = factory.Sequence(lambda n: f"Vorname{n}")
    last_name = factory.Sequence(lambda n: f"Nachname{n}")
    faction = factory.SubFactory(FactionFactory)
    user = factory.SubFactory(UserFactory)


class DepartmentFactory(factory.django.DjangoModelFactory[Department]):
    class Meta:
        model = Department
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"FB {n}")
    name = factory.Sequence(lambda n: f"Fachbereich {n}")


class StaffMembershipFactory(factory.django.DjangoModelFactory[StaffMembership]):
    class Meta:
        model = StaffMembership

    user = factory.SubFactory(UserFactory)
    department = factory.SubFactory(DepartmentFactory)
    role = StaffMembership.Role.CLERK


class InquiryFactory(factory.django.DjangoModelFactory[Inquiry]):
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


# A tiny but well-formed PDF (one empty page), for reply documents in tests.
SMALL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def released_reply(inquiry, content: bytes = SMALL_PDF, version: int = 1):
    """A reply PDF of ``inquiry`` as the reply-document builder stores it (MEDIA_ROOT!)."""
    document = ReplyDocument(
        inquiry=inquiry,
        version=version,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content_hash="test",
        released_at=timezone.now(),
    )
    document.file.save("ignored.pdf", ContentFile(content), save=False)
    document.save()
    return document


# --- Smart City Index (rankings) ---------------------------------------------


class CityFactory(factory.django.DjangoModelFactory[City]):
    class Meta:
        model = "rankings.City"
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Stadt {n}")
    slug = factory.LazyAttribute(lambda c: c.name.lower().replace(" ", "-"))
    federal_state = "NW"


class EditionFactory(factory.django.DjangoModelFactory[Edition]):
    class Meta:
        model = "rankings.Edition"
        django_get_or_create = ["year"]

    year = factory.Sequence(lambda n: 2019 + n)
    cities_ranked = 81


class RankingEntryFactory(factory.django.DjangoModelFactory[RankingEntry]):
    class Meta:
        model = "rankings.RankingEntry"

    edition = factory.SubFactory(EditionFactory)
    city = factory.SubFactory(CityFactory)
    area = factory.LazyFunction(lambda: _overall_area())
    rank = factory.Sequence(lambda n: n % 80 + 1)
    sources = "https://example.org/quelle"


def _overall_area():
    return ensure_areas()["gesamt"]


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


class TopicFactory(factory.django.DjangoModelFactory[Topic]):
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
    return create_inquiries(
        [
            InquirySpec(
                meeting=meeting,
                author=author,
                subject=f"Massenanfrage {start + i} zur Verwaltung",
                preamble="Vorbemerkung zu Schulen und Straßen.",
                number=(2000 + (start + i) % 20, start + i + 1),
                submitted_at=now - datetime.timedelta(days=30),
                registered_at=now - datetime.timedelta(days=29),
                due_date=(now - datetime.timedelta(days=10)).date(),
                answered_at=now - datetime.timedelta(days=12 + i % 5),
                published_at=now - datetime.timedelta(minutes=start + i),
                questions=[
                    QuestionSpec(
                        f"Wie steht es um Verwaltungen, Frage {n}?",
                        lead_department=department,
                        answer=f"Antwort {n} der Verwaltung auf die Anfrage.",
                    )
                    for n in range(1, questions + 1)
                ],
                topics=topics,
            )
            for i in range(count)
        ]
    )


def publish_through_workflow(inquiry, personas, now=None):
    """Take a draft through the workflow to published, as its author and ``personas``' staff.

    Questions are answered by ``personas.department_a``.
    """
    from inquiries import workflow

    workflow.submit(inquiry, inquiry.author.user)
    workflow.register(inquiry, personas.office, inquiry.meeting.starts_at.date())
    for question in inquiry.questions.all():
        workflow.route(question, personas.office, personas.department_a)
        workflow.draft_answer(question, personas.clerk_a, f"Antwort auf Frage {question.number}.")
        workflow.send_for_review(question, personas.clerk_a)
        workflow.approve(question, personas.head_a)
    return workflow.publish(inquiry, personas.office, now=now)
