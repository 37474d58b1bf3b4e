"""Factories for portfolios, on top of the programmes factories: a traineeship with a profile."""

from datetime import timedelta

import factory
from django.utils import timezone

from goals.models import LearningGoal
from programmes.models import ProfileCompetency
from tests.factories import ModelFactory
from tests.programmes.factories import (
    CohortFactory,
    CompetencyFactory,
    FrameworkFactory,
    PlacementFactory,
    ProgrammeFactory,
    TraineeshipFactory,
)

__all__ = [
    "CohortFactory",
    "CompetencyFactory",
    "FrameworkFactory",
    "GoalFactory",
    "PlacementFactory",
    "ProgrammeFactory",
    "TraineeshipFactory",
    "traineeship_with_profile",
]


class GoalFactory(ModelFactory):
    class Meta:
        model = LearningGoal

    traineeship = factory.SubFactory(TraineeshipFactory)
    title = factory.Sequence(lambda n: f"Leerdoel {n}: gesprekken voeren met gezinnen")
    measure = "Mijn werkbegeleider ziet het in drie gesprekken."
    deadline = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=90))


def traineeship_with_profile(organisation, *, trainee, mentor=None, competencies=3, cohort=None):
    """A traineeship owned by ``organisation`` with a placement (and mentor) and a profile."""
    programme = ProgrammeFactory(owner=organisation)
    traineeship = TraineeshipFactory(programme=programme, trainee=trainee, cohort=cohort)
    PlacementFactory(traineeship=traineeship, mentor=mentor)
    framework = FrameworkFactory(organisation=organisation)
    for index in range(competencies):
        competency = CompetencyFactory(framework=framework, name=f"Competentie {organisation.slug} {index}")
        ProfileCompetency.objects.create(
            traineeship=traineeship,
            competency=competency,
            purpose=ProfileCompetency.Purpose.DEVELOP if index else ProfileCompetency.Purpose.REQUIRED,
        )
    return traineeship
