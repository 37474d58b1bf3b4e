import csv
import io
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from programmes import state
from tests.mentors.factories import AgreementFactory, MeetingFactory, mentored_traineeship, record
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
def test_same_number_of_queries_at_10_and_200(personas, client_for, user, url_name):
    client = client_for(personas.users[user])
    url = reverse(url_name)
    make(personas, 10)
    small = {counted: queries(client, url, counted_before=counted) for counted in (False, True)}
    make(personas, 190)
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
    response = client.get(reverse("manager_overview_csv"))
    assert response["Content-Type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), dialect="dutch_excel"))
    assert lines[0][0] == "Trainee"
    assert {line[0] for line in lines[1:]} == {risky.trainee.name, fine.trainee.name}
    filtered = client.get(reverse("manager_overview_csv"), {"at_risk": "false"})
    assert len(list(csv.reader(io.StringIO(filtered.content.decode("utf-8-sig")), dialect="dutch_excel"))) == 2
