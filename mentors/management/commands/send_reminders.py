"""Daily: ``python manage.py send_reminders`` (a scheduler calls it once a day)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from mentors.tasks import send_reminders


class Command(BaseCommand):
    help = "Queue today's reminder e-mails: meetings, agreements, records to confirm (sent once a day)."

    def handle(self, *args, **options):
        result = send_reminders.enqueue(timezone.localdate().isoformat())
        self.stdout.write(f"Reminders queued ({result.id}).")
