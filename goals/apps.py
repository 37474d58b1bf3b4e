from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoalsConfig(AppConfig):
    """Above programmes: learning goals and their progress, which mentors and portfolios build on."""

    name = "goals"
    verbose_name = _("Learning goals")

    def ready(self):
        from goals.models import LearningGoal
        from organisations import audit

        # The audit trail shows these codes in the reader's language.
        audit.register_labels(scope=LearningGoal.Scope, status_from=LearningGoal.Status, status_to=LearningGoal.Status)
