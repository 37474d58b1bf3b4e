from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    """The trainees' verdict on their programme: a short evaluation halfway and at the end,
    shown to HR and the coordinator only as totals of enough trainees (never one person's answers)."""

    name = "evaluations"
    verbose_name = _("Programme evaluations")

    def ready(self):
        # The read rule registers itself for the privacy page.
        from evaluations import permissions  # noqa: F401
