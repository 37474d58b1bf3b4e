"""Background work: the daily reminder e-mails run in the task worker, off the request path."""

from datetime import date

from django.tasks import task

from mentors import services


@task
def send_reminders(day: str) -> int:
    return services.reminders_send(today=date.fromisoformat(day))
