"""Factories for the mentors app, and minimal ones for programmes' objects it needs."""

from datetime import date, time, timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from mentors.models import Agreement, Meeting, MentorProfile
from organisations.models import Role
from programmes.models import LearningGoal, Placement, Programme, Traineeship, TraineeshipStatus
from tests.organisations.factories import OrganisationFactory, UserFactory, member


class MentorsProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = Programme

    owner = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Traineeprogramma {n}")
    kind = "social_work"
    meeting_rhythm_weeks = 4


class MentorsTraineeshipFactory(DjangoModelFactory):
    class Meta:
        model = Traineeship

    programme = factory.SubFactory(MentorsProgrammeFactory)
    trainee = factory.SubFactory(UserFactory)
    education_level = "hbo"
    graduation_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=200))
    scale = 7
    start_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=60))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=300))
    status = TraineeshipStatus.ACTIVE


class MentorsPlacementFactory(DjangoModelFactory):
    class Meta:
        model = Placement

    traineeship = factory.SubFactory(MentorsTraineeshipFactory)
    organisation = factory.LazyAttribute(lambda o: o.traineeship.programme.owner)
    start_date = factory.LazyAttribute(lambda o: o.traineeship.start_date)
    end_date = factory.LazyAttribute(lambda o: o.traineeship.end_date)


class MentorProfileFactory(DjangoModelFactory):
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


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = Meeting

    traineeship = factory.SubFactory(MentorsTraineeshipFactory)
    kind = "regular"
    date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=7))
    start_time = time(10, 0)


class AgreementFactory(DjangoModelFactory):
    class Meta:
        model = Agreement

    meeting = factory.SubFactory(MeetingFactory)
    traineeship = factory.LazyAttribute(lambda o: o.meeting.traineeship)
    description = factory.Sequence(lambda n: f"Afspraak {n}")
    owner = factory.LazyAttribute(lambda o: o.meeting.traineeship.trainee)
    due_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=14))


class LearningGoalFactory(DjangoModelFactory):
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
    programme = MentorsProgrammeFactory(owner=organisation)
    traineeship = MentorsTraineeshipFactory(programme=programme, trainee=trainee, **fields)
    MentorsPlacementFactory(traineeship=traineeship, mentor=mentor, manager=manager)
    return traineeship
