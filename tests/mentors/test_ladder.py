"""The escalation ladder and the digest, run by the daily command under a fixed clock."""

import io
from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation

from mentors.models import Agreement, AgreementStatus, Digest, Escalation, ReminderPreference
from organisations.audit import render_summary
from organisations.models import AuditEntry
from tests.mentors.factories import AgreementFactory, MeetingFactory, mentored_traineeship, record

START = date(2026, 3, 2)  # a Monday


def at(day: date):
    return time_machine.travel(timezone.make_aware(datetime(day.year, day.month, day.day, 6, 0)), tick=False)


def run_daily():
    call_command("send_reminders", stdout=io.StringIO())


def mails_to(person):
    return [m for m in mail.outbox if m.to == [person.email]]


@pytest.fixture
def overdue(personas):
    """An agreement of the trainee due on START, nobody acts."""
    with at(START - timedelta(days=20)):
        traineeship = mentored_traineeship(
            personas.organisation, trainee=personas.trainee, mentor=personas.mentor, manager=personas.manager
        )
        held = record(MeetingFactory(traineeship=traineeship, date=START - timedelta(days=1)), personas.mentor)
        record_confirmed(held)
        agreement = AgreementFactory(meeting=held, owner=personas.trainee, due_date=START, description="Logboek")
    return agreement


def record_confirmed(meeting):
    meeting.trainee_confirmed_at = meeting.mentor_confirmed_at = timezone.now()
    meeting.save()


def steps(kind="agreement_due"):
    return sorted(Escalation.objects.filter(kind=kind).values_list("step", "recipient__email"))


def test_each_step_of_the_ladder_reaches_the_next_person_once(personas, overdue):
    trainee, mentor, hr = personas.trainee, personas.mentor, personas.hr
    with at(START + timedelta(days=2)):
        run_daily()
    assert steps() == []
    assert len(mails_to(trainee)) == 1  # the digest only

    with at(START + timedelta(days=3)):
        run_daily()
    assert steps() == [(1, trainee.email)]
    step_one = [m for m in mails_to(trainee) if "Still waiting" in m.subject or "Wacht nog op jou" in m.subject]
    assert len(step_one) == 1
    assert "Logboek" in step_one[0].body

    with at(START + timedelta(days=7)):
        run_daily()
    assert steps() == [(1, trainee.email), (2, mentor.email)]
    to_mentor = [m for m in mails_to(mentor) if trainee.name in m.subject]
    assert len(to_mentor) == 1
    assert "Logboek" in to_mentor[0].body
    assert trainee.name in to_mentor[0].body  # who was already reminded
    assert not mails_to(personas.manager)  # the trainee's task goes to the mentor, not the manager

    with at(START + timedelta(days=14)):
        run_daily()
        run_daily()  # a second run the same day sends nothing more
    assert steps() == [(1, trainee.email), (2, mentor.email), (3, hr.email)]
    to_hr = mails_to(hr)
    assert len(to_hr) == 1
    assert mentor.name in to_hr[0].body and trainee.name in to_hr[0].body

    with at(START + timedelta(days=15)):
        run_daily()
    assert len(mails_to(hr)) == 1  # each step once, not every day

    # HR's audit trail shows each step, as data rendered in the reader's language.
    entries = AuditEntry.objects.filter(action="reminder.escalated", params__reminder_kind="agreement_due")
    with translation.override("en"):
        summaries = sorted(render_summary(e.action, e.params) for e in entries)
    assert len(summaries) == 3
    assert any(f"told {hr.name} as HR" in text for text in summaries)
    assert all(text.startswith("Agreement due waiting since") for text in summaries)


def test_the_mentors_task_moves_up_to_the_placements_manager(personas):
    with at(START - timedelta(days=20)):
        traineeship = mentored_traineeship(
            personas.organisation, trainee=personas.trainee, mentor=personas.mentor, manager=personas.manager
        )
        held = MeetingFactory(traineeship=traineeship, date=START - timedelta(days=1))
        AgreementFactory(meeting=held, owner=personas.mentor, due_date=START, description="Werkplek regelen")
    with at(START + timedelta(days=7)):
        run_daily()
    assert steps() == [(1, personas.mentor.email), (2, personas.manager.email)]


def test_the_ladder_stops_when_the_task_is_done(personas, overdue):
    with at(START + timedelta(days=7)):
        run_daily()
    assert Escalation.objects.filter(resolved_on=None).count() == 2
    Agreement.objects.filter(pk=overdue.pk).update(status=AgreementStatus.DONE)
    with at(START + timedelta(days=14)):
        run_daily()
    assert not Escalation.objects.filter(step=3).exists()
    assert not Escalation.objects.filter(resolved_on=None).exists()
    assert not mails_to(personas.hr)


def test_the_programme_sets_the_days_of_the_ladder(personas, overdue):
    programme = overdue.traineeship.programme
    programme.escalate_person_days, programme.escalate_supervisor_days, programme.escalate_hr_days = 1, 2, 4
    programme.save()
    with at(START + timedelta(days=4)):
        run_daily()
    assert [s for s, _ in steps()] == [1, 2, 3]


def test_the_daily_command_sends_nothing_twice(personas, overdue):
    with at(START + timedelta(days=7)):
        run_daily()
        sent = len(mail.outbox)
        run_daily()
    assert len(mail.outbox) == sent
    assert Digest.objects.filter(recipient=personas.trainee).count() == 1


def test_one_digest_groups_everything_that_waits(personas, overdue):
    traineeship = overdue.traineeship
    with at(START):
        AgreementFactory(
            meeting=overdue.meeting, owner=personas.trainee, due_date=START, description="Leerdoel bijstellen"
        )
        waiting = record(MeetingFactory(traineeship=traineeship, date=START - timedelta(days=1)), personas.mentor)
        waiting.mentor_confirmed_at = timezone.now()
        waiting.save()
        run_daily()
    digest = mails_to(personas.trainee)
    assert len(digest) == 1
    assert "Logboek" in digest[0].body and "Leerdoel bijstellen" in digest[0].body
    assert f"/meetings/{waiting.pk}/" in digest[0].body  # one link per task
    assert "3" in digest[0].subject


def test_weekly_digest_comes_once_a_week_but_an_urgent_meeting_comes_at_once(personas, overdue):
    ReminderPreference.objects.create(user=personas.trainee, frequency="weekly")
    with at(START):
        run_daily()
    with at(START + timedelta(days=1)):
        run_daily()
    assert len(mails_to(personas.trainee)) == 1
    with at(START + timedelta(days=2)):
        meeting = MeetingFactory(traineeship=overdue.traineeship, date=START + timedelta(days=3))
        meeting.participants.set([personas.trainee])
        run_daily()
    urgent = mails_to(personas.trainee)[1:]
    assert len(urgent) == 1
    assert "Logboek" not in urgent[0].body
    with at(START + timedelta(days=7)):
        run_daily()
    assert "Logboek" in mails_to(personas.trainee)[-1].body


def test_turned_off_email_still_escalates_to_mentor_and_hr(personas, overdue):
    ReminderPreference.objects.create(user=personas.trainee, email_enabled=False)
    ReminderPreference.objects.create(user=personas.mentor, email_enabled=False)
    ReminderPreference.objects.create(user=personas.hr, email_enabled=False)
    with at(START + timedelta(days=14)):
        run_daily()
    assert not mails_to(personas.trainee)
    assert len(mails_to(personas.mentor)) == 1
    assert len(mails_to(personas.hr)) == 1
    assert Escalation.objects.filter(recipient=personas.trainee, step=1).exists()  # shown in the application
