from datetime import timedelta

from django.utils import timezone, translation

from goals.models import GoalProgress
from mentors.risks import annotate_risks, reasons
from mentors.steps import STEP3, STEP4
from programmes.models import Traineeship
from tests.mentors.factories import (
    AgreementFactory,
    LearningGoalFactory,
    MeetingFactory,
    PlacementFactory,
    mentored_traineeship,
    record,
)


def annotated(traineeship):
    return annotate_risks(Traineeship.objects.filter(pk=traineeship.pk).with_people()).get()


def test_a_fresh_traineeship_is_on_track(personas):
    traineeship = mentored_traineeship(personas.organisation, mentor=personas.mentor)
    record(MeetingFactory(traineeship=traineeship), personas.mentor)
    row = annotated(traineeship)
    assert not row.at_risk and reasons(row) == []


def test_every_signal_with_its_reason(personas):
    today = timezone.localdate()
    traineeship = mentored_traineeship(
        personas.organisation,
        mentor=personas.mentor,
        start_date=today - timedelta(weeks=20),
        end_date=today + timedelta(weeks=4),
    )
    first = record(
        MeetingFactory(traineeship=traineeship, date=today - timedelta(weeks=10)), personas.mentor, wellbeing=2
    )
    record(MeetingFactory(traineeship=traineeship, date=today - timedelta(weeks=8)), personas.mentor, wellbeing=1)
    AgreementFactory(meeting=first, due_date=today - timedelta(days=5))
    goal = LearningGoalFactory(traineeship=traineeship)
    GoalProgress.objects.create(goal=goal, recorded_on=today - timedelta(weeks=9), progress=20)
    row = annotated(traineeship)
    assert row.at_risk
    assert row.risk_no_meeting and row.risk_overdue_agreements and row.risk_low_wellbeing
    assert row.risk_stale_goals and row.risk_ending_without_final
    with translation.override("en"):
        text = " ".join(reasons(row))
    assert "No progress meeting in the last 4 weeks" in text
    assert "1 agreement is past its due date" in text
    assert "Wellbeing was recorded as low in the last two meetings" in text
    assert "no progress recorded for 8 weeks" in text
    assert "no final meeting is planned" in text


def test_recent_progress_and_a_planned_final_meeting_clear_signals(personas):
    today = timezone.localdate()
    traineeship = mentored_traineeship(personas.organisation, mentor=personas.mentor, end_date=today + timedelta(20))
    goal = LearningGoalFactory(traineeship=traineeship)
    GoalProgress.objects.create(goal=goal, recorded_on=today - timedelta(weeks=2), progress=50)
    MeetingFactory(traineeship=traineeship, kind="final", date=today + timedelta(10))
    record(MeetingFactory(traineeship=traineeship), personas.mentor, wellbeing=2)
    row = annotated(traineeship)
    assert not row.risk_stale_goals and not row.risk_ending_without_final and not row.risk_low_wellbeing


def check(checks, traineeship):
    from overview.stappenplan import annotate_steps

    row = annotate_steps(Traineeship.objects.filter(pk=traineeship.pk)).values(*[f"check_{c.key}" for c in checks])
    return all(row[0].values())


def test_step3_needs_a_mentor_on_every_placement(personas):
    traineeship = mentored_traineeship(personas.organisation, mentor=personas.mentor)
    assert check(STEP3, traineeship)
    PlacementFactory(
        traineeship=traineeship, start_date=traineeship.end_date, end_date=traineeship.end_date, mentor=None
    )
    assert not check(STEP3, traineeship)
    bare = mentored_traineeship(personas.organisation, mentor=None)
    bare.placements.all().delete()
    assert not check(STEP3, bare)


def test_step4_needs_a_held_kick_off(personas):
    traineeship = mentored_traineeship(personas.organisation, mentor=personas.mentor)
    meeting = MeetingFactory(traineeship=traineeship, kind="kick_off")
    assert not check(STEP4, traineeship)
    record(meeting, personas.mentor)
    assert check(STEP4, traineeship)
