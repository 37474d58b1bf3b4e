"""Load the demo data: ``python manage.py demo [--trainees N [--organisations M]]``. Idempotent."""

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from evaluations import demo as evaluations_demo
from mentors import demo as mentors_demo
from organisations import demo as organisations_demo
from organisations.planner import refresh_planner_statistics
from overview import demo_coaching, demo_registers, demo_spread
from portfolios import demo as portfolios_demo
from programmes import demo as programmes_demo
from programmes import demo_group, demo_position_profiles, state
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
    # Last: the cohorts' attendance covers the traineeships the loaders above added.
    demo_group.load,
]


class Command(BaseCommand):
    help = "Load demo organisations, accounts and traineeships (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--trainees", type=int, default=0, help="Add this many extra trainees with their data.")
        parser.add_argument(
            "--organisations",
            type=int,
            default=2,
            help="Spread the extra trainees over this many organisations: the two demo ones and more (bulk, COPY).",
        )

    def handle(self, *args, trainees: int, organisations: int, **options):
        if trainees < 0:
            self.stderr.write("--trainees must be zero or more.")
            return
        if organisations < 2:
            self.stderr.write("--organisations must be 2 or more (the two demo organisations).")
            return
        shares = demo_spread.shares(trainees, organisations)
        with transaction.atomic():
            context = organisations_demo.load()
            with state.deferred():
                # The named demo records first, the extra trainees after: the named ones then have the
                # same ids at every size, so ``make bench`` times the same record at 100 and at 10,000.
                # Twice: a later loader adds traineeships (a finished one, an evaluation's) that the
                # earlier ones give meetings, goals and attendance on their next pass.
                for _ in range(2):
                    for loader in LOADERS:
                        loader(context)
                if shares[0] + shares[1]:
                    organisations_demo.add_extra_trainees(context, shares[0] + shares[1])
                    for loader in LOADERS:
                        loader(context)
                spread = demo_spread.load(
                    context,
                    counts=dict(enumerate(shares[2:], start=3)),
                    password=context.password,
                )
            # Bulk inserts send no signals: the stored state of every traineeship is computed once here.
            state.refresh_all()
        if not connection.in_atomic_block:
            # Fresh statistics, so the planner knows the tables' sizes at once (not inside a test's transaction).
            refresh_planner_statistics(vacuum=True)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {len(context.organisations)} organisations, "
                f"{len(context.accounts)} demo accounts (password {organisations_demo.DEMO_PASSWORD}), "
                f"{sum(len(group) for group in context.extra_trainees.values())} extra trainees"
                f" and {spread} in {organisations - 2} more organisations."
            )
        )
