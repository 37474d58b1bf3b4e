"""Learning time kept honest: too few hours of development activities in the last whole month is a signal
with its reason on the mentor's and the manager's pages; the edges are exact."""

from calendar import monthrange
from datetime import timedelta
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from mentors.learning_time import judged_month
from programmes.models import DevelopmentActivity
from tests.mentors.factories import MeetingFactory, mentored_traineeship, record

REASON = "hours of development activities were logged"


def traineeship_with_hours(personas, *, contract_hours=Decimal(35), logged=None, start_date=None):
    """35 hours a week at 20% learning time asks exactly one hour per day of the month."""
    first, last = judged_month(timezone.localdate())
    traineeship = mentored_traineeship(
        personas.organisation,
        mentor=personas.mentor,
        manager=personas.manager,
        start_date=start_date or first - timedelta(days=20),
        contract_hours_per_week=contract_hours,
    )
    traineeship.programme.learning_time_percent = 20
    traineeship.programme.save()
    record(MeetingFactory(traineeship=traineeship, date=timezone.localdate()), personas.mentor)
    if logged is not None:
        DevelopmentActivity.objects.create(
            traineeship=traineeship,
            title="Training motiverende gespreksvoering",
            kind="formal",
            category="training",
            status="done",
            completed_on=last,
            hours=logged,
        )
    return traineeship


def pages(personas, client_for):
    mentor = client_for(personas.mentor, "en").get(reverse("mentors:mentees")).content.decode()
    manager = client_for(personas.manager, "en").get(reverse("manager_overview")).content.decode()
    return mentor, manager


def days_in_judged_month():
    first, _last = judged_month(timezone.localdate())
    return monthrange(first.year, first.month)[1]


def test_exactly_the_learning_time_is_on_track(personas, client_for):
    traineeship_with_hours(personas, logged=Decimal(days_in_judged_month()))
    for page in pages(personas, client_for):
        assert REASON not in page


def test_half_an_hour_short_is_a_signal_with_its_reason_for_mentor_and_manager(personas, client_for):
    days = days_in_judged_month()
    traineeship_with_hours(personas, logged=Decimal(days) - Decimal("0.5"))
    for page in pages(personas, client_for):
        assert REASON in page
        assert f"fewer than the {days}.0 hours of learning time (20% of 35.0 contract hours a week)" in page
    response = client_for(personas.manager, "en").get(reverse("manager_overview"), {"signal": "learning_time"})
    assert response.status_code == 200


def test_the_first_partial_month_is_not_judged(personas, client_for):
    first, _last = judged_month(timezone.localdate())
    traineeship_with_hours(personas, start_date=first + timedelta(days=3))
    for page in pages(personas, client_for):
        assert REASON not in page


def test_without_contract_hours_there_is_no_signal(personas, client_for):
    traineeship_with_hours(personas, contract_hours=None)
    for page in pages(personas, client_for):
        assert REASON not in page


def test_hr_records_the_contract_hours_on_the_traineeship(personas, client_for):
    traineeship = traineeship_with_hours(personas, contract_hours=None)
    url = reverse("programmes:traineeship_edit", kwargs={"pk": traineeship.pk})
    form = client_for(personas.hr, "en").get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data |= {"trainee": traineeship.trainee.pk, "contract_hours_per_week": "32"}
    for name in ("graduation_date", "start_date", "end_date"):
        data[name] = getattr(traineeship, name).isoformat()
    data["end_date"] = (traineeship.start_date + timedelta(days=300)).isoformat()
    response = client_for(personas.hr, "en").post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    traineeship.refresh_from_db()
    assert traineeship.contract_hours_per_week == Decimal(32)
    data["contract_hours_per_week"] = "0"
    response = client_for(personas.hr, "en").post(url, data)
    assert "contract_hours_per_week" in response.context["form"].errors


def _group_day(traineeship, *, learning_activity, on, hours):
    from programmes.models import DevelopmentDay, GroupAttendance
    from tests.programmes.factories import CohortFactory

    cohort = traineeship.cohort or CohortFactory(programme=traineeship.programme)
    traineeship.cohort = cohort
    traineeship.save()
    day = DevelopmentDay.objects.create(
        cohort=cohort, date=on, topic="Training", hours=hours, learning_activity=learning_activity
    )
    GroupAttendance.objects.create(session=day, traineeship=traineeship, status="present")


def _own_activity(traineeship, *, learning_activity, on, hours):
    DevelopmentActivity.objects.create(
        traineeship=traineeship,
        learning_activity=learning_activity,
        title="Training",
        kind="formal",
        category="training",
        status="done",
        completed_on=on,
        hours=hours,
    )


def test_a_group_day_also_logged_as_own_activity_counts_once(personas, client_for):
    from tests.programmes.factories import LearningActivityFactory

    _first, last = judged_month(timezone.localdate())
    half = Decimal(days_in_judged_month()) / 2
    traineeship = traineeship_with_hours(personas)
    training = LearningActivityFactory(organisation=personas.organisation)
    _group_day(traineeship, learning_activity=training, on=last, hours=half)
    # The trainee noted the same training on their own plan: half the month's learning time, not all of it.
    _own_activity(traineeship, learning_activity=training, on=last, hours=half)
    for page in pages(personas, client_for):
        assert REASON in page
        assert f"{half:.1f} hours of development activities were logged" in page


def test_another_activity_on_a_group_day_counts_besides_it(personas, client_for):
    from tests.programmes.factories import LearningActivityFactory

    first, last = judged_month(timezone.localdate())
    half = Decimal(days_in_judged_month()) / 2
    traineeship = traineeship_with_hours(personas)
    training = LearningActivityFactory(organisation=personas.organisation)
    _group_day(traineeship, learning_activity=training, on=last, hours=half)
    # Another inventory activity the same day, and the same one on another day: both count.
    _own_activity(
        traineeship,
        learning_activity=LearningActivityFactory(organisation=personas.organisation),
        on=last,
        hours=half / 2,
    )
    _own_activity(traineeship, learning_activity=training, on=first, hours=half / 2)
    for page in pages(personas, client_for):
        assert REASON not in page
