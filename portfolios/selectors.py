"""Reads of the portfolio that span models, in a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Case, Count, DecimalField, IntegerField, Prefetch, Q, Sum, Value, When
from django.db.models.functions import Coalesce

from portfolios.models import (
    CompetencyRating,
    Evidence,
    FeedbackAnswer,
    FeedbackRequest,
    FinalEvaluation,
    Moment,
    SelfEvaluation,
)
from portfolios.permissions import REFLECTIONS
from programmes.models import (
    Competency,
    DevelopmentActivity,
    GoalProgress,
    LearningGoal,
    ProfileCompetency,
    Traineeship,
    TraineeshipStatus,
)
from programmes.permissions import Relation, portfolio_scope

ZERO_HOURS = Value(0, output_field=DecimalField(max_digits=8, decimal_places=1))


def current_traineeship_of(trainee) -> Traineeship | None:
    """The trainee's own traineeship to open first: the active one, else the latest."""
    return (
        Traineeship.objects.filter(trainee=trainee)
        .select_related("programme")
        .annotate(
            active_first=Case(
                When(status=TraineeshipStatus.ACTIVE, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("active_first", "-start_date")
        .first()
    )


def traineeship_for_portfolio():
    return Traineeship.objects.with_people().prefetch_related("placements__mentor")


def section_counts(traineeship: Traineeship, relations) -> dict[str, int]:
    """Counts per portfolio section in one query (reflections: those the reader may read)."""
    if Relation.TRAINEE in relations:
        readable = Q(reflections__isnull=False)
    elif REFLECTIONS.allows(relations):
        readable = Q(reflections__shared_with_mentor=True)
    else:
        readable = Q(pk__in=[])
    return Traineeship.objects.filter(pk=traineeship.pk).aggregate(
        self_evaluations=Count(
            "self_evaluations", filter=Q(self_evaluations__submitted_at__isnull=False), distinct=True
        ),
        goals=Count("learning_goals", distinct=True),
        approved_goals=Count("learning_goals", filter=Q(learning_goals__approved_at__isnull=False), distinct=True),
        activities=Count("development_activities", distinct=True),
        evidence=Count("evidence", distinct=True),
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


def goals(traineeship: Traineeship):
    return (
        LearningGoal.objects.filter(traineeship=traineeship)
        .select_related("approved_by")
        .prefetch_related(
            "competencies",
            Prefetch("progress", queryset=GoalProgress.objects.select_related("recorded_by")),
        )
    )


def activities(traineeship: Traineeship):
    return (
        DevelopmentActivity.objects.filter(traineeship=traineeship)
        .select_related("learning_activity")
        .prefetch_related("competencies")
    )


def hours_per_competency(traineeship: Traineeship):
    """Hours done and planned per competency, in one aggregated query."""
    return (
        Competency.objects.filter(development_activities__traineeship=traineeship)
        .annotate(
            hours_done=Coalesce(
                Sum(
                    "development_activities__hours",
                    filter=Q(
                        development_activities__traineeship=traineeship,
                        development_activities__status=DevelopmentActivity.Status.DONE,
                    ),
                ),
                ZERO_HOURS,
            ),
            hours_total=Coalesce(
                Sum("development_activities__hours", filter=Q(development_activities__traineeship=traineeship)),
                ZERO_HOURS,
            ),
        )
        .order_by("position", "code")
    )


def evidence(traineeship: Traineeship):
    return Evidence.objects.filter(traineeship=traineeship).prefetch_related("goals", "competencies")


def feedback(traineeship: Traineeship):
    return FeedbackRequest.objects.filter(traineeship=traineeship).prefetch_related(
        "competencies", Prefetch("answers", queryset=FeedbackAnswer.objects.select_related("competency"))
    )


def final_evaluation(traineeship: Traineeship) -> FinalEvaluation | None:
    return (
        FinalEvaluation.objects.filter(traineeship=traineeship)
        .select_related("mentor_signed_by", "reopened_by")
        .first()
    )


@dataclass
class ChartBar:
    label: str
    start: int
    end: int


@dataclass
class RatingChart:
    bars: list[ChartBar] = field(default_factory=list)
    row_height: int = 28
    label_width: int = 210
    bar_width: int = 260
    max_level: int = 4

    @property
    def height(self) -> int:
        return 40 + self.row_height * len(self.bars)

    @property
    def width(self) -> int:
        return self.label_width + self.bar_width + 20

    def rows(self):
        unit = self.bar_width / self.max_level
        for index, bar in enumerate(self.bars):
            y = 30 + index * self.row_height
            yield {
                "label": bar.label,
                "y": y,
                "text_y": y + 12,
                "start": bar.start,
                "end": bar.end,
                "start_width": round(bar.start * unit),
                "end_width": round(bar.end * unit),
            }

    def ticks(self):
        unit = self.bar_width / self.max_level
        return [{"x": self.label_width + round(level * unit), "level": level} for level in range(self.max_level + 1)]


def rating_chart(evaluations: dict[str, SelfEvaluation]) -> RatingChart:
    """Ratings at the start and at the end (or midway when there is no end yet), per competency."""
    start = evaluations.get(Moment.START)
    end = evaluations.get(Moment.END) or evaluations.get(Moment.MIDWAY)
    by_competency: dict[int, ChartBar] = {}
    for evaluation, attr in [(start, "start"), (end, "end")]:
        if evaluation is None:
            continue
        for rating in evaluation.ratings.all():
            bar = by_competency.setdefault(rating.competency_id, ChartBar(str(rating.competency)[:36], 0, 0))
            setattr(bar, attr, rating.level)
    return RatingChart(bars=list(by_competency.values()))


def mentors_of(traineeship: Traineeship):
    return [p.mentor for p in traineeship.placements.all() if p.mentor_id]


def portfolios_for(user, organisation):
    """Traineeships of ``organisation`` whose portfolio ``user`` may open (for home pages)."""
    return (
        Traineeship.objects.filter(portfolio_scope(user))
        .of_organisation(organisation)
        .select_related("trainee", "programme")
        .order_by("trainee__name", "pk")
    )
