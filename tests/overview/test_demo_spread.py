"""``demo --trainees N --organisations M`` spreads the extra trainees over M organisations, with complete data."""

from django.apps import apps
from django.core.management import call_command
from django.db.models import Max, Min, Q
from django.utils import timezone

from goals.models import LearningGoal
from mentors.models import Agreement, Meeting
from organisations.models import Organisation, User
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


def test_named_demo_records_come_before_the_extra_trainees(db):
    """So they have the same ids at every size and ``make bench`` times the same record at each."""
    call_command("demo", trainees=6, stdout=None)
    extra_accounts = Q(email__startswith="trainee0") | Q(email__startswith="mentor0")
    assert User.objects.filter(extra_accounts).count() > 6
    _assert_named_first(User.objects.all(), extra_accounts)
    extra = Q(trainee__email__startswith="trainee0")
    _assert_named_first(Traineeship.objects.all(), extra)
    extra_related = Q(traineeship__trainee__email__startswith="trainee0")
    checked = []
    for model in apps.get_models():
        field = next((f for f in model._meta.fields if f.name == "traineeship"), None)
        if field is not None and field.related_model is Traineeship and model.objects.filter(extra_related).exists():
            _assert_named_first(model.objects.all(), extra_related)
            checked.append(model.__name__)
    assert {"Placement", "Meeting", "LearningGoal", "SelfEvaluation"} <= set(checked)


def _assert_named_first(rows, extra: Q):
    named = rows.exclude(extra).aggregate(last=Max("pk"))["last"]
    first_extra = rows.filter(extra).aggregate(first=Min("pk"))["first"]
    assert named is not None and first_extra is not None
    assert named < first_extra, rows.model.__name__
