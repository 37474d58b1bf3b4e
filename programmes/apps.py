from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programmes")

    def ready(self):
        from organisations import audit
        from programmes import permissions  # noqa: F401  (the app's read rules register for the privacy page)
        from programmes.models import LearningGoal

        # The audit trail shows these codes in the reader's language.
        audit.register_labels(scope=LearningGoal.Scope, status_from=LearningGoal.Status, status_to=LearningGoal.Status)
