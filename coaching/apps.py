from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoachingConfig(AppConfig):
    """An independent coach per traineeship (seed 001): one-to-one sessions whose content only
    the coach and the trainee read, and a view of only what the trainee shares with the coach."""

    name = "coaching"
    verbose_name = _("Coaching")

    def ready(self):
        from coaching import permissions  # noqa: F401  (the app's read rules register for the privacy page)
