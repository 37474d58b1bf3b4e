from datetime import time, timedelta

import factory
from django.utils import timezone

from coaching.models import Coaching, CoachingSession, SessionMode
from tests.factories import ModelFactory
from tests.programmes.factories import TraineeshipFactory


class CoachingFactory(ModelFactory):
    class Meta:
        model = Coaching

    traineeship = factory.SubFactory(TraineeshipFactory)
    started_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=14))


class CoachingSessionFactory(ModelFactory):
    class Meta:
        model = CoachingSession

    coaching = factory.SubFactory(CoachingFactory)
    date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=7))
    start_time = time(15, 0)
    duration_minutes = 60
    mode = SessionMode.IN_PERSON
    location = "Spreekkamer 2"
    notes = "Vertrouwelijk: grenzen aangeven in het team."


def coached(traineeship, coach, **fields) -> Coaching:
    """``coach`` coaches ``traineeship`` from two weeks ago, with one session held and one ahead."""
    coaching = CoachingFactory(traineeship=traineeship, coach=coach, **fields)
    CoachingSessionFactory(coaching=coaching, date=timezone.localdate() - timedelta(days=7), notes="Sessie een")
    CoachingSessionFactory(coaching=coaching)
    return coaching
