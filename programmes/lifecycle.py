"""A traineeship's life follows from its dates, not from someone remembering to click.

Stopped (early) and finished are acts or facts that stay; otherwise a traineeship is
planned before its start date, running from its start to its end date, and finished
after it; "ending soon" is the last weeks while running. Lists, signals and reminders
use these expressions in SQL; ``update_statuses`` (the daily ``update_traineeship_status``
command) brings the stored status in line, so filters and exports agree with the dates.
"""

from datetime import date, timedelta

from django.db.models import BooleanField, Case, CharField, ExpressionWrapper, Q, Value, When
from django.utils import timezone

from programmes.models import Traineeship, TraineeshipStatus

ENDING_SOON_WEEKS = 6
OPEN = [TraineeshipStatus.PLANNED, TraineeshipStatus.ACTIVE]


def _prefixed(prefix: str, **lookups) -> Q:
    return Q(**{f"{prefix}{name}": value for name, value in lookups.items()})


def running_q(today: date, prefix: str = "") -> Q:
    """Running on ``today``: neither stopped nor finished, and ``today`` within its dates.

    ``prefix`` (e.g. ``"traineeship__"``) applies it from a related model."""
    return _prefixed(prefix, status__in=OPEN, start_date__lte=today, end_date__gte=today)


def not_over_q(today: date, prefix: str = "") -> Q:
    """Planned or running: what still lies ahead on ``today``."""
    return _prefixed(prefix, status__in=OPEN, end_date__gte=today)


def ending_soon_q(today: date, weeks: int = ENDING_SOON_WEEKS) -> Q:
    return running_q(today) & Q(end_date__lte=today + timedelta(weeks=weeks))


def effective_status(today: date) -> Case:
    """The status as the dates say, as an SQL expression."""
    return Case(
        When(status__in=[TraineeshipStatus.STOPPED, TraineeshipStatus.FINISHED], then="status"),
        When(end_date__lt=today, then=Value(TraineeshipStatus.FINISHED)),
        When(start_date__gt=today, then=Value(TraineeshipStatus.PLANNED)),
        default=Value(TraineeshipStatus.ACTIVE),
        output_field=CharField(),
    )


def annotate_lifecycle(queryset, today: date | None = None):
    """Add ``effective_status`` and ``ending_soon`` to a Traineeship queryset."""
    today = today or timezone.localdate()
    return queryset.annotate(
        effective_status=effective_status(today),
        ending_soon=ExpressionWrapper(ending_soon_q(today), output_field=BooleanField()),
    )


def status_on(traineeship: Traineeship, today: date | None = None) -> str:
    """The same rule for one traineeship in Python."""
    today = today or timezone.localdate()
    if traineeship.status in (TraineeshipStatus.STOPPED, TraineeshipStatus.FINISHED):
        return traineeship.status
    if traineeship.end_date < today:
        return TraineeshipStatus.FINISHED
    if traineeship.start_date > today:
        return TraineeshipStatus.PLANNED
    return TraineeshipStatus.ACTIVE


def update_statuses(today: date | None = None) -> dict[str, int]:
    """Store what the dates say: planned → active on the start date, → finished after the end date."""
    today = today or timezone.localdate()
    finished = Traineeship.objects.filter(status__in=OPEN, end_date__lt=today).update(
        status=TraineeshipStatus.FINISHED, updated_at=timezone.now()
    )
    started = Traineeship.objects.filter(running_q(today), status=TraineeshipStatus.PLANNED).update(
        status=TraineeshipStatus.ACTIVE, updated_at=timezone.now()
    )
    return {"started": started, "finished": finished}
