from django.apps import AppConfig


class TraineeshipConfig(AppConfig):
    name = "traineeship"
    verbose_name = "Traineeship"
