"""Competencies and learning goals left programmes for their own apps without losing a row:
the database filled by ``demo`` before the move holds the same rows after it."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE_THE_MOVE = [
    ("programmes", "0009_partial_indexes_for_approved_goals"),
    ("mentors", "0004_partial_indexes_for_stappenplan_and_open_agreements"),
    ("portfolios", "0004_partial_index_for_submitted_start_self_evaluation"),
    ("goals", None),
    ("competencies", None),
]
MOVED = {
    ("competencies", "CompetencyFramework"),
    ("competencies", "Competency"),
    ("competencies", "LearningActivity"),
    ("goals", "LearningGoal"),
    ("goals", "GoalProgress"),
}


def _row_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            if table == "django_migrations":  # records the migrations themselves
                continue
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
    return counts


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.mark.django_db(transaction=True)
def test_demo_data_survives_the_move_row_for_row():
    # Filled by today's ``demo``, then taken back to before the move (later migrations drop
    # only their columns), so the test keeps working as new migrations arrive.
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    call_command("demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    old = _migrate(BEFORE_THE_MOVE)
    old_apps = old.loader.project_state([node for node in BEFORE_THE_MOVE if node[1]]).apps
    assert old_apps.get_model("programmes", "LearningGoal")._meta.db_table == "programmes_learninggoal"
    before = _row_counts()
    assert before["programmes_learninggoal"] > 0 and before["programmes_competency"] > 0

    new = _migrate(leaves)
    after = _row_counts()
    assert {table: after.get(table) for table in before} == before  # later tables come back too

    # The moved models read the same rows from their new apps.
    new_apps = new.loader.project_state(leaves).apps
    for app_label, name in MOVED:
        model = new_apps.get_model(app_label, name)
        assert model.objects.count() == before[f"programmes_{name.lower()}"] > 0
    goal = new_apps.get_model("goals", "LearningGoal").objects.filter(competencies__isnull=False).first()
    assert goal is not None and goal.competencies.exists()
