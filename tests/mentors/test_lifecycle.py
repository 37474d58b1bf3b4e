"""A traineeship's life follows from its dates: running from the start date without anyone acting,
finished after the end, a signal when nobody mentors it now, load counted on current placements."""

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from mentors.notices import notices
from mentors.risks import annotate_risks, reasons
from mentors.selectors import mentor_load, mentors_by_name
from programmes.lifecycle import annotate_lifecycle
from programmes.models import Traineeship, TraineeshipStatus
from tests.mentors.factories import MentorProfileFactory, mentored_traineeship
from tests.organisations.factories import OrganisationFactory
from tests.programmes.factories import PlacementFactory

TODAY = date(2026, 3, 16)


@pytest.fixture(autouse=True)
def fixed_today():
    with time_machine.travel(datetime(2026, 3, 16, 9, 0, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False):
        yield


def _traineeship(personas, *, start, end, status=TraineeshipStatus.ACTIVE, mentor="mentor"):
    return mentored_traineeship(
        personas.organisation,
        mentor=personas.users[mentor] if mentor else None,
        start_date=start,
        end_date=end,
        status=status,
    )


def _annotated(traineeship):
    return annotate_risks(Traineeship.objects.filter(pk=traineeship.pk).with_people(), TODAY).get()


def test_planned_past_its_start_counts_as_running_for_signals_and_reminders(personas, client_for):
    late = _traineeship(personas, start=date(2026, 1, 5), end=date(2026, 12, 31), status=TraineeshipStatus.PLANNED)
    row = _annotated(late)
    assert row.risk_no_meeting and row.at_risk
    overdue = [n for n in notices(today=TODAY) if n.kind == "meeting_overdue"]
    assert [(n.recipient, n.subject_of.pk) for n in overdue] == [(personas.mentor, late.pk)]
    html = client_for(personas.manager).get(reverse("manager_overview")).content.decode()
    assert "Nog geen voortgangsgesprek gehouden" in html
    # The stappenplan shows it running, before any daily run stored it.
    page = client_for(personas.hr).get(reverse("stappenplan", kwargs={"pk": late.pk})).content.decode()
    assert "Actief" in page and "Gepland" not in page


def test_a_future_traineeship_is_planned_and_not_at_risk(personas):
    future = _traineeship(personas, start=date(2026, 5, 1), end=date(2027, 4, 30), status=TraineeshipStatus.PLANNED)
    row = _annotated(future)
    assert not row.at_risk
    assert not [n for n in notices(today=TODAY) if n.kind == "meeting_overdue"]


def test_status_ending_soon_and_finished_follow_from_dates(personas):
    late = _traineeship(personas, start=date(2026, 1, 5), end=date(2026, 12, 31), status=TraineeshipStatus.PLANNED)
    ending = _traineeship(personas, start=date(2025, 5, 1), end=date(2026, 4, 10))
    over = _traineeship(personas, start=date(2025, 3, 1), end=date(2026, 2, 28))
    future = _traineeship(personas, start=date(2026, 5, 1), end=date(2027, 4, 30), status=TraineeshipStatus.PLANNED)
    stopped = _traineeship(personas, start=date(2025, 9, 1), end=date(2026, 8, 31), status=TraineeshipStatus.STOPPED)
    rows = {t.pk: t for t in annotate_lifecycle(Traineeship.objects.all(), TODAY)}
    assert rows[late.pk].effective_status == "active" and not rows[late.pk].ending_soon
    assert rows[ending.pk].effective_status == "active" and rows[ending.pk].ending_soon
    assert rows[over.pk].effective_status == "finished"
    assert rows[future.pk].effective_status == "planned"
    assert rows[stopped.pk].effective_status == "stopped"
    assert ending.is_ending_soon() and not late.is_ending_soon() and not over.is_ending_soon()
    # The daily run stores what the dates say.
    out = io.StringIO()
    call_command("update_traineeship_status", stdout=out)
    assert "started: 1; finished: 1" in out.getvalue()
    stored = dict(Traineeship.objects.values_list("pk", "status"))
    assert stored == {
        late.pk: "active",
        ending.pk: "active",
        over.pk: "finished",
        future.pk: "planned",
        stopped.pk: "stopped",
    }


def test_running_without_a_current_mentor_is_a_signal_with_a_reason(personas, client_for):
    # The only placement with a mentor ended; the current one has none.
    traineeship = _traineeship(personas, start=date(2025, 9, 1), end=date(2026, 8, 31), mentor=None)
    placement = traineeship.placements.get()
    placement.end_date = date(2026, 1, 31)
    placement.mentor = personas.mentor
    placement.save()
    host = personas.organisation
    PlacementFactory(
        traineeship=traineeship, organisation=host, start_date=date(2026, 2, 1), end_date=date(2026, 8, 31)
    )
    row = _annotated(traineeship)
    assert row.risk_no_mentor and row.at_risk
    with translation.override("en"):
        assert f"The current placement at {host.name} has no mentor." in reasons(row)
    html = client_for(personas.manager).get(reverse("manager_overview")).content.decode()
    assert "heeft geen mentor" in html
    # No placement covering today at all: the same signal, another reason.
    traineeship.placements.filter(start_date=date(2026, 2, 1)).delete()
    with translation.override("en"):
        assert "No placement covers today" in " ".join(reasons(_annotated(traineeship)))


def test_a_current_mentor_clears_the_signal(personas):
    traineeship = _traineeship(personas, start=date(2025, 9, 1), end=date(2026, 8, 31))
    assert not _annotated(traineeship).risk_no_mentor


def test_mentor_load_counts_current_placements_only(personas, client_for):
    MentorProfileFactory(organisation=personas.organisation, user=personas.mentor, capacity=2)
    current = _traineeship(personas, start=date(2025, 9, 1), end=date(2026, 8, 31))
    _traineeship(personas, start=date(2026, 6, 1), end=date(2027, 5, 31), status=TraineeshipStatus.PLANNED)
    ended = _traineeship(personas, start=date(2025, 1, 1), end=date(2025, 12, 31))
    # A rotation: the mentor's placement in it has ended, the trainee moved on.
    rotation = _traineeship(personas, start=date(2025, 6, 1), end=date(2026, 5, 31))
    rotation.placements.update(end_date=date(2025, 12, 31))
    PlacementFactory(
        traineeship=rotation,
        organisation=OrganisationFactory(),
        start_date=date(2026, 1, 1),
        end_date=date(2026, 5, 31),
    )
    assert ended and current
    rows = mentor_load(personas.organisation, TODAY, users=list(mentors_by_name(personas.organisation)))
    (row,) = [r for r in rows if r["user"] == personas.mentor]
    assert row["mentees"] == 1 and not row["at_capacity"]
    html = client_for(personas.hr).get(reverse("mentors:profiles")).content.decode()
    assert "1 / 2" in html
