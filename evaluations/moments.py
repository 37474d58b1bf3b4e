"""When a trainee's programme evaluation opens: halfway through the traineeship, and some weeks
before its end (seed 003's evaluation moments)."""

from datetime import date, timedelta

from evaluations.models import Moment

END_OPENS_WEEKS_BEFORE = 6


def opens_on(traineeship, moment: str) -> date:
    start, end = traineeship.start_date, traineeship.end_date
    halfway = start + (end - start) / 2
    if moment == Moment.MIDWAY:
        return halfway
    # In a short traineeship the end moment never opens before halfway.
    return max(end - timedelta(weeks=END_OPENS_WEEKS_BEFORE), halfway + timedelta(days=1))


def is_open(traineeship, moment: str, today: date) -> bool:
    return opens_on(traineeship, moment) <= today


def open_moments(traineeship, today: date) -> list[str]:
    return [moment for moment in Moment.values if is_open(traineeship, moment, today)]
