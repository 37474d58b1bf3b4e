"""Minimal factories for a traineeship with a profile (reconciled with programmes' factories at merge)."""

from datetime import date, timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from programmes.models import (
    Cohort,
    Competency,
    CompetencyFramework,
    LearningGoal,
    Placement,
    ProfileCompetency,
    Programme,
    ProgrammeKind,
    Traineeship,
    TraineeshipStatus,
)
from tests.organisations.factories import OrganisationFactory, UserFactory


class ProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = Programme

    owner = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Traineeship sociaal werk {n}")
    kind = ProgrammeKind.SOCIAL_WORK


class CohortFactory(DjangoModelFactory):
    class Meta:
        model = Cohort

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"Lichting {n}")
    start_date = date(2026, 9, 1)


class TraineeshipFactory(DjangoModelFactory):
    class Meta:
        model = Traineeship

    programme = factory.SubFactory(ProgrammeFactory)
    trainee = factory.SubFactory(UserFactory)
    education_level = "hbo"
    graduation_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=200))
    scale = 6
    start_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=100))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=200))
    status = TraineeshipStatus.ACTIVE


class PlacementFactory(DjangoModelFactory):
    class Meta:
        model = Placement

    traineeship = factory.SubFactory(TraineeshipFactory)
    organisation = factory.LazyAttribute(lambda o: o.traineeship.programme.owner)
    start_date = factory.LazyAttribute(lambda o: o.traineeship.start_date)
    end_date = factory.LazyAttribute(lambda o: o.traineeship.end_date)


class FrameworkFactory(DjangoModelFactory):
    class Meta:
        model = CompetencyFramework

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Beroepscompetentieprofiel {n}")


class CompetencyFactory(DjangoModelFactory):
    class Meta:
        model = Competency

    framework = factory.SubFactory(FrameworkFactory)
    code = factory.Sequence(lambda n: f"C{n}")
    name = factory.Sequence(lambda n: f"Competentie {n}")
    position = factory.Sequence(lambda n: n)


class GoalFactory(DjangoModelFactory):
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
