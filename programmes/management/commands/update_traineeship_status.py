"""Daily: ``python manage.py update_traineeship_status`` (a scheduler calls it once a day, before the reminders)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from organisations.planner import refresh_planner_statistics
from programmes import state
from programmes.lifecycle import update_statuses


class Command(BaseCommand):
    help = (
        "Store the status the dates say: planned traineeships start on their start date, "
        "open ones finish after their end date."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="The date to act as today (YYYY-MM-DD); for checks and catching up.")

    def handle(self, *args, **options):
        try:
            today = date.fromisoformat(options["today"]) if options["today"] else None
        except ValueError:
            raise CommandError("--today takes a date as YYYY-MM-DD.") from None
        counts = update_statuses(today)
        # Risk signals, the current mentor and the next meeting change with the date alone.
        refreshed = state.refresh_all(today)
        # A day's new rows (SQLite keeps no statistics by itself, see ``organisations.planner``).
        refresh_planner_statistics()
        self.stdout.write(
            f"Traineeships started: {counts['started']}; finished: {counts['finished']}; states refreshed: {refreshed}."
        )
