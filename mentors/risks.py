"""Signals that a traineeship is at risk, each with its reason in words.

A traineeship counts as running by its dates (``programmes.lifecycle``), whatever its
stored status says. ``annotate_risks`` adds the signals to a Traineeship queryset in SQL (subqueries,
no N+1), so a list of 10 or 10,000 traineeships costs the same number of queries;
``reasons`` turns one annotated row into sentences.
"""

from datetime import timedelta

from django.db.models import (
    BooleanField,
    Case,
    Count,
    DateField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from goals.models import GoalProgress, LearningGoal
from mentors.learning_time import annotate_learning_time, expected_hours
from mentors.models import LOW_SIGNAL, Agreement, AgreementStatus, Meeting, MeetingKind
from programmes.lifecycle import running_q
from programmes.models import Placement

STALE_GOAL_WEEKS = 8
ENDING_WEEKS = 6
MAX_RHYTHM_WEEKS = 26
DEFAULT_RHYTHM_WEEKS = 4

SIGNALS = [
    "no_mentor",
    "no_meeting",
    "overdue_agreements",
    "low_wellbeing",
    "stale_goals",
    "ending_without_final",
    "learning_time",
]


def signal_labels() -> dict[str, str]:
    return {
        "no_mentor": _("No mentor at the moment"),
        "no_meeting": _("No meeting within the rhythm"),
        "overdue_agreements": _("Overdue agreements"),
        "low_wellbeing": _("Low wellbeing twice in a row"),
        "stale_goals": _("Learning goals without progress"),
        "ending_without_final": _("Ending without a final meeting"),
        "learning_time": _("Too little learning time"),
    }


def _boolean(q):
    return ExpressionWrapper(q, output_field=BooleanField())


def annotate_risks(queryset, today=None):
    """Add ``risk_<signal>`` booleans, ``overdue_agreements`` (a count), ``last_meeting_on``
    and ``at_risk`` to a Traineeship queryset."""
    today = today or timezone.localdate()
    # The rhythm differs per programme; a CASE over its possible values keeps it in SQL.
    rhythm_cutoff = Case(
        *[
            When(programme__meeting_rhythm_weeks=weeks, then=Value(today - timedelta(weeks=weeks)))
            for weeks in range(1, MAX_RHYTHM_WEEKS + 1)
        ],
        default=Value(today - timedelta(weeks=DEFAULT_RHYTHM_WEEKS)),
        output_field=DateField(),
    )
    held = Meeting.objects.filter(traineeship=OuterRef("pk"), recorded_at__isnull=False)
    with_wellbeing = held.exclude(wellbeing=None).order_by("-date", "-pk").values("wellbeing")
    overdue = (
        Agreement.objects.filter(traineeship=OuterRef("pk"), status=AgreementStatus.OPEN, due_date__lt=today)
        .order_by()
        .values("traineeship")
        .annotate(n=Count("pk"))
        .values("n")
    )
    stale_cutoff = today - timedelta(weeks=STALE_GOAL_WEEKS)
    recent_progress = GoalProgress.objects.filter(goal=OuterRef("pk"), recorded_on__gte=stale_cutoff)
    stale_goals = LearningGoal.objects.filter(
        traineeship=OuterRef("pk"),
        status=LearningGoal.Status.ACTIVE,
        approved_at__isnull=False,
        approved_at__date__lt=stale_cutoff,
    ).filter(~Exists(recent_progress))
    # Running by its dates: a traineeship still marked "planned" after its start counts too.
    active = running_q(today)
    current = Placement.objects.filter(traineeship=OuterRef("pk"), start_date__lte=today, end_date__gte=today)
    queryset, learning_behind = annotate_learning_time(queryset, today, active)
    annotated = queryset.annotate(
        current_placement_at=Subquery(current.order_by("start_date").values("organisation__name")[:1]),
        risk_no_mentor=_boolean(active & ~Exists(current.filter(mentor__isnull=False))),
        rhythm_cutoff=rhythm_cutoff,
        last_meeting_on=Subquery(held.order_by("-date").values("date")[:1]),
        overdue_agreements=Coalesce(Subquery(overdue, output_field=IntegerField()), 0),
        last_wellbeing=Subquery(with_wellbeing[:1]),
        previous_wellbeing=Subquery(with_wellbeing[1:2]),
        risk_stale_goals=_boolean(active & Exists(stale_goals)),
        risk_ending_without_final=_boolean(
            active
            & Q(end_date__gte=today, end_date__lte=today + timedelta(weeks=ENDING_WEEKS))
            & ~Exists(Meeting.objects.filter(traineeship=OuterRef("pk"), kind=MeetingKind.FINAL))
        ),
    ).annotate(
        risk_learning_time=_boolean(learning_behind),
        risk_no_meeting=_boolean(
            active & Q(start_date__lt=F("rhythm_cutoff")) & ~Exists(held.filter(date__gte=OuterRef("rhythm_cutoff")))
        ),
        risk_overdue_agreements=_boolean(Q(overdue_agreements__gt=0)),
        risk_low_wellbeing=_boolean(
            Q(last_wellbeing__isnull=False, previous_wellbeing__isnull=False)
            & Q(last_wellbeing__lte=LOW_SIGNAL, previous_wellbeing__lte=LOW_SIGNAL)
        ),
    )
    return annotated.annotate(at_risk=_boolean(at_risk_q()))


def at_risk_q() -> Q:
    condition = Q()
    for signal in SIGNALS:
        condition |= Q(**{f"risk_{signal}": True})
    return condition


def reasons(traineeship) -> list[str]:
    """Why an annotated traineeship is at risk, in words (empty: on track)."""
    t = traineeship
    found = []
    if t.risk_no_mentor:
        if t.current_placement_at:
            found.append(
                _("The current placement at %(organisation)s has no mentor.") % {"organisation": t.current_placement_at}
            )
        else:
            found.append(_("No placement covers today, so nobody is the trainee's mentor now."))
    if t.risk_no_meeting:
        weeks = t.programme.meeting_rhythm_weeks
        if t.last_meeting_on:
            found.append(
                ngettext(
                    "No progress meeting in the last %(weeks)s week (last one on %(date)s).",
                    "No progress meeting in the last %(weeks)s weeks (last one on %(date)s).",
                    weeks,
                )
                % {"weeks": weeks, "date": formats.date_format(t.last_meeting_on, "SHORT_DATE_FORMAT")}
            )
        else:
            found.append(
                ngettext(
                    "No progress meeting held yet, while the rhythm is one every %(weeks)s week.",
                    "No progress meeting held yet, while the rhythm is one every %(weeks)s weeks.",
                    weeks,
                )
                % {"weeks": weeks}
            )
    if t.risk_overdue_agreements:
        found.append(
            ngettext(
                "%(count)s agreement is past its due date.",
                "%(count)s agreements are past their due date.",
                t.overdue_agreements,
            )
            % {"count": t.overdue_agreements}
        )
    if t.risk_low_wellbeing:
        found.append(_("Wellbeing was recorded as low in the last two meetings."))
    if t.risk_stale_goals:
        found.append(
            _("An approved learning goal has had no progress recorded for %(weeks)s weeks.")
            % {"weeks": STALE_GOAL_WEEKS}
        )
    if t.risk_ending_without_final:
        found.append(
            _("The traineeship ends on %(date)s and no final meeting is planned.")
            % {"date": formats.date_format(t.end_date, "SHORT_DATE_FORMAT")}
        )
    if getattr(t, "risk_learning_time", False):
        first = t.learning_month
        found.append(
            _(
                "In %(month)s %(logged)s hours of development activities were logged, fewer than the "
                "%(expected)s hours of learning time (%(percent)s%% of %(hours)s contract hours a week): "
                "talk about it."
            )
            % {
                "month": formats.date_format(first, "F Y"),
                "logged": formats.number_format(t.learning_hours_logged, 1),
                "expected": formats.number_format(expected_hours(t, first), 1),
                "percent": t.programme.learning_time_percent,
                "hours": formats.number_format(t.contract_hours_per_week, 1),
            }
        )
    return found
