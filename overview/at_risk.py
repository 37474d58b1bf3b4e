"""Traineeships at risk on the manager's and the coordinator's home, with the signal bars as filters.

The manager sees the organisation's traineeships; the coordinator the programme's traineeships
across partner organisations. Both only as far as ``programmes.permissions`` lets them
(``Traineeship.objects.visible_to``), so every row's portfolio PDF opens for them.
"""

from django.db.models import Count, Q
from django.utils import timezone

from mentors.risks import SIGNALS, at_risk_q, reasons, signal_labels
from organisations.models import Role
from organisations.querysets import IdsFirst
from programmes.lifecycle import running_q
from programmes.models import Traineeship
from programmes.state import stored_columns, with_state

LIMIT = 15


def at_risk_context(request) -> dict:
    user, membership = request.user, request.membership
    today = timezone.localdate()
    traineeships = Traineeship.objects.visible_to(user).filter(running_q(today))
    if membership.role == Role.MANAGER:
        traineeships = traineeships.of_organisation(membership.organisation)
    annotated = with_state(traineeships, today)
    counts = annotated.aggregate(**{signal: Count("pk", filter=Q(**{f"risk_{signal}": True})) for signal in SIGNALS})
    chosen = request.GET.get("signal")
    chosen = chosen if chosen in SIGNALS else None
    rows = annotated.filter(at_risk_q())
    if chosen:
        rows = rows.filter(**{f"risk_{chosen}": True})
    shown = IdsFirst(
        rows.order_by("end_date", "pk"),
        rows=lambda ids: stored_columns(Traineeship.objects.filter(pk__in=ids), today).select_related(
            "trainee", "programme__owner"
        ),
    )[:LIMIT]
    labels = signal_labels()
    return {
        "risk_bars": [
            {"signal": signal, "label": labels[signal], "count": counts[signal], "active": signal == chosen}
            for signal in SIGNALS
        ],
        "risk_signal": labels.get(chosen),
        "risk_rows": [{"traineeship": t, "reasons": reasons(t)} for t in shown],
    }
