from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoalsConfig(AppConfig):
    """Above programmes: learning goals and their progress, which mentors and portfolios build on.
    Its audit acts register in ``goals.audit``."""

    name = "goals"
    verbose_name = _("Learning goals")
