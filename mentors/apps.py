from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentorsConfig(AppConfig):
    name = "mentors"
    verbose_name = _("Mentors")

    def ready(self):
        # The app's read rules register themselves for the privacy page.
        from mentors import permissions  # noqa: F401
