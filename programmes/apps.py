from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programmes")

    def ready(self):
        # The app's read rules register themselves for the privacy page.
        from programmes import permissions  # noqa: F401
