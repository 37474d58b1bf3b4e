"""The migrations create the partial indexes that the PostgreSQL plans of the heaviest pages asked for."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

PARTIAL_INDEXES = {
    "mentors_agreement": {"agreement_open_by_due_date": ["due_date", "id"]},
    "mentors_meeting": {"meeting_kick_off_held": ["traineeship_id"]},
    "programmes_learninggoal": {
        "learninggoal_approved": ["traineeship_id"],
        "learninggoal_approved_no_kind": ["traineeship_id"],
    },
    "portfolios_selfevaluation": {"selfevaluation_start_submitted": ["traineeship_id"]},
}


def index_definition(name: str) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [name])
        else:
            cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = %s", [name])
        return cursor.fetchone()[0]


@pytest.mark.parametrize("table", sorted(PARTIAL_INDEXES))
def test_the_migrations_create_the_partial_indexes(table):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    for name, columns in PARTIAL_INDEXES[table].items():
        assert name in constraints, f"{table} lacks {name}"
        assert constraints[name]["index"] and constraints[name]["columns"] == columns
        assert " WHERE " in index_definition(name).upper(), f"{name} is not partial"
