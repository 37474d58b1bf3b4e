"""``make load``: 60 seconds of 100 simulated people against gunicorn and two task workers on the small demo database.

With ``LOAD_TARGET=http://host:port`` it runs against a server that is already up with
the demo data instead (``make load CLUSTER=1`` starts ``scripts/cluster`` for it).

Measures an idle p95 first (one person at a time), then runs the locust scenario
headless, and reports failures (must be 0) and the p95 under load beside the idle one.
"""

import contextlib
import csv
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import (
    PYTHON,
    ROOT,
    collectstatic,
    ensure_database,
    gunicorn,
    http_fetcher,
    sign_in,
)
from tests.crawling import crawl, is_own_page

USERS = os.environ.get("LOAD_USERS", os.environ.get("USERS", "100"))
TARGET = os.environ.get("LOAD_TARGET", "")
# Whose downloads are in the scenario, and where they find the traineeships.
PDF_ROLES = {"hr": "/traineeships/", "manager": "/overview/"}
TRAINEESHIP_LINK = re.compile(r'href="/(?:traineeships|portfolio)/(\d+)/"')
DURATION = os.environ.get("LOAD_DURATION", "60s")
ROLES = ["hr", "manager", "mentor", "trainee"]


def idle_p95(base: str) -> float:
    samples = []
    for role in ROLES:
        session = sign_in(base, f"{role}@zonnedal.example")
        pages = crawl(http_fetcher(session, base), ("/",), per_pattern=1, limit=15, follow=is_own_page).pages
        for url in pages:
            for _ in range(5):
                started = time.perf_counter()
                session.get(base + url, timeout=60).content  # noqa: B018
                samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return samples[int(round(0.95 * (len(samples) - 1)))]


def ready_pdf(session, base: str, url: str, wait: float = 180) -> bool:
    """Ask for a PDF until the task worker has stored it (the progress page answers 202 meanwhile)."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        status = session.get(base + url, timeout=120).status_code
        if status != 202:
            return status == 200
        time.sleep(0.5)
    return False


def pdf_urls(session, base: str, role: str) -> list[str]:
    """The portfolio and final-evaluation PDFs this account may download, made once by the task
    worker first: at work these are stored already, until a trainee or mentor changes something."""
    page = session.get(base + PDF_ROLES[role], timeout=60).text
    urls = []
    for pk in list(dict.fromkeys(TRAINEESHIP_LINK.findall(page)))[:5]:
        for url in (f"/portfolio/{pk}/pdf/", f"/portfolio/{pk}/final-evaluation/pdf/"):
            session.get(base + url, timeout=120)  # queue every render first, then wait for each
            urls.append(url)
    return [url for url in urls if ready_pdf(session, base, url)]


def signed_in_sessions(base: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """A Cookie header per demo account of each role, signed in over HTTP once, and the
    PDFs each HR adviser's and manager's account downloads, keyed by that Cookie header."""
    sessions, pdfs = {}, {}
    for role in ROLES:
        for slug in ("zonnedal", "buurtkracht"):
            session = sign_in(base, f"{role}@{slug}.example")
            cookies = "; ".join(f"{name}={value}" for name, value in session.cookies.items())
            sessions.setdefault(role, []).append(cookies)
            if role in PDF_ROLES:
                pdfs[cookies] = pdf_urls(session, base, role)
    return sessions, pdfs


@contextlib.contextmanager
def server():
    if TARGET:
        yield TARGET.rstrip("/")
        return
    ensure_database("small")
    collectstatic()
    with gunicorn("small", task_workers=2) as base:
        yield base


def main() -> int:
    with server() as base, tempfile.TemporaryDirectory() as scratch:
        idle = idle_p95(base)
        sessions, pdfs = signed_in_sessions(base)
        prefix = Path(scratch) / "load"
        subprocess.run(
            [
                PYTHON,
                "-m",
                "locust",
                "-f",
                "benchmarks/locustfile.py",
                "--headless",
                "-u",
                USERS,
                "-r",
                "10",
                "-t",
                DURATION,
                "--host",
                base,
                "--csv",
                str(prefix),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            cwd=ROOT,
            env={
                **os.environ,
                "PYTHONPATH": str(ROOT),
                "LOAD_PAGE_TIMES": str(Path(scratch) / "pages.json"),
                "LOAD_SESSIONS": json.dumps(sessions),
                "LOAD_PDFS": json.dumps(pdfs),
            },
            check=False,
        )
        with open(f"{prefix}_stats.csv", newline="") as handle:
            rows = list(csv.DictReader(handle))
        page_times = sorted(json.loads((Path(scratch) / "pages.json").read_text() or "[]"))
    total = next(row for row in rows if row["Name"] == "Aggregated")
    failures = int(total["Failure Count"])
    requests = int(total["Request Count"])
    p95 = float(total["95%"])
    where = TARGET or "gunicorn (2 workers) and 2 task workers, 100 traineeships"
    print(f"\nLoad: {USERS} simulated people for {DURATION} against {where}")
    print(f"  requests {requests}, failures {failures} (target 0), {float(total['Requests/s']):.0f} req/s")
    print(f"  p95 under load {p95:.0f} ms beside idle p95 {idle:.0f} ms ({p95 / idle:.1f}x)")
    if page_times:
        pages_p95 = page_times[int(round(0.95 * (len(page_times) - 1)))]
        print(
            f"  pages after sign-in: p95 {pages_p95:.0f} ms beside idle p95 {idle:.0f} ms ({pages_p95 / idle:.1f}x),"
            f" {len(page_times)} requests"
        )
    downloads = sum(int(row["Request Count"]) for row in rows if row["Name"].endswith("pdf/"))
    print(f"  PDF downloads {downloads} of {requests} requests ({100 * downloads / max(requests, 1):.1f}%)")
    print(f"  median under load {float(total['50%']):.0f} ms")
    slowest = sorted((row for row in rows if row["Name"] != "Aggregated"), key=lambda r: -float(r["95%"] or 0))[:5]
    print("  slowest p95: " + ", ".join(f"{row['Name']} {float(row['95%']):.0f} ms" for row in slowest))
    print(f"  (median of per-page medians {statistics.median(float(r['50%']) for r in rows):.0f} ms)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
