"""Benchmark of the reply letter: our build against WeasyPrint alone, and serving a stored PDF.

Run from the project folder (one run, one machine, figures printed; nothing asserted):

    .venv/bin/python bench/reply_pdf.py [--repeat 5]

It sets up a throw-away SQLite database and media folder, loads the demo and
measures, as medians of ``--repeat`` runs:

- our build of the seed reply (5 questions) and of a 20-page reply: everything
  the worker does (queries, payload and hash, template, WeasyPrint, SHA-256,
  storage, database row);
- WeasyPrint alone on the very same HTML, CSS and options;
- serving the stored PDF through the public download view (Django test client).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="ratsportal-bench-"))
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "herne_portal.settings",
        "SECRET_KEY": "bench-only",
        "DATABASE_URL": f"sqlite:///{WORK / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(WORK / "media"),
        "ALLOWED_HOSTS": "testserver",
        "LOG_LEVEL": "WARNING",
    }
)

import django  # noqa: E402

warnings.filterwarnings("ignore", message="No directory at")  # no collectstatic here

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from weasyprint import CSS, HTML  # noqa: E402

from inquiries import selectors  # noqa: E402
from inquiries.models import Inquiry, ReplyDocument  # noqa: E402
from inquiries.reply import renderer  # noqa: E402
from inquiries.reply.documents import build_reply_document  # noqa: E402
from inquiries.reply.payload import build_payload  # noqa: E402

PARAGRAPH = (
    "Die Verwaltung hat die Leistungen des Onlinezugangsgesetzes geprüft, bewertet und "
    "priorisiert; die Umsetzung erfolgt in Abstimmung mit dem Land und den Nachbarstädten. "
) * 4
LONG_ANSWER = "\n\n".join(f"Absatz {n:03d}. {PARAGRAPH}" for n in range(1, 101))


def seconds(job) -> float:
    start = time.perf_counter()
    job()
    return time.perf_counter() - start


def median_seconds(job, repeat: int) -> float:
    return statistics.median(seconds(job) for _ in range(repeat))


def our_build(inquiry_id: int):
    """The worker's job for new content, rolled back afterwards so it can run again."""
    with transaction.atomic():
        ReplyDocument.objects.filter(inquiry_id=inquiry_id).delete()
        document = build_reply_document(inquiry_id)
        assert document is not None
        transaction.set_rollback(True)


def weasyprint_alone(prepared) -> bytes:
    """The same HTML, CSS, URL fetcher and options handed to WeasyPrint directly."""
    base_url = renderer.settings.BASE_DIR.as_uri() + "/"
    fetcher = renderer.url_fetcher()
    options = renderer.pdf_options(prepared, fetcher, base_url)
    return HTML(string=prepared.html, base_url=base_url, url_fetcher=fetcher).write_pdf(**options)


def measure(label: str, inquiry_id: int, repeat: int) -> None:
    payload = build_payload(selectors.inquiry_for_reply(inquiry_id))
    prepared = renderer.prepare(payload, version=1)
    pages = len(
        HTML(string=prepared.html, base_url=str(ROOT))
        .render(stylesheets=[CSS(string=prepared.css)])
        .pages
    )
    # Interleaved, so that a busy machine slows both sides alike.
    our_times, alone_times = [], []
    for _ in range(repeat):
        our_times.append(seconds(lambda: our_build(inquiry_id)))
        alone_times.append(seconds(lambda: weasyprint_alone(prepared)))
    ours, alone = statistics.median(our_times), statistics.median(alone_times)
    print(f"{label} ({pages} pages)")
    print(f"  our build (worker job) : {ours * 1000:8.1f} ms")
    print(f"  WeasyPrint alone       : {alone * 1000:8.1f} ms")
    print(f"  overhead ratio         : {ours / alone:8.3f}  (target < 1.2)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # builds the demo replies
    seed = Inquiry.objects.get(subject="Ergebnis der Stadt Herne beim Smart City Index")
    long_one = Inquiry.objects.published().exclude(pk=seed.pk).earliest("pk")
    answer = long_one.answers.earliest("pk")
    answer.text, answer.approved_at = LONG_ANSWER, timezone.now()
    answer.save(update_fields=["text", "approved_at"])

    print(f"Reply letter benchmark, median of {args.repeat} runs (work folder {WORK})")
    measure("Seed reply, 5 questions", seed.pk, args.repeat)
    measure("20-page reply", long_one.pk, args.repeat)

    client = Client()
    url = reverse("inquiries:reply_pdf", args=[seed.pk])
    assert client.get(url).status_code == 200

    def serve():
        response = client.get(url)
        assert response.status_code == 200
        b"".join(response.streaming_content)

    served = median_seconds(serve, max(args.repeat, 50))
    print("Serving the stored seed reply (public download view)")
    print(f"  per request            : {served * 1000:8.2f} ms")


if __name__ == "__main__":
    main()
