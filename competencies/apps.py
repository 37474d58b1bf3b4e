from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetenciesConfig(AppConfig):
    """Below programmes: competency frameworks, competencies and the learning-activity inventory."""

    name = "competencies"
    verbose_name = _("Competencies")
