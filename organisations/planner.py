"""The query planner's statistics: how many rows each table and index holds.

PostgreSQL's autovacuum keeps them by itself. SQLite keeps none until ``ANALYZE`` runs, and then
plans every scoped list as if a table were small: at 10,000 traineeships it started the
partner-organisation part of a scope from the 5,000 placements of the organisation instead of
from its (no) partnerships, 5 ms on every scoped query, and the organisation-wide pages took
twice as long as with statistics (issue 13). ``ANALYZE`` of that database takes 0.1 s.
"""

from django.db import connection


def refresh_planner_statistics(*, vacuum: bool = False) -> None:
    """Daily (``update_traineeship_status``), and after a bulk load (``demo``) with ``vacuum``: on
    PostgreSQL also the visibility map, so index-only scans work at once (not in a transaction)."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if vacuum and connection.vendor == "postgresql" else "ANALYZE")
