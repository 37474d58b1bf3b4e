from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfoliosConfig(AppConfig):
    name = "portfolios"
    verbose_name = _("Portfolios")

    def ready(self):
        # The app's read rules register themselves for the privacy page.
        from portfolios import permissions  # noqa: F401
