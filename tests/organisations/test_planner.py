"""The planner's statistics are kept: the daily command analyses the tables (SQLite keeps none by itself)."""

from django.core.management import call_command
from django.db import connection

from programmes.models import Traineeship
from tests.programmes.factories import TraineeshipFactory


def rows_known_to_planner() -> float | None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [Traineeship._meta.db_table])
        elif "sqlite_stat1" not in connection.introspection.table_names(cursor):
            return None
        else:
            cursor.execute(
                "SELECT CAST(substr(stat, 1, instr(stat || ' ', ' ') - 1) AS INTEGER) FROM sqlite_stat1 WHERE tbl = %s",
                [Traineeship._meta.db_table],
            )
        row = cursor.fetchone()
    return row[0] if row else None


def test_the_daily_command_refreshes_the_planner_statistics(db):
    TraineeshipFactory.create_batch(3)
    call_command("update_traineeship_status", stdout=None)
    assert rows_known_to_planner() == 3
