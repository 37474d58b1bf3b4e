"""Factories for programmes: a valid social-work-cao traineeship in one organisation.

``TraineeshipFactory(programme__owner=organisation)`` (or ``organisation=...``)
builds a programme under the cao Sociaal Werk 2021-2023 owned by that organisation,
an hbo trainee in scale 6 who graduated three months before a 12-month traineeship.
"""

from datetime import timedelta

import factory
from django.utils import timezone

from competencies.models import Competency, CompetencyFramework, LearningActivity
from organisations.models import Role
from programmes.dates import add_months
from programmes.models import Cohort, Placement, Programme, ProgrammeKind, Traineeship, TraineeshipStatus
from tests.factories import ModelFactory
from tests.organisations.factories import MembershipFactory, OrganisationFactory, UserFactory


class FrameworkFactory(ModelFactory):
    class Meta:
        model = CompetencyFramework

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Competentieprofiel {n}")


class CompetencyFactory(ModelFactory):
    class Meta:
        model = Competency

    framework = factory.SubFactory(FrameworkFactory)
    code = factory.Sequence(lambda n: f"K{n}")
    name = factory.Sequence(lambda n: f"Competentie {n}")
    position = factory.Sequence(lambda n: n)


class ProgrammeFactory(ModelFactory):
    """A programme under the cao Sociaal Werk 2021-2023 (12 months, mbo 4 / hbo 6, 12-month window)."""

    class Meta:
        model = Programme

    owner = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Traineeship Sociaal Werk {n}")
    kind = ProgrammeKind.SOCIAL_WORK
    agreement_name = "cao Sociaal Werk 2021-2023"
    max_duration_months = 12
    pay_rule = "fixed"
    scale_mbo = 4
    scale_hbo = 6
    graduation_window_months = 12
    supernumerary = True
    framework = factory.LazyAttribute(lambda o: FrameworkFactory(organisation=o.owner))


class CohortFactory(ModelFactory):
    class Meta:
        model = Cohort

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"Lichting {n}")
    start_date = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))


class TraineeshipFactory(ModelFactory):
    """A valid traineeship; pass ``organisation=`` to own it there (trainee is a member of it)."""

    class Meta:
        model = Traineeship
        exclude = ["organisation"]

    organisation = factory.SubFactory(OrganisationFactory)
    programme = factory.SubFactory(ProgrammeFactory, owner=factory.SelfAttribute("..organisation"))
    trainee = factory.LazyAttribute(
        lambda o: MembershipFactory(organisation=o.programme.owner, role=Role.TRAINEE, user=UserFactory()).user
    )
    education_level = "hbo"
    scale = 6
    start_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
    end_date = factory.LazyAttribute(lambda o: add_months(o.start_date, 12) - timedelta(days=1))
    graduation_date = factory.LazyAttribute(lambda o: add_months(o.start_date, -3))
    status = TraineeshipStatus.ACTIVE


class PlacementFactory(ModelFactory):
    """A placement over the whole traineeship at the programme's owner."""

    class Meta:
        model = Placement

    traineeship = factory.SubFactory(TraineeshipFactory)
    organisation = factory.LazyAttribute(lambda o: o.traineeship.programme.owner)
    start_date = factory.LazyAttribute(lambda o: o.traineeship.start_date)
    end_date = factory.LazyAttribute(lambda o: o.traineeship.end_date)
    assignment = "Ambulant werk in de wijk"


class LearningActivityFactory(ModelFactory):
    class Meta:
        model = LearningActivity

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Training {n}")
    kind = "formal"
    category = "training"
    hours = 8


class PositionProfileFactory(ModelFactory):
    """An open position profile of tasks, for a programme of ``organisation`` (as a traineeship's)."""

    class Meta:
        model = "programmes.PositionProfile"

    programme = factory.SubFactory(ProgrammeFactory)
    organisation = factory.LazyAttribute(lambda o: o.programme.owner)
    title = factory.Sequence(lambda n: f"Trainee jongerenwerk {n}")
    kind = "tasks"
    tasks = "Ambulant jongerenwerk in de wijk; groepsactiviteiten voorbereiden."
