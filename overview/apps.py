from django.apps import AppConfig


class OverviewConfig(AppConfig):
    """What composes every domain app: home pages, the stappenplan, the traineeship lists,
    the manager's overview, navigation and the demo command."""

    name = "overview"
    verbose_name = "Overview"

    def ready(self):
        from overview import portfolio_sections

        portfolio_sections.register()
