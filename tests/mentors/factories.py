"""Factories for the mentors app, on top of the programmes factories."""

from datetime import date, time, timedelta

import factory
from django.utils import timezone

from goals.models import LearningGoal
from mentors.models import Agreement, Meeting, MentorProfile
from organisations.models import Role
from programmes.models import Traineeship, TraineeshipStatus
from tests.factories import ModelFactory
from tests.organisations.factories import OrganisationFactory, UserFactory, member
from tests.programmes.factories import PlacementFactory, ProgrammeFactory, TraineeshipFactory


class MentorsTraineeshipFactory(TraineeshipFactory):
    """An active traineeship two months under way, with the programme's four-weekly meeting rhythm."""

    start_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=60))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=300))
    status = TraineeshipStatus.ACTIVE


class MentorProfileFactory(ModelFactory):
    class Meta:
        model = MentorProfile

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    experience_years = 8
    experience = "Jongerenwerker, begeleidt sinds 2019 stagiairs."
    coaching_training = MentorProfile.Training.DONE
    coaching_training_date = date(2022, 3, 1)
    capacity = 2
    hours_per_week = 2


class MeetingFactory(ModelFactory):
    class Meta:
        model = Meeting

    traineeship = factory.SubFactory(MentorsTraineeshipFactory)
    kind = "regular"
    date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=7))
    start_time = time(10, 0)


class AgreementFactory(ModelFactory):
    class Meta:
        model = Agreement

    meeting = factory.SubFactory(MeetingFactory)
    traineeship = factory.LazyAttribute(lambda o: o.meeting.traineeship)
    description = factory.Sequence(lambda n: f"Afspraak {n}")
    owner = factory.LazyAttribute(lambda o: o.meeting.traineeship.trainee)
    due_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=14))


class LearningGoalFactory(ModelFactory):
    class Meta:
        model = LearningGoal

    traineeship = factory.SubFactory(MentorsTraineeshipFactory)
    title = factory.Sequence(lambda n: f"Leerdoel {n}")
    status = LearningGoal.Status.ACTIVE
    approved_at = factory.LazyFunction(lambda: timezone.now() - timedelta(weeks=12))


def record(meeting: Meeting, mentor, **values) -> Meeting:
    """Mark ``meeting`` recorded by ``mentor`` (bypassing the form)."""
    meeting.recorded_at = timezone.now()
    meeting.recorded_by = mentor
    for name, value in values.items():
        setattr(meeting, name, value)
    meeting.save()
    return meeting


def mentored_traineeship(organisation, *, trainee=None, mentor=None, manager=None, **fields) -> Traineeship:
    """A traineeship of ``organisation`` with one placement there and a mentor."""
    trainee = trainee or member(organisation, Role.TRAINEE)
    programme = ProgrammeFactory(owner=organisation)
    traineeship = MentorsTraineeshipFactory(programme=programme, trainee=trainee, **fields)
    PlacementFactory(traineeship=traineeship, mentor=mentor, manager=manager)
    return traineeship
