from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """What an operator needs to run several servers: the health check and the task workers' heartbeat."""

    name = "operations"
    verbose_name = _("Operations")
