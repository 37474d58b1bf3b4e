"""Traineeships whose programme evaluation is open, and answers sent through the service."""

from datetime import timedelta

from django.utils import timezone

from evaluations import services
from evaluations.models import Moment, Question
from organisations.models import Role
from tests.organisations.factories import member
from tests.programmes.factories import TraineeshipFactory


def halfway_traineeship(programme, *, trainee=None, cohort=None):
    """A traineeship of a year, seven months in: the halfway evaluation is open."""
    start = timezone.localdate() - timedelta(days=210)
    return TraineeshipFactory(
        programme=programme,
        cohort=cohort,
        trainee=trainee or member(programme.owner, Role.TRAINEE),
        start_date=start,
        end_date=start + timedelta(days=364),
    )


def send(traineeship, *, rating=4, keep="", moment=Moment.MIDWAY):
    services.questions_ensure_defaults(programme=traineeship.programme)
    answers = {}
    for question in Question.objects.filter(programme=traineeship.programme, active=True):
        answers[question] = rating if question.kind == Question.Kind.RATING else keep
    return services.evaluation_submit(traineeship=traineeship, moment=moment, answers=answers)
