"""Measurements inside Django against a benchmark database (run by ``bench.py`` as a subprocess).

Reads a JSON request on stdin and prints JSON: the SQL queries per page (gunicorn
cannot report them) and, for a PDF URL, WeasyPrint's own time to render the very
HTML the view rendered (captured by wrapping ``weasyprint.HTML``).
"""

import json
import statistics
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from organisations.models import User  # noqa: E402


def client_for(email: str | None) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    if email:
        client.force_login(User.objects.get(email=email))
    return client


def count_queries(pages: list[list[str]]) -> dict[str, int]:
    clients, counts = {}, {}
    for email, url in pages:
        client = clients.setdefault(email, client_for(email))
        client.get(url)  # warm caches the way a second visit would
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        counts[f"{email} {url}"] = len(captured) if response.status_code < 500 else -1
    return counts


def weasyprint_only(email: str, url: str, repeat: int = 3) -> dict:
    """Render the PDF the way the task worker does, capturing WeasyPrint's input, then time WeasyPrint alone.

    The view serves a stored copy while it is fresh: the stored copies of the traineeship are
    removed first, so the view (with an immediate task backend) renders it again, as a worker would."""
    import weasyprint
    from django.urls import resolve

    from portfolios.models import StoredPdf

    stored = StoredPdf.objects.filter(traineeship_id=resolve(url).kwargs["pk"])
    client = client_for(email)
    stored.delete()
    client.get(url)  # warm up (fonts, the parsed print stylesheet), as WeasyPrint alone is warm below
    stored.delete()

    captured = {}
    original_init, original_write = weasyprint.HTML.__init__, weasyprint.HTML.write_pdf

    def init(self, *args, **kwargs):
        captured.setdefault("init", (args, kwargs))
        original_init(self, *args, **kwargs)

    def write_pdf(self, *args, **kwargs):
        captured.setdefault("write", (args, kwargs))
        return original_write(self, *args, **kwargs)

    weasyprint.HTML.__init__, weasyprint.HTML.write_pdf = init, write_pdf
    try:
        started = time.perf_counter()
        response = client.get(url)
        b"".join(response.streaming_content) if response.streaming else response.content
        view_ms = (time.perf_counter() - started) * 1000
    finally:
        weasyprint.HTML.__init__, weasyprint.HTML.write_pdf = original_init, original_write
    if "init" not in captured or "write" not in captured:
        return {"view_ms": view_ms, "weasyprint_only_ms": None, "status": response.status_code}
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        args, kwargs = captured["init"]
        write_args, write_kwargs = captured["write"]
        weasyprint.HTML(*args, **kwargs).write_pdf(*write_args, **write_kwargs)
        times.append((time.perf_counter() - started) * 1000)
    return {"view_ms": view_ms, "weasyprint_only_ms": statistics.median(times), "status": response.status_code}


if __name__ == "__main__":
    request = json.load(sys.stdin)
    answer = {"queries": count_queries(request.get("pages", []))}
    if request.get("pdf"):
        answer["pdf"] = weasyprint_only(*request["pdf"])
    json.dump(answer, sys.stdout)
