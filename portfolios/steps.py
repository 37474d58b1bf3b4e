"""The stappenplan checks this app owns (see programmes.steps.Check)."""

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from goals.models import LearningGoal
from portfolios.models import FinalEvaluation, Moment, SelfEvaluation
from programmes.steps import Check


def _start_self_evaluation():
    return Exists(
        SelfEvaluation.objects.filter(traineeship=OuterRef("pk"), moment=Moment.START, submitted_at__isnull=False)
    )


def _approved_goal():
    return Exists(LearningGoal.objects.filter(traineeship=OuterRef("pk"), approved_at__isnull=False))


def _approved_goals_marked():
    return ~Exists(LearningGoal.objects.filter(traineeship=OuterRef("pk"), approved_at__isnull=False, scope=""))


def _final_evaluation_signed():
    return Exists(
        FinalEvaluation.objects.filter(
            Q(trainee_signed_at__isnull=False) & Q(mentor_signed_at__isnull=False), traineeship=OuterRef("pk")
        )
    )


# Step 1: the trainee starts with a self-evaluation.
STEP1 = [
    Check(
        "start_self_evaluation",
        _("The trainee has not done the self-evaluation at the start yet."),
        _start_self_evaluation,
        _("Open the self-evaluations"),
        "portfolios:self_evaluations",
    ),
]
# Step 4: the development plan with approved learning goals.
STEP4 = [
    Check(
        "approved_goal",
        _("No learning goal is approved by the mentor yet."),
        _approved_goal,
        _("Open the development plan"),
        "portfolios:goals",
    ),
    Check(
        "approved_goals_marked",
        _("The mentor has not marked every approved goal as individual or for every employee."),
        _approved_goals_marked,
        _("Open the development plan"),
        "portfolios:goals",
    ),
]
# Step 5: the final evaluation signed by mentor and trainee.
STEP5 = [
    Check(
        "final_evaluation_signed",
        _("The final evaluation is not signed by both trainee and mentor."),
        _final_evaluation_signed,
        _("Open the final evaluation"),
        "portfolios:final_evaluation",
    ),
]
