"""Load the demo data: ``python manage.py demo [--trainees N]``. Idempotent."""

from django.core.management.base import BaseCommand
from django.db import transaction

from evaluations import demo as evaluations_demo
from mentors import demo as mentors_demo
from organisations import demo as organisations_demo
from overview import demo_coaching, demo_registers
from portfolios import demo as portfolios_demo
from programmes import demo as programmes_demo
from programmes import demo_position_profiles, state
from signin import demo as signin_demo

# Each app's loader takes the DemoContext and adds its part, in dependency order.
LOADERS = [
    programmes_demo.load,
    mentors_demo.load,
    portfolios_demo.load,
    demo_registers.load,
    signin_demo.load,
    demo_position_profiles.load,
    demo_coaching.load,
    evaluations_demo.load,
]


class Command(BaseCommand):
    help = "Load demo organisations, accounts and traineeships (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--trainees", type=int, default=0, help="Add this many extra trainees with their data.")

    def handle(self, *args, trainees: int, **options):
        if trainees < 0:
            self.stderr.write("--trainees must be zero or more.")
            return
        with transaction.atomic():
            context = organisations_demo.load(trainees=trainees)
            with state.deferred():
                for loader in LOADERS:
                    loader(context)
            # Bulk inserts send no signals: the stored state of every traineeship is computed once here.
            state.refresh_all()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {len(context.organisations)} organisations, "
                f"{len(context.accounts)} demo accounts (password {organisations_demo.DEMO_PASSWORD}), "
                f"{sum(len(group) for group in context.extra_trainees.values())} extra trainees."
            )
        )
