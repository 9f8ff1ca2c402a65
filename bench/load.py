"""Load test: gunicorn on PostgreSQL, loopback only, bounded in time.

    .venv/bin/python bench/load.py [--inquiries 10000] [--duration 20] [--clients 16]

1. migrates the bench database (``BENCH_DATABASE_URL``, default
   ``postgres://postgres@127.0.0.1:5432/ratsportal_bench``; created if missing)
   and fills it with the generated data set (``bench/dataset.py``);
2. starts gunicorn (workers from the core count, as in docs/deployment.md) with
   the production settings (DEBUG off, JSON logs, whitenoise) on 127.0.0.1;
3. runs the portal mix (public list pages, inquiry pages, reply PDF downloads)
   and then a minimal Django view (the ceiling of the stack on this machine),
   each for ``--duration`` seconds with ``--clients`` concurrent keep-alive clients;
4. prints requests/s, median and 99th-percentile latency and the errors of
   each, and the ratio portal/ceiling. Any failed request is an error.

Record the figures in docs/performance.md with the date and the machine.
"""

import argparse
import http.client
import multiprocessing
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/ratsportal_bench"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _environment(database_url: str, media: Path) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        SECRET_KEY=env.get("SECRET_KEY", "bench-only-" + "x" * 50),
        DEBUG="0",
        SECURE_HTTPS="0",  # TLS ends at the proxy; this measures the app server
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media),
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    return env


def _ensure_database(database_url: str) -> None:
    name = database_url.rsplit("/", 1)[1]
    server = database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def _prepare(env: dict, inquiries: int) -> list[int]:
    python = sys.executable
    subprocess.run(
        [python, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    subprocess.run(
        [python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    code = (
        "import django; django.setup(); from bench import dataset; "
        f"dataset.ensure({inquiries}); "
        "from inquiries.models import Inquiry; "
        "print(*Inquiry.objects.published().filter(replies__isnull=False)"
        ".values_list('pk', flat=True)[:5000])"
    )
    out = subprocess.run(
        [python, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    lines = out.stdout.strip().splitlines()
    for line in lines[:-1]:
        print(line)
    return [int(pk) for pk in lines[-1].split()]


def _client(port, paths, stop_at, results, seed):
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while time.monotonic() < stop_at:
        path = paths(rng)
        started = time.perf_counter()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            ok = response.status == 200
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
        except (OSError, http.client.HTTPException):
            ok = False
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        results.append((time.perf_counter() - started, ok))
    conn.close()


def _run_process(port, kind, pks, clients, duration, seed, queue):
    pages = max(1, len(pks) // 20)

    def portal(rng):
        roll = rng.random()
        if roll < 0.3:
            return f"/?seite={rng.randint(1, min(pages, 50))}"
        if roll < 0.8:
            return f"/anfragen/{rng.choice(pks)}/"
        return f"/anfragen/{rng.choice(pks)}/antwort.pdf"

    def ceiling(rng):
        return "/bench/ceiling"

    results: list = []
    stop_at = time.monotonic() + duration
    threads = [
        threading.Thread(
            target=_client,
            args=(port, portal if kind == "portal" else ceiling, stop_at, results, seed * 100 + n),
        )
        for n in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queue.put(results)


def measure(port, kind, pks, clients, duration) -> dict:
    """Run ``clients`` keep-alive clients spread over two processes for ``duration`` seconds."""
    processes = 2
    queue: multiprocessing.Queue[dict] = multiprocessing.Queue()
    workers = [
        multiprocessing.Process(
            target=_run_process,
            args=(port, kind, pks, max(1, clients // processes), duration, n, queue),
        )
        for n in range(processes)
    ]
    started = time.monotonic()
    for worker in workers:
        worker.start()
    results = [item for _ in workers for item in queue.get()]
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - started
    latencies = sorted(latency for latency, _ in results)
    return {
        "requests": len(results),
        "rps": len(results) / elapsed,
        "median_ms": statistics.median(latencies) * 1000 if latencies else 0.0,
        "p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000 if latencies else 0.0,
        "errors": sum(1 for _, ok in results if not ok),
    }


def _wait_until_up(port, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn exited during start-up")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer /healthz")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inquiries", type=int, default=10_000)
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per run")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients")
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    args = parser.parse_args(argv)
    if not args.database_url.startswith("postgres"):
        raise SystemExit("The load test runs on PostgreSQL: set --database-url postgres://...")

    media = Path(tempfile.gettempdir()) / "ratsportal-bench-media"
    media.mkdir(exist_ok=True)
    env = _environment(args.database_url, media)
    _ensure_database(args.database_url)
    print(f"Data set: {args.inquiries} published inquiries on {args.database_url}")
    pks = _prepare(env, args.inquiries)

    port = _free_port()
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    server = subprocess.Popen(
        [
            gunicorn,
            "herne_portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--keep-alive",
            "30",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        _wait_until_up(port, server)
        print(
            f"gunicorn: {args.workers} workers; {args.clients} clients; "
            f"{args.duration:.0f} s per run; {os.cpu_count()} cores; "
            "load average before: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg())
        )
        figures = {}
        for kind in ("portal", "ceiling"):
            figures[kind] = measure(port, kind, pks, args.clients, args.duration)
            f = figures[kind]
            print(
                f"{kind:8} {f['requests']:7d} requests  {f['rps']:8.1f} req/s  "
                f"median {f['median_ms']:7.1f} ms  p99 {f['p99_ms']:7.1f} ms  "
                f"errors {f['errors']}"
            )
        print("load average after: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
        ratio = figures["portal"]["rps"] / figures["ceiling"]["rps"]
        print(f"ratio portal/ceiling: {ratio:.2f}")
        errors = figures["portal"]["errors"] + figures["ceiling"]["errors"]
    finally:
        server.terminate()
        server.wait(30)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
