"""Keeping ``TraineeshipState`` fresh, and reading it, without programmes depending on the apps above it.

The computation needs the risk signals (mentors) and the stappenplan (every app), so the
composing package (``overview.state``) registers it here with ``register``; signal handlers
call ``refresh`` inside the transaction of the change, the daily command ``refresh_all``.

Pages read the state with ``with_state``: it puts the stored columns on a Traineeship queryset
under the names the from-scratch annotations use (``current_step``, ``risk_<signal>``,
``at_risk``, ...), so filters, counts and ``mentors.risks.reasons`` work on it unchanged, at the
cost of one join. ``ensure_fresh`` (one indexed query) first catches up rows computed for
another day, should the daily command not have run yet.
"""

from collections.abc import Callable, Iterable
from contextlib import contextmanager
from datetime import date

from django.db.models import DateField, F, Q, Value
from django.utils import timezone

from programmes.models import RISK_SIGNALS, TraineeshipState

_computer: Callable | None = None
_deferred: list[set] = []


def register(computer: Callable) -> None:
    """``computer(traineeship_ids or None, today)`` writes the state rows and returns how many."""
    global _computer
    _computer = computer


def refresh(traineeship_ids: Iterable[int], today: date | None = None) -> int:
    ids = [pk for pk in set(traineeship_ids) if pk is not None]
    if _deferred:
        _deferred[-1].update(ids)
        return 0
    if not ids or _computer is None:
        return 0
    return _computer(ids, today or timezone.localdate())


def refresh_all(today: date | None = None) -> int:
    if _computer is None:
        return 0
    return _computer(None, today or timezone.localdate())


def is_deferred() -> bool:
    return bool(_deferred)


@contextmanager
def deferred(today: date | None = None):
    """Refresh once at the end for what changed inside (bulk loads such as the demo data)."""
    _deferred.append(set())
    try:
        yield
    finally:
        ids = _deferred.pop()
    refresh(ids, today)


def ensure_fresh(today: date | None = None) -> int:
    """Recompute the rows computed for another day than ``today`` (normally none: the daily command ran)."""
    today = today or timezone.localdate()
    stale = list(
        TraineeshipState.objects.filter(Q(computed_for__lt=today) | Q(computed_for__gt=today)).values_list(
            "traineeship_id", flat=True
        )
    )
    return refresh(stale, today) if stale else 0


def first_of_judged_month(today: date) -> date:
    # The learning-time signal judges the last whole month (mentors.learning_time.judged_month).
    return (today.replace(day=1) - timezone.timedelta(days=1)).replace(day=1)


def with_state(queryset, today: date | None = None):
    """``queryset`` of traineeships with the stored state under the from-scratch annotation names
    (after ``ensure_fresh``: one query, plus a refresh only when rows were computed for another day)."""
    today = today or timezone.localdate()
    ensure_fresh(today)
    return stored_columns(queryset, today)


def stored_columns(queryset, today: date):
    """``with_state`` without its freshness check: for a request that calls ``ensure_fresh`` once and
    reads the state more than once (a page's ids, then its rows: ``organisations.querysets.IdsFirst``)."""
    names = ["current_step", *[f"risk_{s}" for s in RISK_SIGNALS], "at_risk", "overdue_agreements"]
    names += ["last_meeting_on", "next_meeting_on", "current_placement_at", "learning_hours_logged"]
    return queryset.annotate(
        **{name: F(f"state__{name}") for name in names},
        learning_month=Value(first_of_judged_month(today), output_field=DateField()),
    )
