"""Learning time kept honest: the programme's learning time against the hours of development activities.

The learning time is a percentage of the contract hours. Each calendar month the trainee should log
at least ``contract hours a week × percentage × days in the month / 7`` hours of development
activities (counted on the day they were done), and of the cohort's group activities the trainee was
present at (counted on their date; absent with notice does not count). A day counts once: a development
activity of the same inventory activity as a group activity the trainee attended, done on that group
activity's date, is the same learning logged twice (the trainee also noted the group day on their own
plan), so only the group activity's hours count. The last whole month is judged:
- a first month the traineeship only partly covers is not judged (the trainee had no fair chance);
- without contract hours there is nothing to compare, so no signal;
- exactly the expected hours is on track (falling behind means fewer).
"""

from calendar import monthrange
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import DateField, DecimalField, Exists, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from programmes.models import Attendance, DevelopmentActivity, GroupAttendance

HOURS = DecimalField(max_digits=8, decimal_places=1)
ZERO = Value(Decimal(0), output_field=HOURS)


def judged_month(today: date) -> tuple[date, date]:
    """The first and last day of the last whole calendar month before ``today``."""
    last = today.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


def annotate_learning_time(queryset, today: date, active: Q):
    """Add ``learning_hours_logged`` (in the judged month) and the boolean condition for ``risk_learning_time``.

    Returns the annotated queryset and the Q for the signal (so risks.py can store it as a boolean).
    """
    first, last = judged_month(today)
    days = monthrange(first.year, first.month)[1]
    # The group activity that already counts this activity's day (see the module's docstring).
    counted_as_group = GroupAttendance.objects.filter(
        traineeship=OuterRef("traineeship"),
        status=Attendance.PRESENT,
        session__date=OuterRef("completed_on"),
        session__learning_activity=OuterRef("learning_activity"),
        session__hours__isnull=False,
    )
    logged = (
        DevelopmentActivity.objects.filter(
            traineeship=OuterRef("pk"), completed_on__gte=first, completed_on__lte=last, hours__isnull=False
        )
        .exclude(Exists(counted_as_group))
        .order_by()
        .values("traineeship")
        .annotate(total=Sum("hours"))
        .values("total")
    )
    attended = (
        GroupAttendance.objects.filter(
            traineeship=OuterRef("pk"),
            status=Attendance.PRESENT,
            session__date__gte=first,
            session__date__lte=last,
            session__hours__isnull=False,
        )
        .order_by()
        .values("traineeship")
        .annotate(total=Sum("session__hours"))
        .values("total")
    )
    annotated = queryset.annotate(
        learning_month=Value(first, output_field=DateField()),
        learning_hours_logged=Coalesce(Subquery(logged, output_field=HOURS), ZERO)
        + Coalesce(Subquery(attended, output_field=HOURS), ZERO),
        # Compare in whole numbers: logged × 700 against hours a week × percent × days (no rounding in SQL).
        learning_hours_scaled=F("learning_hours_logged") * Value(700),
        learning_hours_due_scaled=F("contract_hours_per_week") * F("programme__learning_time_percent") * Value(days),
    )
    behind = (
        active
        & Q(start_date__lte=first)
        & Q(contract_hours_per_week__isnull=False, programme__learning_time_percent__gt=0)
        & Q(learning_hours_scaled__lt=F("learning_hours_due_scaled"))
    )
    return annotated, behind


def expected_hours(traineeship, first: date) -> Decimal:
    """The hours of development activities the month starting on ``first`` asks for, to one decimal."""
    days = monthrange(first.year, first.month)[1]
    due = traineeship.contract_hours_per_week * traineeship.programme.learning_time_percent * days / Decimal(700)
    return due.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
