"""A group activity the trainee was present at counts as learning time on its date, through the attendance
page; absent with notice does not count. Same edges as the individual activities."""

from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from mentors.learning_time import judged_month
from programmes.models import Cohort, DevelopmentDay
from tests.mentors.test_learning_time import REASON, days_in_judged_month, pages, traineeship_with_hours


def short_by_a_group_day(personas, client_for, status):
    """Individual hours six short of the month's learning time, and a six-hour group day registered as ``status``."""
    first, last = judged_month(timezone.localdate())
    traineeship = traineeship_with_hours(personas, logged=Decimal(days_in_judged_month() - 6))
    traineeship.cohort = Cohort.objects.create(programme=traineeship.programme, name="Lichting", start_date=first)
    traineeship.save()
    session = DevelopmentDay.objects.create(cohort=traineeship.cohort, date=last, topic="Ontwikkeldag", hours=6)
    url = reverse("programmes:group_attendance", kwargs={"pk": session.pk})
    assert client_for(personas.hr).post(url, {f"t{traineeship.pk}": status}).status_code == 302
    return traineeship


def test_present_at_a_group_day_makes_up_the_learning_time(personas, client_for):
    short_by_a_group_day(personas, client_for, "present")
    for page in pages(personas, client_for):
        assert REASON not in page


def test_absent_with_notice_does_not_count(personas, client_for):
    short_by_a_group_day(personas, client_for, "excused")
    for page in pages(personas, client_for):
        assert REASON in page
