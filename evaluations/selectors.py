"""Reads: a trainee's open moments, and the totals per programme and cohort behind the threshold.

Totals of a group are computed only when at least ``MIN_RESPONDENTS`` trainees answered. Cohort
totals are also withheld when the trainees left out of the shown cohorts are between one and the
threshold: else subtracting the cohorts from the programme's totals would show those few.
"""

from dataclasses import dataclass, field

from django.db.models import Avg, Count, Exists, OuterRef

from evaluations import moments
from evaluations.models import Answer, Moment, ProgrammeEvaluation, Question
from evaluations.permissions import MIN_RESPONDENTS
from programmes.lifecycle import running_q
from programmes.models import Traineeship


@dataclass
class RatingTotal:
    question: Question
    average: float
    count: int

    @property
    def percent(self) -> int:
        """The bar's length: the average on the 1-5 scale as a share of 5."""
        return round(self.average * 20)


@dataclass
class GroupResult:
    label: str
    moment: str
    respondents: int
    questions: list[Question] = field(default_factory=list, repr=False)
    shown: bool = False
    ratings: list[RatingTotal] = field(default_factory=list)
    # (question, answers in alphabetical order: never in the order they came in)
    open_answers: list[tuple[Question, list[str]]] = field(default_factory=list)

    @property
    def moment_label(self) -> str:
        return Moment(self.moment).label


def due_for_trainee(user, today):
    """(traineeship, moment, moment label) open and not yet answered, for the trainee's running traineeships."""
    answered = {
        moment: Exists(ProgrammeEvaluation.objects.filter(traineeship=OuterRef("pk"), moment=moment))
        for moment in Moment.values
    }
    traineeships = (
        Traineeship.objects.filter(running_q(today), trainee=user)
        .annotate(**{f"answered_{moment}": condition for moment, condition in answered.items()})
        .select_related("programme")
    )
    due = []
    for traineeship in traineeships:
        for moment in moments.open_moments(traineeship, today):
            if not getattr(traineeship, f"answered_{moment}"):
                due.append((traineeship, moment, Moment(moment).label))
    return due


def _evaluations(programme, moment, cohort=None):
    evaluations = ProgrammeEvaluation.objects.filter(traineeship__programme=programme, moment=moment)
    return evaluations if cohort is None else evaluations.filter(traineeship__cohort=cohort)


def _fill(result: GroupResult, evaluations) -> GroupResult:
    result.shown = True
    answers = Answer.objects.filter(evaluation__in=evaluations, question__active=True)
    totals = {
        row["question"]: row
        for row in answers.filter(question__kind=Question.Kind.RATING, rating__isnull=False)
        .values("question")
        .annotate(average=Avg("rating"), count=Count("pk"))
    }
    texts = {}
    for question_id, text in (
        answers.filter(question__kind=Question.Kind.OPEN)
        .exclude(text="")
        .order_by("text")
        .values_list("question", "text")
    ):
        texts.setdefault(question_id, []).append(text)
    for question in result.questions:
        if question.kind == Question.Kind.RATING and question.pk in totals:
            row = totals[question.pk]
            result.ratings.append(RatingTotal(question, round(row["average"], 1), row["count"]))
        elif question.kind == Question.Kind.OPEN and question.pk in texts:
            result.open_answers.append((question, texts[question.pk]))
    return result


def programme_results(programme) -> list[dict]:
    """Per moment: the programme's totals and each cohort's, each shown only above the threshold."""
    questions = list(Question.objects.filter(programme=programme, active=True))
    cohorts = list(programme.cohorts.order_by("start_date", "name"))
    per_moment = []
    for moment in Moment.values:
        counts = dict(
            _evaluations(programme, moment)
            .values_list("traineeship__cohort")
            .annotate(n=Count("pk"))
            .values_list("traineeship__cohort", "n")
        )
        total = sum(counts.values())
        whole = GroupResult(str(programme), moment, total, questions)
        if total >= MIN_RESPONDENTS:
            _fill(whole, _evaluations(programme, moment))
        shown_ids = {pk for pk, n in counts.items() if pk is not None and n >= MIN_RESPONDENTS}
        left_out = total - sum(counts[pk] for pk in shown_ids)
        cohorts_safe = left_out == 0 or left_out >= MIN_RESPONDENTS
        groups = []
        for cohort in cohorts:
            group = GroupResult(str(cohort), moment, counts.get(cohort.pk, 0), questions)
            if cohort.pk in shown_ids and cohorts_safe:
                _fill(group, _evaluations(programme, moment, cohort))
            groups.append(group)
        per_moment.append({"moment": moment, "label": Moment(moment).label, "programme": whole, "cohorts": groups})
    return per_moment
