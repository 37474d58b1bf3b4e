from django.apps import AppConfig


class TraineeshipConfig(AppConfig):
    name = "traineeship"
    verbose_name = "Traineeship"

    def ready(self):
        from traineeship import portfolio_sections

        portfolio_sections.register()
