from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoalsConfig(AppConfig):
    """Above programmes: learning goals and their progress, which mentors and portfolios build on.
    Its audit acts register in ``goals.audit``."""

    name = "goals"
    verbose_name = _("Learning goals")

    def ready(self):
        from goals.models import GoalProgress, LearningGoal
        from programmes import content_version as cv

        # The portfolio PDF shows goals and their progress (stored PDFs go stale on a change).
        cv.track(LearningGoal, "traineeship", m2m=("competencies",))
        cv.track(GoalProgress, "goal__traineeship")
