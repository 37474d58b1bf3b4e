"""Daily: remove traineeship records past their organisation's retention term, and the files made
for one person (copies, exports) past their keeping time (``organisations.jobs``).

``--dry-run`` lists what would happen and changes nothing.
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from privacy.services import apply_retention, expired_files


class Command(BaseCommand):
    help = "Remove or anonymise records past their retention term (daily, from a scheduler)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only list what would be removed.")
        parser.add_argument("--today", help="Run as if today were this date (YYYY-MM-DD).")

    def handle(self, *args, dry_run: bool, today: str | None, **options):
        try:
            day = date.fromisoformat(today) if today else timezone.localdate()
        except ValueError as error:
            raise CommandError(f"--today must be a date like 2026-11-23: {error}") from error
        actions = apply_retention(today=day, dry_run=dry_run)
        verb = "would remove" if dry_run else "removed"
        for action in actions:
            self.stdout.write(
                f"{action.organisation.slug}: {verb} traineeship {action.traineeship_id} of {action.trainee_label} "
                f"(ended {action.ended:%Y-%m-%d}, kept until {action.keep_until:%Y-%m-%d})"
            )
        self.stdout.write(f"{len(actions)} traineeship(s) {verb}.")
        files = expired_files(dry_run=dry_run)
        self.stdout.write(f"{files} copy/export file(s) past their keeping time {verb}.")
