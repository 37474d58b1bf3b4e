import csv
import io
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mentors.risks import SIGNALS
from overview.stappenplan import STEP_CHOICES
from programmes import state
from programmes.models import TraineeshipStatus
from tests.mentors.factories import AgreementFactory, MeetingFactory, mentored_traineeship, record
from tests.overview.overview_exports import download_overview
from tests.queries import page_queries


def make(personas, count):
    today = timezone.localdate()
    # The stored state is computed once for the batch (as the demo data does), not once per saved row.
    with state.deferred():
        _make(personas, count, today)


def _make(personas, count, today):
    for i in range(count):
        traineeship = mentored_traineeship(personas.organisation, mentor=personas.mentor, manager=personas.manager)
        meeting = record(MeetingFactory(traineeship=traineeship), personas.mentor, wellbeing=2)
        AgreementFactory(meeting=meeting, due_date=today - timedelta(days=i % 3), owner=personas.mentor)
        MeetingFactory(traineeship=traineeship, date=today + timedelta(days=1 + i % 3)).participants.add(
            personas.mentor
        )


def queries(client, url, *, counted_before: bool):
    """Queries of a page view, with the notification count cached by an earlier view or not."""
    if counted_before:
        return page_queries(client, url)
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("user,url_name", [("manager", "manager_overview"), ("mentor", "home")])
def test_same_number_of_queries_at_10_and_60(personas, client_for, user, url_name):
    # 60 fills more than two pages of 25 and every list of ten the pages show.
    client = client_for(personas.users[user])
    url = reverse(url_name)
    make(personas, 10)
    small = {counted: queries(client, url, counted_before=counted) for counted in (False, True)}
    make(personas, 50)
    assert {counted: queries(client, url, counted_before=counted) for counted in (False, True)} == small
    assert small[True] < small[False]  # the navigation's count comes from the cache


def test_overview_filters_and_csv(personas, client_for):
    today = timezone.localdate()
    risky = mentored_traineeship(personas.organisation, mentor=personas.mentor, start_date=today - timedelta(weeks=12))
    fine = mentored_traineeship(personas.organisation, mentor=personas.mentor)
    record(MeetingFactory(traineeship=fine), personas.mentor)
    mentored_traineeship(personas.other_organisation)
    client = client_for(personas.manager, language="en")
    page = client.get(reverse("manager_overview"), {"at_risk": "true"})
    rows = [row["traineeship"] for row in page.context["rows"]]
    assert rows == [risky]
    assert "No progress meeting held yet" in page.content.decode()
    assert "<svg" in page.content.decode() and "style=" not in page.content.decode()
    response = download_overview(client, "csv")
    assert response["Content-Type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), dialect="dutch_excel"))
    assert lines[0][0] == "Trainee"
    assert {line[0] for line in lines[1:]} == {risky.trainee.name, fine.trainee.name}
    filtered = download_overview(client, "csv", at_risk="false")
    assert len(list(csv.reader(io.StringIO(filtered.content.decode("utf-8-sig")), dialect="dutch_excel"))) == 2


def test_the_totals_steps_and_signals_count_the_filtered_traineeships(personas, client_for):
    """One aggregate gives the page count, the at-risk count and both charts: each agrees with the list."""
    with state.deferred():
        for mentor in (None, None, personas.mentor):
            mentored_traineeship(personas.organisation, mentor=mentor)
    mentored_traineeship(personas.other_organisation, mentor=None)  # another organisation's: never counted
    client = client_for(personas.manager)

    for query, expected in [({}, 3), ({"signal": "no_mentor"}, 2)]:
        context = client.get(reverse("manager_overview"), query).context
        listed = [row["traineeship"] for row in context["rows"]]
        assert context["page"].paginator.count == len(listed) == expected
        # The bars come in the order of the steps and of the signals.
        for (number, _), bar in zip(STEP_CHOICES, context["step_bars"], strict=True):
            assert bar["count"] == sum(t.current_step == number for t in listed)
        assert sum(bar["count"] for bar in context["step_bars"]) == expected
        signals = dict(zip(SIGNALS, context["signal_bars"], strict=True))
        for signal, bar in signals.items():
            assert bar["count"] == sum(getattr(t, f"risk_{signal}") for t in listed)
        assert signals["no_mentor"]["count"] == 2
        assert context["total_at_risk"] == sum(t.at_risk for t in listed) > 0


@pytest.mark.parametrize("url_name", ["manager_overview", "traineeship_list"])
def test_filter_choices_are_the_organisations_own(personas, client_for, url_name):
    """Both lists offer the organisation's programmes, cohorts and mentors; nothing of another organisation."""
    own = mentored_traineeship(personas.organisation, mentor=personas.mentor)
    other = mentored_traineeship(personas.other_organisation, mentor=personas.other_mentor)
    form = client_for(personas.hr).get(reverse(url_name)).context["filter"].form

    def offered(field):
        return set(form.fields[field].queryset)

    assert offered("programme") == {own.programme}
    assert offered("cohort") == {own.cohort} - {None}
    assert offered("mentor") == {personas.mentor}
    assert other.programme not in offered("programme")


def test_ending_lists_running_traineeships_first_and_says_how_many(personas, client_for):
    """Those that end in the next eight weeks, running ones only (the lifecycle's rule), the first
    ten linked, with how many there are when more do; in the same pass as the totals."""
    today = timezone.localdate()
    start = today - timedelta(days=300)
    with state.deferred():
        ending = [
            mentored_traineeship(personas.organisation, start_date=start, end_date=today + timedelta(days=3 + i))
            for i in range(12)
        ]
        stopped = mentored_traineeship(
            personas.organisation,
            start_date=start,
            end_date=today + timedelta(days=1),
            status=TraineeshipStatus.STOPPED,
        )
        later = mentored_traineeship(personas.organisation, start_date=start, end_date=today + timedelta(weeks=9))
    client = client_for(personas.manager, language="en")
    response = client.get(reverse("manager_overview"))
    assert list(response.context["ending"]) == ending[:10]
    assert response.context["ending_count"] == 12
    html = response.content.decode()
    assert "The 10 that end first, of 12." in html
    assert f'href="{reverse("stappenplan", args=[ending[0].pk])}"' in html
    assert stopped not in response.context["ending"] and later not in response.context["ending"]

    for traineeship in ending[2:]:
        traineeship.delete()
    response = client.get(reverse("manager_overview"))
    assert response.context["ending_count"] == 2
    assert "end first, of" not in response.content.decode()
