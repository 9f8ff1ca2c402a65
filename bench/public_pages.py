"""Benchmark of the public pages on 10,000 published inquiries (prints figures, asserts nothing).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rp_bench .venv/bin/python -m bench.public_pages

Use a database of its own: the script migrates it and fills it once with 10,000
published inquiries of 5 questions and answers each (50,000 of both). It then
prints, in one run,

1. the median time of the list, a filtered list, a search and an inquiry page,
   each next to a minimal view that reads the same table without a template
   (the ratio says what the page costs beyond the floor), and
2. the throughput of the list page under gunicorn with 2 workers, measured by
   a load generator on loopback: ``wrk`` if installed, else a bounded Python
   client (keep-alive connections in threads, fixed duration).
"""

import argparse
import datetime
import http.client
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from inquiries.demo.bulk import InquirySpec, QuestionSpec, create_inquiries  # noqa: E402
from inquiries.models import (  # noqa: E402
    Committee,
    Councillor,
    Department,
    Faction,
    Inquiry,
    Meeting,
    Topic,
)

INQUIRIES = 10_000
QUESTIONS_PER_INQUIRY = 5
BATCH = 1_000
WORDS = [
    "Verwaltung", "Schulen", "Digitalisierung", "Radwege", "Haushalt", "Glasfaser",
    "Bürgerbüro", "Klimaschutz", "Spielplätze", "Straßenbeleuchtung", "Parkhaus", "Kitas",
]  # fmt: skip


def fill():
    have = Inquiry.objects.published().count()
    if have >= INQUIRIES:
        print(f"database already holds {have} published inquiries")
        return
    now = timezone.now()
    committee, _ = Committee.objects.get_or_create(short_name="BENCH", defaults={"name": "Bench"})
    faction, _ = Faction.objects.get_or_create(short_name="BENCH", defaults={"name": "Bench"})
    councillors = [
        Councillor.objects.get_or_create(
            first_name="Bench", last_name=f"Person {n}", defaults={"faction": faction}
        )[0]
        for n in range(20)
    ]
    departments = [
        Department.objects.get_or_create(code=f"B{n:02d}", defaults={"name": f"Bench {n}"})[0]
        for n in range(10)
    ]
    topics = [
        Topic.objects.get_or_create(slug=f"bench-{n}", defaults={"name": f"Bench {n}"})[0]
        for n in range(8)
    ]
    meetings = [
        Meeting.objects.get_or_create(
            committee=committee,
            starts_at=now - datetime.timedelta(days=7 * n),
            defaults={"submission_deadline": now - datetime.timedelta(days=7 * n + 7)},
        )[0]
        for n in range(50)
    ]
    started = time.perf_counter()
    for offset in range(have, INQUIRIES, BATCH):
        with transaction.atomic():
            _fill_batch(offset, min(BATCH, INQUIRIES - offset), now, councillors, departments,
                        topics, meetings)  # fmt: skip
        print(f"  filled {offset + BATCH} inquiries", file=sys.stderr)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # planner statistics for the new rows
    print(f"filled in {time.perf_counter() - started:.1f} s")


def _fill_batch(offset, count, now, councillors, departments, topics, meetings):
    def question(i, n):
        k = i * QUESTIONS_PER_INQUIRY + n
        return QuestionSpec(
            f"Wie steht es um {WORDS[k % 12]} und die Verwaltungen? " * 3,
            lead_department=departments[(i + 1 + n) % len(departments)],
            answer=f"Die Verwaltung antwortet zu {WORDS[(i + 1 + n) % 12]}. " * 6,
        )

    create_inquiries(
        [
            InquirySpec(
                meeting=meetings[i % len(meetings)],
                author=councillors[i % len(councillors)],
                subject=f"{WORDS[i % len(WORDS)]} und {WORDS[(i * 7) % len(WORDS)]} in Herne ({i})",
                preamble=f"Vorbemerkung zu {WORDS[(i * 3) % len(WORDS)]}. " * 8,
                number=(2015 + i % 10, i + 1),
                submitted_at=now - datetime.timedelta(days=i % 700 + 30),
                registered_at=now - datetime.timedelta(days=i % 700 + 29),
                due_date=(now - datetime.timedelta(days=i % 700 + 10)).date(),
                answered_at=now - datetime.timedelta(days=i % 700 + 5 + i % 20),
                published_at=now - datetime.timedelta(days=i % 700, minutes=i),
                questions=[question(i, n) for n in range(QUESTIONS_PER_INQUIRY)],
                topics=[topics[i % len(topics)]],
            )
            for i in range(offset, offset + count)
        ]
    )


def median_ms(client, url, runs):
    client.get(url)  # warm up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times)


def page_figures(runs):
    client = Client()
    detail = Inquiry.objects.published().order_by("-published_at").first()
    department = Department.objects.get(code="B03")
    rows = [
        ("list", "/anfragen/", "/minimal/"),
        ("filtered list", f"/anfragen/?fachbereich={department.pk}&jahr=2020&thema=bench-3",
         "/minimal/"),
        ("search", "/anfragen/?q=Verwaltungen+Radwege", "/minimal/"),
        ("detail", detail.get_absolute_url(), f"/minimal/{detail.pk}/"),
    ]  # fmt: skip
    print(f"\nmedian of {runs} requests in-process ({connection.vendor}):")
    print(f"{'page':<15}{'page ms':>10}{'minimal ms':>12}{'ratio':>8}")
    for name, url, minimal in rows:
        page_ms, floor_ms = median_ms(client, url, runs), median_ms(client, minimal, runs)
        print(f"{name:<15}{page_ms:>10.1f}{floor_ms:>12.1f}{page_ms / floor_ms:>8.1f}")


def _python_load(port, path, seconds, connections):
    """Keep-alive GETs from ``connections`` threads for ``seconds``; (requests, errors)."""
    counts, errors = [0] * connections, [0] * connections
    stop = time.monotonic() + seconds

    def worker(n):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.monotonic() < stop:
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if response.status == 200:
                    counts[n] += 1
                else:
                    errors[n] += 1
            except (OSError, http.client.HTTPException):
                errors[n] += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts), sum(errors)


def _port_is_free(port) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def throughput(port, seconds, connections):
    if not _port_is_free(port):
        raise SystemExit(f"port {port} is in use: stop what runs there or pass --port")
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "herne_portal.wsgi:application",
         "--workers", "2", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=root, env=env,
    )  # fmt: skip
    try:
        for _ in range(100):
            if server.poll() is not None:
                raise SystemExit(f"gunicorn exited (is port {port} in use? try --port)")
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/anfragen/", timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)

        wrk = shutil.which("wrk")
        print(f"\nlist page under gunicorn, 2 workers, {connections} connections, {seconds} s:")
        if wrk:
            result = subprocess.run(
                [wrk, f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s",
                 f"http://127.0.0.1:{port}/anfragen/"],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            line = next(x for x in result.stdout.splitlines() if "Requests/sec" in x)
            print(f"wrk: {line.strip()}")
        else:
            done, failed = _python_load(port, "/anfragen/", seconds, connections)
            print(
                f"python load generator: {done / seconds:.1f} requests/s "
                f"({done} ok, {failed} failed); install wrk for a stronger client"
            )
    finally:
        server.terminate()
        server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="requests per page (median)")
    parser.add_argument("--seconds", type=int, default=10, help="load test duration")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", 8106)))
    args = parser.parse_args()
    args.runs = max(3, min(args.runs, 500))
    args.seconds = max(2, min(args.seconds, 60))
    args.connections = max(1, min(args.connections, 64))
    call_command("migrate", verbosity=0)
    fill()
    page_figures(args.runs)
    throughput(args.port, args.seconds, args.connections)


if __name__ == "__main__":
    main()
