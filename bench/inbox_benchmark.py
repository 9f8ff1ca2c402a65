"""Benchmark of the office and department inboxes (prints figures, asserts nothing).

Fills a fresh throw-away database with 5,000 registered inquiries and 25,000 routed
questions, then prints the median time of the office inbox, the department inbox and
a minimal view (one small query) on the same database, and the ratios.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ratsportal \
        .venv/bin/python bench/inbox_benchmark.py [--inquiries 5000] [--runs 30]

The database named in DATABASE_URL is not touched: Django's test-database machinery
creates ``test_<name>`` and drops it afterwards.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "herne_portal.settings_test")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import Group, User  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import include, path  # noqa: E402
from django.utils import timezone  # noqa: E402

from inquiries.demo.bulk import InquirySpec, QuestionSpec, create_inquiries  # noqa: E402
from inquiries.models import (  # noqa: E402
    Committee,
    Councillor,
    Department,
    Inquiry,
    Meeting,
    Question,
    StaffMembership,
)
from inquiries.permissions import OFFICE_GROUP  # noqa: E402


def minimal_view(request):
    return HttpResponse(str(Department.objects.order_by("pk").values_list("pk").first()))


def fill(count: int):
    office = User.objects.create_user("bench.office")
    office.groups.add(Group.objects.get_or_create(name=OFFICE_GROUP)[0])
    departments = Department.objects.bulk_create(
        Department(code=f"FB {n:02d}", name=f"Fachbereich {n}") for n in range(10)
    )
    clerk = User.objects.create_user("bench.clerk")
    StaffMembership.objects.create(user=clerk, department=departments[0])
    committee = Committee.objects.create(name="Rat", short_name="Rat")
    now = timezone.now()
    meeting = Meeting.objects.create(
        committee=committee,
        starts_at=now + datetime.timedelta(days=30),
        submission_deadline=now + datetime.timedelta(days=20),
    )
    author = Councillor.objects.create(first_name="Bench", last_name="Mark")
    today = timezone.localdate()
    create_inquiries(
        [
            InquirySpec(
                meeting=meeting,
                author=author,
                subject=f"Anfrage {n}",
                status=Inquiry.Status.REGISTERED,
                number=(2030, n + 1),
                submitted_at=now,
                registered_at=now,
                due_date=today + datetime.timedelta(days=(n % 40) - 10),
                questions=[
                    QuestionSpec(
                        f"Frage {k} der Anfrage {n}?",
                        lead_department=departments[(n + k) % len(departments)],
                        status=Question.Status.ROUTED,
                    )
                    for k in range(1, 6)
                ],
            )
            for n in range(count)
        ]
    )
    return office, clerk


def median_ms(client, url, runs):
    client.get(url)  # warm up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inquiries", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    # No setup_test_environment(): its template instrumentation would dominate the figures.
    settings.ALLOWED_HOSTS = ["*"]
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        office, clerk = fill(args.inquiries)
        filled = time.perf_counter() - started
        print(f"database {connection.vendor} ({name}): filled in {filled:.1f} s")
        urls = type(
            "BenchUrls",
            (),
            {
                "urlpatterns": [
                    path("minimal/", minimal_view),
                    path("", include("herne_portal.urls")),
                ]
            },
        )
        sys.modules["bench_urls"] = urls
        with override_settings(ROOT_URLCONF="bench_urls"):
            office_client, clerk_client = Client(), Client()
            office_client.force_login(office)
            clerk_client.force_login(clerk)
            minimal = median_ms(office_client, "/minimal/", args.runs)
            office_ms = median_ms(office_client, "/buero/", args.runs)
            department_ms = median_ms(clerk_client, "/fachbereich/", args.runs)
        print(f"inquiries: {args.inquiries}, questions: {Question.objects.count()}")
        print(f"median of {args.runs} requests:")
        print(f"  minimal view       {minimal:8.1f} ms")
        print(f"  office inbox       {office_ms:8.1f} ms  ({office_ms / minimal:.1f} × minimal)")
        ratio = department_ms / minimal
        print(f"  department inbox   {department_ms:8.1f} ms  ({ratio:.1f} × minimal)")
    finally:
        connection.creation.destroy_test_db(name, verbosity=0)


if __name__ == "__main__":
    main()
