"""``python manage.py rebuild_traineeship_state [--check]``: recompute every stored traineeship state.

With ``--check`` nothing is written: it compares the stored rows with a fresh computation
and exits with an error listing the differences (for monitoring and after a migration).
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from overview.state import differences, store


class Command(BaseCommand):
    help = "Recompute the stored state of every traineeship, or with --check compare it with a fresh computation."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Compare only; exit with an error on a difference.")
        parser.add_argument("--today", help="The date to act as today (YYYY-MM-DD).")

    def handle(self, *args, **options):
        try:
            today = date.fromisoformat(options["today"]) if options["today"] else timezone.localdate()
        except ValueError:
            raise CommandError("--today takes a date as YYYY-MM-DD.") from None
        if options["check"]:
            found = differences(today)
            for pk, stored, computed in found[:20]:
                changed = sorted(k for k in computed if stored is None or stored.get(k) != computed[k])
                self.stdout.write(f"Traineeship {pk}: stored state differs in {', '.join(changed)}.")
            if found:
                raise CommandError(f"{len(found)} stored traineeship state(s) differ from a fresh computation.")
            self.stdout.write("Every stored traineeship state equals a fresh computation.")
            return
        with transaction.atomic():
            count = store(None, today)
        self.stdout.write(f"Traineeship states rebuilt: {count}.")
