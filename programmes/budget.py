"""The development budget: per traineeship (the programme's default unless set), against the cost of the
learning activities chosen from the inventory, and totals per cohort for HR."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DecimalField, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from programmes.models import DevelopmentActivity, Programme, Traineeship

MONEY = DecimalField(max_digits=11, decimal_places=2)
ZERO = Value(Decimal(0), output_field=MONEY)


@dataclass
class Budget:
    budget: Decimal | None
    spent: Decimal

    @property
    def over(self) -> bool:
        return self.budget is not None and self.spent > self.budget

    @property
    def left(self) -> Decimal | None:
        return None if self.budget is None else self.budget - self.spent


def _spent_subquery():
    return (
        DevelopmentActivity.objects.filter(traineeship=OuterRef("pk"), learning_activity__cost__isnull=False)
        .order_by()
        .values("traineeship")
        .annotate(total=Sum("learning_activity__cost"))
        .values("total")
    )


def with_budget(queryset):
    """Add ``budget`` (own or the programme's default) and ``spent`` (cost of chosen activities)."""
    return queryset.annotate(
        budget=Coalesce("development_budget", "programme__default_development_budget"),
        spent=Coalesce(Subquery(_spent_subquery(), output_field=MONEY), ZERO),
    )


def budget_of(traineeship: Traineeship) -> Budget:
    row = with_budget(Traineeship.objects.filter(pk=traineeship.pk)).values("budget", "spent").get()
    return Budget(row["budget"], row["spent"])


@dataclass
class CohortBudget:
    cohort_id: int | None
    name: str
    trainees: int
    budget: Decimal
    spent: Decimal
    over: int


def cohort_budgets(programme: Programme) -> list[CohortBudget]:
    """Per cohort (and the traineeships without one): trainees, budget and spent in total, how many are over.

    One grouped query keyed by the cohort's id (two cohorts with one name stay two rows)."""
    grouped = (
        with_budget(Traineeship.objects.filter(programme=programme))
        .order_by()
        .values("cohort", "cohort__name", "cohort__start_date")
        .annotate(
            trainees=Count("pk"),
            budget_total=Coalesce(Sum("budget"), ZERO),
            spent_total=Coalesce(Sum("spent"), ZERO),
            over=Count("pk", filter=Q(budget__isnull=False, spent__gt=F("budget"))),
        )
        .order_by("cohort__start_date", "cohort__name", "cohort")
    )
    return [
        CohortBudget(
            row["cohort"],
            row["cohort__name"] or "",
            row["trainees"],
            row["budget_total"],
            row["spent_total"],
            row["over"],
        )
        for row in grouped
    ]
