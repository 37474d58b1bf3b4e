"""The audit trail's acts on learning goals (recorded where goals are approved and moved: portfolios)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from goals.models import LearningGoal
from organisations import audit


class GoalAction(models.TextChoices):
    GOAL_APPROVED = "goal.approved", _("Learning goal approved")
    GOAL_MOVED = "goal.moved", _("Learning goal status changed")
    GOAL_CHANGED = "goal.changed", _("Approved learning goal changed")


audit.register_actions(
    GoalAction,
    summaries={
        GoalAction.GOAL_APPROVED: "%(goal)s (%(scope)s)",
        GoalAction.GOAL_MOVED: _("%(goal)s: from “%(status_from)s” to “%(status_to)s”"),
        GoalAction.GOAL_CHANGED: _("%(goal)s: changed after approval, awaiting approval again"),
    },
)
# The trail shows these codes in the reader's language.
audit.register_labels(scope=LearningGoal.Scope, status_from=LearningGoal.Status, status_to=LearningGoal.Status)
