"""Query plans of the heaviest pages: ``DATABASE_URL=postgres://... python benchmarks/explain.py``.

``EXPLAIN_PAGES="coordinator:/traineeships/new/ trainee:/"`` explains those pages instead (role:path,
as Zonnedal's demo accounts).

Renders each page in-process as its role (demo accounts), runs EXPLAIN (ANALYZE, BUFFERS)
on every query the page made, and prints the slowest queries with their plans, to find
the indexes they need. Needs a database loaded with ``demo --trainees N`` and VACUUM ANALYZE.
"""

import os
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "traineeship.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from benchmarks.common import ROLES  # noqa: E402
from benchmarks.inprocess import client_for  # noqa: E402
from programmes.models import Cohort  # noqa: E402

TOP = int(os.environ.get("EXPLAIN_TOP", "3"))


def pages():
    if chosen := os.environ.get("EXPLAIN_PAGES"):
        for page in chosen.split():
            role, url = page.split(":", 1)
            yield f"{url} ({role})", f"{role}@zonnedal.example", url
        return
    cohort = Cohort.objects.filter(programme__owner__slug="zonnedal").order_by("pk").first()
    yield "HR home", "hr@zonnedal.example", "/"
    yield "traineeship list (HR)", "hr@zonnedal.example", "/traineeships/"
    yield "manager overview", "manager@zonnedal.example", "/overview/"
    yield "manager home", "manager@zonnedal.example", "/"
    yield "mentor home", "mentor@zonnedal.example", "/"
    yield "mentor's mentees", "mentor@zonnedal.example", "/mentors/mentees/"
    yield "trainee home", "trainee@zonnedal.example", "/"
    if cohort:
        yield "cohort blueprint", "hr@zonnedal.example", f"/programmes/cohorts/{cohort.pk}/blueprint/"
    # A page whose content does not depend on the data: what it costs is what every page pays.
    for role in ROLES:
        yield f"accessibility statement ({role})", f"{role}@zonnedal.example", "/accessibility/"


def explain(sql: str) -> tuple[float, str]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        lines = [row[0] for row in cursor.fetchall()]
    total = next(float(line.split(":")[1].split()[0]) for line in lines if line.startswith("Execution Time"))
    return total, "\n".join(lines)


def main():
    setup_test_environment()  # the test client's host, whatever DJANGO_ALLOWED_HOSTS says
    for title, email, url in pages():
        client = client_for(email)
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            status = client.get(url).status_code
        plans = []
        for query in captured.captured_queries:
            if query["sql"].lstrip().upper().startswith("SELECT"):
                plans.append((*explain(query["sql"]), query["sql"]))
        plans.sort(key=lambda plan: -plan[0])
        total = sum(plan[0] for plan in plans)
        print(f"\n===== {title} {url} ({status}): {len(captured)} queries, {total:.1f} ms in the database")
        for ms, plan, sql in plans[:TOP]:
            print(f"\n--- {ms:.1f} ms: {sql[:600]}\n{plan}")


if __name__ == "__main__":
    main()
