"""Reads of the portfolio that span models, in a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Case, Count, DecimalField, IntegerField, Prefetch, Q, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from competencies.models import Competency
from goals.models import GoalProgress, LearningGoal
from organisations.querysets import IdsFirst
from portfolios.models import (
    CompetencyRating,
    Evidence,
    FeedbackAnswer,
    FeedbackRequest,
    FinalEvaluation,
    MentorCompetencyRating,
    Moment,
    Reflection,
    SelfEvaluation,
)
from portfolios.permissions import REFLECTIONS
from programmes.lifecycle import running_q
from programmes.models import DevelopmentActivity, ProfileCompetency, Traineeship
from programmes.permissions import Relation, made_within, portfolio_scope

ZERO_HOURS = Value(0, output_field=DecimalField(max_digits=8, decimal_places=1))


def current_traineeship_of(trainee) -> Traineeship | None:
    """The trainee's own traineeship to open first: the running one (by its dates), else the latest."""
    return (
        Traineeship.objects.filter(trainee=trainee)
        .select_related("programme")
        .annotate(
            active_first=Case(
                When(running_q(timezone.localdate()), then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("active_first", "-start_date")
        .first()
    )


def traineeship_for_portfolio():
    return Traineeship.objects.with_people().prefetch_related("placements__mentor")


# What dates a record for a partner's staff, who read the records of their placements' periods only.
GOAL_DATE = ("created_at__date",)
ACTIVITY_DATE = ("completed_on", "planned_date")
EVIDENCE_DATE = ("created_at__date",)


def _within(queryset, windows, lookups):
    """``queryset`` as far as a reader with ``windows`` (``None``: everything) reads it."""
    return queryset if windows is None else queryset.filter(made_within(windows, *lookups))


def _counted_within(relation: str, windows, lookups) -> Q:
    return Q() if windows is None else made_within(windows, *[f"{relation}__{lookup}" for lookup in lookups])


def section_counts(traineeship: Traineeship, relations, windows=None) -> dict[str, int]:
    """Counts per portfolio section in one query (reflections: those the reader may read;
    goals, activities and evidence: those within ``windows``)."""
    if Relation.TRAINEE in relations:
        readable = Q(reflections__isnull=False)
    elif REFLECTIONS.allows(relations):
        readable = Q(reflections__shared_with_mentor=True)
    else:
        readable = Q(pk__in=[])
    goals_within = _counted_within("learning_goals", windows, GOAL_DATE)
    return Traineeship.objects.filter(pk=traineeship.pk).aggregate(
        self_evaluations=Count(
            "self_evaluations", filter=Q(self_evaluations__submitted_at__isnull=False), distinct=True
        ),
        goals=Count("learning_goals", filter=goals_within, distinct=True),
        approved_goals=Count(
            "learning_goals", filter=goals_within & Q(learning_goals__approved_at__isnull=False), distinct=True
        ),
        activities=Count(
            "development_activities",
            filter=_counted_within("development_activities", windows, ACTIVITY_DATE),
            distinct=True,
        ),
        evidence=Count("evidence", filter=_counted_within("evidence", windows, EVIDENCE_DATE), distinct=True),
        feedback=Count("feedback_requests", filter=Q(feedback_requests__answered_at__isnull=False), distinct=True),
        feedback_asked=Count("feedback_requests", distinct=True),
        reflections=Count("reflections", filter=readable, distinct=True),
    )


def self_evaluations(traineeship: Traineeship) -> dict[str, SelfEvaluation]:
    evaluations = SelfEvaluation.objects.filter(traineeship=traineeship).prefetch_related(
        Prefetch("ratings", queryset=CompetencyRating.objects.select_related("competency"))
    )
    return {evaluation.moment: evaluation for evaluation in evaluations}


def profile(traineeship: Traineeship):
    return ProfileCompetency.objects.filter(traineeship=traineeship).select_related("competency")


def goals(traineeship: Traineeship, windows=None):
    return (
        _within(LearningGoal.objects.filter(traineeship=traineeship), windows, GOAL_DATE)
        .select_related("approved_by")
        .prefetch_related(
            "competencies",
            Prefetch("progress", queryset=GoalProgress.objects.select_related("recorded_by")),
        )
    )


def activities(traineeship: Traineeship, windows=None):
    return (
        _within(DevelopmentActivity.objects.filter(traineeship=traineeship), windows, ACTIVITY_DATE)
        .select_related("learning_activity")
        .prefetch_related("competencies")
    )


def hours_per_competency(traineeship: Traineeship, windows=None):
    """Hours done and planned per competency (of the activities within ``windows``), in one aggregated query."""
    mine = Q(development_activities__traineeship=traineeship) & _counted_within(
        "development_activities", windows, ACTIVITY_DATE
    )
    return (
        Competency.objects.filter(mine)
        .annotate(
            hours_done=Coalesce(
                Sum(
                    "development_activities__hours",
                    filter=mine & Q(development_activities__status=DevelopmentActivity.Status.DONE),
                ),
                ZERO_HOURS,
            ),
            hours_total=Coalesce(
                Sum("development_activities__hours", filter=mine),
                ZERO_HOURS,
            ),
        )
        .order_by("position", "code")
    )


def evidence(traineeship: Traineeship, windows=None):
    return (
        _within(Evidence.objects.filter(traineeship=traineeship), windows, EVIDENCE_DATE)
        .select_related("development_activity")
        .prefetch_related("goals", "competencies")
    )


def feedback(traineeship: Traineeship):
    return FeedbackRequest.objects.filter(traineeship=traineeship).prefetch_related(
        "competencies", Prefetch("answers", queryset=FeedbackAnswer.objects.select_related("competency"))
    )


def mentor_levels(traineeship: Traineeship) -> dict[int, int]:
    """The mentor's judgement in the final evaluation: competency id -> level."""
    return dict(
        MentorCompetencyRating.objects.filter(final_evaluation__traineeship=traineeship).values_list(
            "competency_id", "level"
        )
    )


def own_latest_levels(evaluations: dict[str, SelfEvaluation]) -> dict[int, str]:
    """The trainee's latest self-rating per competency id, as text with its moment ("3 – … (End)")."""
    latest = {}
    for moment in Moment.values:
        evaluation = evaluations.get(moment)
        for rating in evaluation.ratings.all() if evaluation else ():
            latest[rating.competency_id] = f"{rating.get_level_display()} ({evaluation.get_moment_display()})"
    return latest


def growth_rows(traineeship: Traineeship, evaluations: dict[str, SelfEvaluation], mentor: dict[int, int]):
    """Per competency of the profile: the trainee's self-ratings from start to end and the mentor's,
    as (competency, [level or None per moment], mentor level or None): the growth table's values."""
    own = {
        moment: {r.competency_id: r.level for r in evaluations[moment].ratings.all()}
        for moment in Moment.values
        if moment in evaluations
    }
    return [
        {
            "competency": competency,
            "levels": [own.get(moment, {}).get(competency.pk) for moment in Moment.values],
            "mentor": mentor.get(competency.pk),
        }
        for competency in Competency.objects.filter(
            pk__in=traineeship.profile_competencies.values("competency")
        ).order_by("position", "code")
    ]


def growth(
    traineeship: Traineeship, evaluations: dict[str, SelfEvaluation] | None = None, *, with_mentor: bool = True
) -> dict:
    """The growth chart's table and picture: self-ratings from start to end beside the mentor's
    judgement (part of the final evaluation: only for its readers, ``with_mentor``); empty when
    nobody rated anything yet."""
    evaluations = evaluations if evaluations is not None else self_evaluations(traineeship)
    mentor = mentor_levels(traineeship) if with_mentor else {}
    if not mentor and not any(evaluation.ratings.all() for evaluation in evaluations.values()):
        return {}
    return {
        "growth": growth_rows(traineeship, evaluations, mentor),
        "chart": rating_chart(evaluations, mentor),
    }


def mentor_ratings(evaluation: FinalEvaluation | None) -> list[MentorCompetencyRating]:
    if evaluation is None:
        return []
    return list(evaluation.mentor_ratings.select_related("competency"))


def final_evaluation(traineeship: Traineeship) -> FinalEvaluation | None:
    return (
        FinalEvaluation.objects.filter(traineeship=traineeship)
        .select_related("mentor_signed_by", "reopened_by")
        .first()
    )


@dataclass
class ChartBar:
    label: str
    levels: dict[str, int] = field(default_factory=dict)  # series key -> level (0 when not rated)


@dataclass(frozen=True)
class ChartSeries:
    key: str
    label: str
    colour: str


# The moments of the self-evaluation, in order. A mentor's rating per competency does not exist in
# the data model yet; when it does, ``rating_chart`` takes it as ``mentor_levels`` and adds a series.
SELF_SERIES = [
    ChartSeries(Moment.START, _("Start (self)"), "#9fb7d6"),
    ChartSeries(Moment.MIDWAY, _("Midway (self)"), "#5b82b8"),
    ChartSeries(Moment.END, _("End (self)"), "#1d4f91"),
]
MENTOR_SERIES = ChartSeries("mentor", _("Mentor"), "#a34e00")


@dataclass
class RatingChart:
    bars: list[ChartBar] = field(default_factory=list)
    series: list[ChartSeries] = field(default_factory=list)
    bar_height: int = 7
    label_width: int = 210
    bar_width: int = 230
    max_level: int = 4
    legend_height: int = 30

    @property
    def row_height(self) -> int:
        return self.bar_height * len(self.series) + 10

    @property
    def height(self) -> int:
        return self.legend_height + 10 + self.row_height * len(self.bars)

    @property
    def width(self) -> int:
        # Room after the bars for the summary of four series ("1 → 2 → 3 → 4").
        return self.label_width + self.bar_width + 70

    def legend(self):
        return [
            # From the left edge: four labels ("Halverwege (zelf)") fit side by side.
            {"label": series.label, "colour": series.colour, "x": index * 110}
            for index, series in enumerate(self.series)
        ]

    def rows(self):
        unit = self.bar_width / self.max_level
        for index, bar in enumerate(self.bars):
            y = self.legend_height + index * self.row_height
            yield {
                "label": bar.label,
                "text_y": y + self.row_height // 2,
                "summary": " → ".join(str(bar.levels.get(s.key) or "–") for s in self.series),
                "description": ", ".join(f"{s.label} {bar.levels.get(s.key) or '–'}" for s in self.series),
                "bars": [
                    {
                        "colour": series.colour,
                        "y": y + position * self.bar_height,
                        "width": round((bar.levels.get(series.key) or 0) * unit),
                    }
                    for position, series in enumerate(self.series)
                ],
            }

    def ticks(self):
        unit = self.bar_width / self.max_level
        return [{"x": self.label_width + round(level * unit), "level": level} for level in range(self.max_level + 1)]


def rating_chart(evaluations: dict[str, SelfEvaluation], mentor_levels: dict[int, int] | None = None) -> RatingChart:
    """Self-ratings at the start, midway and the end per competency (the moments that exist),
    beside the mentor's rating when there is one (``mentor_levels``: competency id -> level)."""
    series = [s for s in SELF_SERIES if s.key in evaluations]
    by_competency: dict[int, ChartBar] = {}
    for moment in series:
        for rating in evaluations[moment.key].ratings.all():
            bar = by_competency.setdefault(rating.competency_id, ChartBar(str(rating.competency)[:36]))
            bar.levels[moment.key] = rating.level
    if mentor_levels:
        series.append(MENTOR_SERIES)
        for competency_id, level in mentor_levels.items():
            if competency_id in by_competency:
                by_competency[competency_id].levels[MENTOR_SERIES.key] = level
    return RatingChart(bars=list(by_competency.values()), series=series)


def mentors_of(traineeship: Traineeship):
    return [p.mentor for p in traineeship.placements.all() if p.mentor_id]


def portfolios_for(user, organisation):
    """Traineeships of ``organisation`` whose portfolio ``user`` may open (for home pages, to page through)."""
    ordered = (
        Traineeship.objects.filter(portfolio_scope(user)).of_organisation(organisation).order_by("trainee__name", "pk")
    )
    return IdsFirst(
        ordered, rows=lambda ids: Traineeship.objects.filter(pk__in=ids).select_related("trainee", "programme")
    )


def shared_with_coach(traineeship: Traineeship):
    """The reflections the trainee marked "my coach may read this", newest first: all a coach reads."""
    return Reflection.objects.filter(traineeship=traineeship, shared_with_coach=True).order_by("-written_on", "-pk")
