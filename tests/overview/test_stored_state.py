"""The stored traineeship state equals a fresh computation after every service call."""

from datetime import time, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from mentors import services as mentor_services
from mentors.models import AgreementStatus, MeetingKind
from overview.state import differences
from programmes import services as programme_services
from programmes.lifecycle import update_statuses
from programmes.models import TraineeshipState
from tests.world import World


def assert_fresh(today=None):
    today = today or timezone.localdate()
    assert differences(today) == []


@pytest.fixture
def world(personas):
    return World(personas)


def test_every_traineeship_of_the_world_has_a_fresh_state(world):
    assert TraineeshipState.objects.filter(traineeship=world["traineeship"]).exists()
    assert_fresh()


def test_state_follows_every_service_call(world):
    traineeship, placement = world["traineeship"], world["placement"]
    p = world.personas
    today = timezone.localdate()

    mentor_services.placement_set_mentor(placement=placement, mentor=None, by=p.hr)
    assert_fresh()
    mentor_services.placement_set_mentor(placement=placement, mentor=p.mentor, by=p.hr)
    assert_fresh()

    meeting = mentor_services.meeting_plan(
        traineeship=traineeship,
        kind=MeetingKind.FINAL,
        date=today + timedelta(days=3),
        start_time=time(10),
        by=p.mentor,
    )
    assert_fresh()
    assert TraineeshipState.objects.get(traineeship=traineeship).next_meeting_on <= meeting.date

    agreement = world["agreement"]
    agreement.due_date = today - timedelta(days=2)
    agreement.save()
    assert_fresh()
    mentor_services.agreement_set_status(agreement=agreement, status=AgreementStatus.DONE)
    assert_fresh()

    traineeship.placements.all().delete()
    assert_fresh()
    assert TraineeshipState.objects.get(traineeship=traineeship).current_mentor_id is None
    programme_services.placements_rotation_create(
        traineeship=traineeship, start=traineeship.start_date, count=2, months=3
    )
    assert_fresh()

    programme = traineeship.programme
    programme.meeting_rhythm_weeks = 1
    programme.save()
    assert_fresh()

    meeting.delete()
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
    assert {"state_mentor_load", "state_current_step", "state_at_risk"} <= set(constraints)
