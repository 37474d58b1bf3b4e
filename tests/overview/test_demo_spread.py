"""``demo --trainees N --organisations M`` spreads the extra trainees over M organisations, with complete data."""

from django.core.management import call_command
from django.utils import timezone

from goals.models import LearningGoal
from mentors.models import Agreement, Meeting
from organisations.models import Organisation
from overview.state import differences
from portfolios.models import SelfEvaluation
from programmes.models import Placement, Traineeship, TraineeshipState


def counts():
    return (
        Organisation.objects.count(),
        Traineeship.objects.count(),
        Meeting.objects.filter(traineeship__programme__owner__slug="organisatie-003").count(),
        Agreement.objects.count(),
    )


def test_spread_over_three_organisations_complete_fresh_and_idempotent(db):
    call_command("demo", trainees=30, organisations=3, stdout=None)
    spread = Traineeship.objects.filter(programme__owner__slug="organisatie-003")
    assert spread.count() == 10
    assert Traineeship.objects.filter(trainee__email__startswith="trainee0").count() == 30
    assert not Placement.objects.filter(traineeship__in=spread, mentor__isnull=True).exists()
    for traineeship in spread:
        assert traineeship.programme.coordinator is not None
        assert Meeting.objects.filter(traineeship=traineeship).count() == 2
        assert LearningGoal.objects.filter(traineeship=traineeship).count() == 2
        assert SelfEvaluation.objects.filter(traineeship=traineeship, moment="start").exists()
    assert TraineeshipState.objects.filter(traineeship__in=spread).count() == 10
    assert differences(timezone.localdate()) == []
    first = counts()
    call_command("demo", trainees=30, organisations=3, stdout=None)
    assert counts() == first
