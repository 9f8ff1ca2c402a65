"""A generated data set for the load test: N published inquiries with answers and reply PDFs.

Rows are written with ``bulk_create`` (10,000 inquiries through the workflow
would take long); the shape matches what the workflow produces: three
questions each, one answer per question, public audit events, one released
reply PDF per inquiry. Run inside Django (``bench/load.py`` calls ``ensure``).
"""

import datetime
import hashlib
import random

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from inquiries.models import (
    Answer,
    AuditEvent,
    Committee,
    Councillor,
    Department,
    Faction,
    Inquiry,
    Meeting,
    Question,
    ReplyDocument,
)

WORDS = (
    "Digitalisierung Verwaltung Schulen WLAN Breitband Radwege Parkplätze Bürgerdienste "
    "Open Data Sensoren Beleuchtung Haushalt Förderung Klimaschutz Bäume Spielplätze "
    "Sitzungsdienst Terminvergabe Bibliothek Feuerwehr Straßen Baustellen Smart City"
).split()
BATCH = 1000


def _text(rng, words):
    return " ".join(rng.choice(WORDS) for _ in range(words))


def ensure(count: int, seed: int = 9) -> int:
    """Create published bench inquiries until there are ``count``; return how many exist."""
    existing = Inquiry.objects.published().count()
    if existing >= count:
        return existing
    rng = random.Random(seed + existing)
    committee, _ = Committee.objects.get_or_create(
        short_name="Bench", defaults={"name": "Ausschuss (Lasttest)"}
    )
    faction, _ = Faction.objects.get_or_create(short_name="BF", defaults={"name": "Bench-Fraktion"})
    department, _ = Department.objects.get_or_create(code="FB 99", defaults={"name": "Lasttest"})
    actor, _ = User.objects.get_or_create(username="bench.buero")
    authors = []
    for n in range(20):
        author, _ = Councillor.objects.get_or_create(
            first_name="Bench", last_name=f"Rat {n:02d}", defaults={"faction": faction}
        )
        authors.append(author)
    start = timezone.now() - datetime.timedelta(days=3 * 365)
    meetings = []
    for n in range(60):
        starts = start + datetime.timedelta(days=18 * n)
        meeting, _ = Meeting.objects.get_or_create(
            committee=committee,
            starts_at=starts,
            defaults={"submission_deadline": starts - datetime.timedelta(days=7)},
        )
        meetings.append(meeting)
    pdf_body = b"%PDF-1.7\n% Ratsportal bench reply\n" + b"0" * 20_000
    sha = hashlib.sha256(pdf_body).hexdigest()
    year = 2000 + (existing // 9000)  # keep number_year/number_sequence unique
    while existing < count:
        size = min(BATCH, count - existing)
        with transaction.atomic():
            published_at = [
                start + datetime.timedelta(minutes=137 * (existing + i)) for i in range(size)
            ]
            inquiries = Inquiry.objects.bulk_create(
                Inquiry(
                    meeting=rng.choice(meetings),
                    author=rng.choice(authors),
                    subject=f"Anfrage zu {_text(rng, 3)}",
                    preamble=_text(rng, 60) + "\n\n" + _text(rng, 40),
                    status=Inquiry.Status.PUBLISHED,
                    number_year=year,
                    number_sequence=existing + i + 1,
                    submitted_at=published_at[i],
                    registered_at=published_at[i],
                    answered_at=published_at[i],
                    published_at=published_at[i],
                )
                for i in range(size)
            )
            answers = Answer.objects.bulk_create(
                Answer(inquiry=inquiry, department=department, text=_text(rng, 80))
                for inquiry in inquiries
                for _ in range(3)
            )
            Question.objects.bulk_create(
                Question(
                    inquiry=answer.inquiry,
                    number=k % 3 + 1,
                    text=_text(rng, 20) + "?",
                    status=Question.Status.APPROVED,
                    lead_department=department,
                    answer=answer,
                )
                for k, answer in enumerate(answers)
            )
            AuditEvent.objects.bulk_create(
                AuditEvent(
                    inquiry=inquiry,
                    actor=actor,
                    action=action,
                    from_state=from_state,
                    to_state=to_state,
                    is_public=True,
                    created_at=moment,
                )
                for inquiry, moment in zip(inquiries, published_at, strict=True)
                for action, from_state, to_state in (
                    ("submit", "draft", "submitted"),
                    ("register", "submitted", "registered"),
                    ("publish", "answered", "published"),
                )
            )
            documents = []
            for inquiry in inquiries:
                name = default_storage.save(
                    f"replies/{inquiry.pk}/v1-{sha[:12]}.pdf", ContentFile(pdf_body)
                )
                documents.append(
                    ReplyDocument(
                        inquiry=inquiry,
                        version=1,
                        file=name,
                        size=len(pdf_body),
                        sha256=sha,
                        content_hash=sha,
                        is_released=True,
                        released_at=inquiry.published_at,
                    )
                )
            ReplyDocument.objects.bulk_create(documents)
        existing += size
        print(f"  {existing} published inquiries", flush=True)
    return existing
