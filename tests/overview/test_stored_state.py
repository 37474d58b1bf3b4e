"""The stored traineeship state equals a fresh computation after every service call."""

from datetime import time, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from goals.models import LearningGoal
from mentors import services as mentor_services
from mentors.models import AgreementStatus, MeetingKind
from mentors.risks import SIGNALS
from overview.state import differences
from portfolios import services as portfolio_services
from programmes import services as programme_services
from programmes.lifecycle import update_statuses
from programmes.models import RISK_SIGNALS, TraineeshipState
from tests.state_guard import guard_services


def assert_fresh(today=None):
    today = today or timezone.localdate()
    assert differences(today) == []


def test_every_traineeship_of_the_world_has_a_fresh_state(world):
    assert TraineeshipState.objects.filter(traineeship=world["traineeship"]).exists()
    assert_fresh()


def test_state_follows_every_service_call(world, monkeypatch):
    """Every service below is checked on return (tests/state_guard.py): stored == computed, every signal."""
    called = []
    guard_services(monkeypatch, called)
    traineeship, placement = world["traineeship"], world["placement"]
    p = world.personas
    today = timezone.localdate()

    mentor_services.placement_set_mentor(placement=placement, mentor=None, by=p.hr)
    assert TraineeshipState.objects.get(traineeship=traineeship).risk_no_mentor
    mentor_services.placement_set_mentor(placement=placement, mentor=p.mentor, by=p.hr)

    meeting = mentor_services.meeting_plan(
        traineeship=traineeship,
        kind=MeetingKind.FINAL,
        date=today + timedelta(days=3),
        start_time=time(10),
        by=p.mentor,
    )
    assert TraineeshipState.objects.get(traineeship=traineeship).next_meeting_on <= meeting.date

    agreement = world["agreement"]
    agreement.due_date = today - timedelta(days=2)
    agreement.save()
    assert_fresh()
    assert TraineeshipState.objects.get(traineeship=traineeship).risk_overdue_agreements
    portfolio_services.goal_create(
        traineeship=traineeship, actor=p.trainee, fields={"title": "Gespreksvoering"}, competencies=[], propose=True
    )
    goal = world["goal"]
    goal = portfolio_services.goal_approve(
        goal=goal, mentor=p.mentor, scope=LearningGoal.Scope.choices[0][0], expected_version=goal.version
    )
    portfolio_services.goal_progress_add(goal=goal, actor=p.trainee, progress=40, note="Op weg")
    portfolio_services.activity_save(activity=world["activity"], competencies=[])
    portfolio_services.reflection_add(traineeship=traineeship, text="Leerzaam", shared_with_mentor=True)
    mentor_services.agreement_set_status(agreement=agreement, status=AgreementStatus.DONE)

    traineeship.placements.all().delete()
    assert_fresh()
    assert TraineeshipState.objects.get(traineeship=traineeship).current_mentor_id is None
    programme_services.placements_rotation_create(
        traineeship=traineeship, start=traineeship.start_date, count=2, months=3
    )

    programme = traineeship.programme
    programme.meeting_rhythm_weeks = 1
    programme.learning_time_percent = 50
    programme.save()
    assert_fresh()

    meeting.delete()
    assert_fresh()
    assert len(called) >= 10, called


def test_every_risk_signal_is_stored():
    assert [f"risk_{s}" for s in SIGNALS] == [f"risk_{s}" for s in RISK_SIGNALS]
    stored = {f.name for f in TraineeshipState._meta.get_fields()}
    assert {f"risk_{s}" for s in SIGNALS} <= stored and "learning_hours_logged" in stored


def test_learning_time_signal_is_stored_with_its_hours(world):
    traineeship = world["traineeship"]
    today = timezone.localdate()
    first = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    traineeship.start_date = first - timedelta(days=40)
    traineeship.contract_hours_per_week = 36
    traineeship.save()
    programme = traineeship.programme
    programme.learning_time_percent = 10
    programme.save()
    state = TraineeshipState.objects.get(traineeship=traineeship)
    assert state.risk_learning_time and state.at_risk
    assert_fresh()


def test_group_attendance_and_its_hours_are_learning_time_in_the_stored_state(world):
    from programmes.models import DevelopmentDay, GroupAttendance

    traineeship = world["traineeship"]
    today = timezone.localdate()
    first = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    traineeship.start_date = first - timedelta(days=40)
    traineeship.contract_hours_per_week = 36
    traineeship.save()
    programme = traineeship.programme
    programme.learning_time_percent = 10
    programme.save()
    assert TraineeshipState.objects.get(traineeship=traineeship).risk_learning_time
    day = DevelopmentDay.objects.create(cohort=world["cohort"], date=first + timedelta(days=3), topic="Intervisie")
    GroupAttendance.objects.create(session=day, traineeship=traineeship, status="present")
    assert_fresh()
    day.hours = 40  # more than a month's learning time at 10 %: only the group day's own change says so
    day.save()
    assert not TraineeshipState.objects.get(traineeship=traineeship).risk_learning_time
    assert_fresh()


def test_daily_command_refreshes_what_changes_with_the_date(world):
    later = timezone.localdate() + timedelta(days=400)
    update_statuses(later)  # a bulk update: no signals, so only the daily refresh catches up
    call_command("update_traineeship_status", today=later.isoformat())
    assert_fresh(later)


def test_rebuild_command_checks_and_repairs(world):
    call_command("rebuild_traineeship_state", check=True)
    TraineeshipState.objects.filter(traineeship=world["traineeship"]).update(current_step=99, at_risk=True)
    with pytest.raises(CommandError, match="differ"):
        call_command("rebuild_traineeship_state", check=True)
    call_command("rebuild_traineeship_state")
    call_command("rebuild_traineeship_state", check=True)


def test_state_migration_creates_its_indexes(db):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, TraineeshipState._meta.db_table)
    assert {"state_mentor_load", "state_current_step", "state_at_risk", "state_computed_for"} <= set(constraints)


def test_a_page_catches_up_rows_of_another_day(world, client_for):
    """Should the daily command not have run, the first page of the day recomputes the rows of another day."""
    traineeship = world["traineeship"]
    yesterday = timezone.localdate() - timedelta(days=1)
    TraineeshipState.objects.filter(traineeship=traineeship).update(computed_for=yesterday, current_step=99)
    response = client_for(world.personas.manager).get(reverse("manager_overview"))
    assert response.status_code == 200
    assert [row["traineeship"].current_step for row in response.context["rows"]] != [99]
    assert_fresh()


@pytest.mark.parametrize("days_ahead", [0, 40])
def test_the_query_compiled_once_per_day_and_count_reads_what_a_fresh_one_does(world, days_ahead):
    """A write's refresh puts the ids into SQL compiled once (overview.state_query); for any few
    traineeships, in any order, on any day, it reads exactly what the query built anew reads."""
    from overview import state_query
    from overview.state import computed_rows

    today = timezone.localdate() + timedelta(days=days_ahead)
    whole = {row["traineeship_id"]: row for row in computed_rows(None, today)}
    ids = sorted(whole)
    assert len(ids) >= 3
    state_query._compiled.cache_clear()
    for size in (1, 2, 3):
        for start in range(len(ids)):
            chosen = (ids[start:] + ids[:start])[:size][::-1]
            assert computed_rows(chosen, today) == [whole[pk] for pk in sorted(chosen)]
    compiled = state_query._compiled.cache_info()
    assert (compiled.misses, compiled.currsize) == (3, 3)  # once per number of traineeships
