"""A past meeting logged in one form; agreement rows without JavaScript and through htmx; the trainee's comment."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mentors.models import Addendum, Agreement, Meeting
from organisations.models import Role
from tests.mentors.factories import LearningGoalFactory, mentored_traineeship
from tests.organisations.factories import member
from tests.programmes.factories import PlacementFactory


@pytest.fixture
def traineeship(personas):
    return mentored_traineeship(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)


def log_data(personas, rows=0, **extra):
    data = {
        "version": "1",
        "kind": "regular",
        "date": (timezone.localdate() - timedelta(days=1)).isoformat(),
        "start_time": "10:00",
        "duration_minutes": "60",
        "location": "",
        "participants": [str(personas.trainee.pk), str(personas.mentor.pk)],
        "notes": "Eerste weken besproken.",
        "workload": "3",
        "wellbeing": "4",
        "agreements-TOTAL_FORMS": str(rows),
        "agreements-INITIAL_FORMS": "0",
        "agreements-MIN_NUM_FORMS": "0",
        "agreements-MAX_NUM_FORMS": "1000",
    }
    data.update(extra)
    return data


def agreement(index, text, owner):
    due = (timezone.localdate() + timedelta(days=7)).isoformat()
    return {
        f"agreements-{index}-description": text,
        f"agreements-{index}-owner": str(owner.pk),
        f"agreements-{index}-due_date": due,
        f"agreements-{index}-status": "open",
    }


def test_a_past_meeting_is_logged_with_goals_and_two_agreements_in_one_post(traineeship, personas, client_for):
    goal = LearningGoalFactory(traineeship=traineeship)
    url = reverse("mentors:meeting_log", kwargs={"pk": traineeship.pk})
    data = log_data(
        personas,
        rows=2,
        **{f"goal_{goal.pk}": "30"},
        **agreement(0, "Casus uitwerken", personas.trainee),
        **agreement(1, "Intervisie plannen", personas.mentor),
    )
    response = client_for(personas.mentor).post(url, data)
    meeting = Meeting.objects.get(traineeship=traineeship)
    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    assert meeting.is_recorded and meeting.mentor_confirmed_by == personas.mentor
    assert meeting.trainee_confirmed_at is None
    assert set(meeting.participants.all()) == {personas.trainee, personas.mentor}
    assert Agreement.objects.filter(meeting=meeting).count() == 2
    assert meeting.goal_links.get().progress.progress == 30


def test_a_meeting_in_the_future_is_refused_with_a_summary_linking_to_the_date(traineeship, personas, client_for):
    url = reverse("mentors:meeting_log", kwargs={"pk": traineeship.pk})
    data = log_data(personas, date=(timezone.localdate() + timedelta(days=2)).isoformat())
    html = client_for(personas.mentor).post(url, data).content.decode()
    assert "data-error-summary" in html and 'href="#id_date"' in html
    assert html.count("data-error-summary") == 1
    assert not Meeting.objects.exists()


def test_without_javascript_rows_are_added_and_removed_by_the_same_buttons(traineeship, personas, client_for):
    url = reverse("mentors:meeting_log", kwargs={"pk": traineeship.pk})
    mentor = client_for(personas.mentor)
    html = mentor.post(url, log_data(personas, add_agreement="1", notes="")).content.decode()
    assert 'name="agreements-0-description"' in html and "data-error-summary" not in html
    assert not Meeting.objects.exists()
    data = log_data(personas, rows=2, remove_agreement="0", **agreement(0, "Weg", personas.trainee))
    html = mentor.post(url, data | agreement(1, "Blijft", personas.trainee)).content.decode()
    assert 'name="agreements-0-DELETE" value="on"' in html and 'value="Blijft"' in html
    # The removed row is not saved.
    rows = agreement(0, "Weg", personas.trainee) | agreement(1, "Blijft", personas.trainee)
    data = log_data(personas, rows=2, **rows)
    mentor.post(url, data | {"agreements-0-DELETE": "on"})
    assert list(Agreement.objects.values_list("description", flat=True)) == ["Blijft"]


def test_htmx_row_endpoints_answer_the_next_row_and_a_removal_marker(traineeship, personas, client_for):
    mentor = client_for(personas.mentor)
    url = reverse("mentors:agreement_row", kwargs={"pk": traineeship.pk})
    html = mentor.get(url, {"agreements-TOTAL_FORMS": "2"}).content.decode()
    assert 'name="agreements-2-description"' in html
    assert 'name="agreements-TOTAL_FORMS"' in html and 'value="3"' in html and "hx-swap-oob" in html
    removed = reverse("mentors:agreement_row_removed", kwargs={"pk": traineeship.pk})
    html = mentor.get(removed, {"index": "1", "agreements-1-id": "7"}).content.decode()
    assert 'name="agreements-1-DELETE" value="on"' in html and 'name="agreements-1-id" value="7"' in html
    assert mentor.get(url, {"agreements-TOTAL_FORMS": "x"}).status_code == 200


def test_only_the_mentor_logs_meetings(traineeship, personas, client_for):
    url = reverse("mentors:meeting_log", kwargs={"pk": traineeship.pk})
    assert client_for(personas.trainee).get(url).status_code == 403
    assert client_for(personas.mentor).get(url).status_code == 200


def test_the_trainee_comments_when_confirming(traineeship, personas, client_for):
    url = reverse("mentors:meeting_log", kwargs={"pk": traineeship.pk})
    client_for(personas.mentor).post(url, log_data(personas))
    meeting = Meeting.objects.get()
    trainee = client_for(personas.trainee)
    page = trainee.get(meeting.get_absolute_url())
    assert 'name="comment"' in page.content.decode()
    trainee.post(
        reverse("mentors:meeting_confirm", kwargs={"pk": meeting.pk}),
        {"digest": page.context["record_digest"], "comment": "De werkdruk was eigenlijk hoger."},
    )
    meeting.refresh_from_db()
    assert meeting.is_locked
    assert Addendum.objects.get(meeting=meeting).author == personas.trainee


def test_a_day_outside_the_mentors_placement_is_refused_at_the_date(traineeship, personas, client_for):
    # Another employer's period: recording it belongs to that period's mentor.
    placement = traineeship.placements.get()
    placement.start_date = timezone.localdate() - timedelta(days=5)
    placement.save(update_fields=["start_date"])
    PlacementFactory(
        traineeship=traineeship,
        start_date=traineeship.start_date,
        end_date=placement.start_date - timedelta(days=1),
        mentor=member(personas.organisation, Role.MENTOR),
    )
    url = reverse("mentors:meeting_log", kwargs={"pk": traineeship.pk})
    earlier = (timezone.localdate() - timedelta(days=30)).isoformat()
    response = client_for(personas.mentor, "en").post(url, log_data(personas, date=earlier))
    assert response.status_code == 200
    assert "you were not the trainee's mentor" in response.context["plan"].errors["date"][0]
    assert not Meeting.objects.filter(traineeship=traineeship).exists()


def test_row_numbers_from_the_request_never_break_the_page(traineeship, personas, client_for):
    mentor = client_for(personas.mentor)
    url = reverse("mentors:meeting_log", kwargs={"pk": traineeship.pk})
    assert (
        mentor.post(url, log_data(personas, **{"agreements-TOTAL_FORMS": "x", "add_agreement": "1"})).status_code == 200
    )
    row = reverse("mentors:agreement_row", kwargs={"pk": traineeship.pk})
    assert mentor.get(row, {"agreements-TOTAL_FORMS": "many"}).status_code == 200
    removed = reverse("mentors:agreement_row_removed", kwargs={"pk": traineeship.pk})
    assert mentor.get(removed, {"index": "-"}).status_code == 200
