"""The visibility scopes are compiled to SQL once per person and day (``organisations.querysets.
compiled_once``): the SQL holds no data, so a change of role or placement shows at once."""

from datetime import timedelta
from unittest import mock

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from organisations.models import Membership
from programmes import permissions
from programmes.models import Placement, Traineeship
from tests.programmes.factories import PlacementFactory, TraineeshipFactory


def visible(user, today=None):
    return set(Traineeship.objects.filter(permissions.traineeship_scope(user, today)).values_list("pk", flat=True))


def mentored(user):
    placements = Placement.objects.filter(traineeship__in=permissions.mentored_traineeships(user))
    return set(placements.values_list("traineeship", flat=True))


def test_scopes_follow_roles_and_placements_with_the_same_compiled_sql(personas):
    traineeship = TraineeshipFactory(organisation=personas.organisation)
    other = TraineeshipFactory(organisation=personas.other_organisation)
    assert visible(personas.hr) == {traineeship.pk}
    assert visible(personas.mentor) == set()

    placement = PlacementFactory(traineeship=traineeship, mentor=personas.mentor)
    assert visible(personas.mentor) == {traineeship.pk}
    assert mentored(personas.mentor) == {traineeship.pk}

    # The same day, the same compiled SQL: the role taken away or the mentor changed shows at once.
    Membership.objects.filter(user=personas.hr).delete()
    assert visible(personas.hr) == set()
    Placement.objects.filter(pk=placement.pk).update(mentor=personas.other_mentor)
    assert visible(personas.mentor) == set()
    assert mentored(personas.mentor) == set()
    # Another person's scope is their own.
    assert visible(personas.other_hr) == {other.pk}


def test_the_scope_is_built_once_per_person_and_day(personas):
    permissions._related_traineeship_ids.cache_clear()
    with mock.patch("programmes.permissions.any_of", wraps=permissions.any_of) as build:
        for _ in range(3):
            visible(personas.hr)
            visible(personas.manager)
        assert build.call_count == 2
        # Another day is another scope: the grace period counts from the day.
        visible(personas.hr, today=timezone.localdate() + timedelta(days=1))
        assert build.call_count == 3


def test_the_grace_period_moves_with_the_day(personas):
    traineeship = TraineeshipFactory(organisation=personas.organisation)
    placement = PlacementFactory(traineeship=traineeship, mentor=personas.mentor)
    ended = placement.end_date
    assert visible(personas.mentor, today=ended + timedelta(days=permissions.GRACE_DAYS)) == {traineeship.pk}
    assert visible(personas.mentor, today=ended + timedelta(days=permissions.GRACE_DAYS + 1)) == set()


def test_anonymous_sees_nothing(db):
    TraineeshipFactory()
    assert visible(AnonymousUser()) == set()
