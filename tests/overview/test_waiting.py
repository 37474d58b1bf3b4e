"""Each role's home lists every task that waits on that person, and nothing else."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from goals.models import LearningGoal
from organisations.models import Membership, Role
from overview import waiting
from portfolios.models import Moment, SelfEvaluation
from tests.mentors.factories import AgreementFactory, LearningGoalFactory, MeetingFactory, mentored_traineeship, record


def tasks_on_home(client) -> list[str]:
    html = client.get(reverse("home")).content.decode()
    section = html[html.index("data-waiting") :]
    section = section[: section.index("</section>")]
    return re.findall(r'href="([^"]+)"', section)


@pytest.fixture
def seeded(personas):
    """A small world: what waits on each persona is known exactly."""
    today = timezone.localdate()
    p = personas
    mentored = mentored_traineeship(p.organisation, trainee=p.trainee, mentor=p.mentor, manager=p.manager)
    # A second traineeship whose mentor left: HR must choose one (the only HR task).
    orphan = mentored_traineeship(p.organisation, mentor=None)
    SelfEvaluation.objects.create(traineeship=orphan, moment=Moment.START, submitted_at=timezone.now())
    past = MeetingFactory(traineeship=mentored, date=today - timedelta(days=3))  # the mentor must record it
    recorded = record(MeetingFactory(traineeship=mentored, date=today - timedelta(days=10)), p.mentor)
    recorded.mentor_confirmed_at = timezone.now()
    recorded.save()
    goal = LearningGoalFactory(traineeship=mentored, status=LearningGoal.Status.PROPOSED, approved_at=None)
    soon = today + timedelta(days=3)
    far = today + timedelta(days=40)
    AgreementFactory(meeting=recorded, owner=p.trainee, due_date=soon, description="Verslag schrijven")
    AgreementFactory(meeting=recorded, owner=p.trainee, due_date=far)  # not due yet: no task
    AgreementFactory(meeting=recorded, owner=p.mentor, due_date=today - timedelta(days=1))
    AgreementFactory(meeting=recorded, owner=p.manager, due_date=soon)
    return {"mentored": mentored, "orphan": orphan, "past": past, "recorded": recorded, "goal": goal}


def test_each_role_sees_exactly_what_waits_on_them(seeded, personas, client_for):
    mentored, recorded = seeded["mentored"], seeded["recorded"]
    agreements = reverse("mentors:agreements")
    expected = {
        personas.trainee: [
            reverse("portfolios:self_evaluation_edit", kwargs={"pk": mentored.pk, "moment": "start"}),
            recorded.get_absolute_url(),
            agreements,
        ],
        personas.mentor: [
            reverse("mentors:meeting_record", kwargs={"pk": seeded["past"].pk}),
            reverse("portfolios:goals", kwargs={"pk": mentored.pk}),
            agreements,
        ],
        personas.manager: [agreements],
        personas.hr: [reverse("mentors:traineeship_mentors", kwargs={"pk": seeded["orphan"].pk})],
        personas.coordinator: [],
    }
    for user, urls in expected.items():
        found = tasks_on_home(client_for(user))
        assert sorted(found) == sorted(urls), user


def test_tasks_speak_to_the_person_and_come_newest_first(seeded, personas, client_for):
    html = client_for(personas.trainee).get(reverse("home")).content.decode()
    assert "Vul je zelfevaluatie bij de start in" in html
    assert "Niets wacht op je" not in html
    tasks = waiting.tasks_for(personas.trainee, personas.trainee.memberships.get(), timezone.localdate())
    assert [task.since for task in tasks] == sorted((task.since for task in tasks), reverse=True)


def test_nothing_waiting_says_so(personas, client_for):
    assert "Niets wacht op je" in client_for(personas.coordinator).get(reverse("home")).content.decode()


def test_tasks_are_computed_in_constant_queries(seeded, personas):
    today = timezone.localdate()
    membership = Membership.objects.get(user=personas.mentor, role=Role.MENTOR)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            waiting.tasks_for(personas.mentor, membership, today)
        return len(queries)

    before = count()
    for _ in range(3):
        traineeship = mentored_traineeship(personas.organisation, mentor=personas.mentor)
        MeetingFactory(traineeship=traineeship, date=today - timedelta(days=2))
        LearningGoalFactory(traineeship=traineeship, status=LearningGoal.Status.PROPOSED, approved_at=None)
    assert count() == before


def test_manager_home_lists_traineeships_at_risk_with_reasons_and_pdf(personas, client_for):
    without_mentor = mentored_traineeship(personas.organisation, mentor=None)
    fine = mentored_traineeship(personas.organisation, mentor=personas.mentor)
    client = client_for(personas.manager, language="en")
    html = client.get(reverse("home")).content.decode()
    assert reverse("portfolios:portfolio_pdf", kwargs={"pk": without_mentor.pk}) in html
    assert "has no mentor" in html
    # The signal bars filter: "no meeting" holds for both; "no mentor" only for the first.
    filtered = client.get(reverse("home"), {"signal": "no_mentor"}).content.decode()
    assert 'aria-current="true"' in filtered
    assert without_mentor.trainee.name in filtered and fine.trainee.name not in filtered.split("at-risk-heading")[1]
    assert client.get(reverse("home"), {"signal": "nonsense"}).status_code == 200
    assert client.get(reverse("portfolios:portfolio_pdf", kwargs={"pk": without_mentor.pk})).status_code == 200


def test_coordinator_home_lists_the_programmes_traineeships_at_risk(personas, client_for):
    at_risk = mentored_traineeship(personas.organisation, mentor=None)
    html = client_for(personas.coordinator, language="en").get(reverse("home")).content.decode()
    assert reverse("portfolios:portfolio_pdf", kwargs={"pk": at_risk.pk}) in html


def test_overview_signal_bars_are_links_that_filter(personas, client_for):
    without_mentor = mentored_traineeship(personas.organisation, mentor=None)
    fine = mentored_traineeship(personas.organisation, mentor=personas.mentor)
    client = client_for(personas.manager)
    html = client.get(reverse("manager_overview")).content.decode()
    assert 'href="?signal=no_mentor#overview-table"' in html
    page = client.get(reverse("manager_overview"), {"signal": "no_mentor"}).content.decode()
    table = page.split('id="overview-table"')[1]
    assert without_mentor.trainee.name in table and fine.trainee.name not in table


def test_meeting_notices_speak_to_the_trainee_as_je(personas):
    from django.utils import translation

    from mentors.notices import notices

    today = timezone.localdate()
    traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)
    meeting = MeetingFactory(traineeship=traineeship, date=today + timedelta(days=1))
    meeting.participants.set([personas.trainee, personas.mentor])
    record(MeetingFactory(traineeship=traineeship, date=today - timedelta(days=5)), personas.mentor)
    with translation.override("nl"):
        texts = [notice.text() for notice in notices(today=today, recipient=personas.trainee)]
        mentor_texts = [notice.text() for notice in notices(today=today, recipient=personas.mentor)]
    assert len(texts) == 2
    assert all(personas.trainee.name not in text and "je " in text.lower() for text in texts)
    assert any(personas.trainee.name in text for text in mentor_texts)
