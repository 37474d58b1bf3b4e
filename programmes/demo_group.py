"""Demo data for group activities and per-employer rules (idempotent; runs after ``programmes.demo.load``).

- Every demo cohort's development days get a time, a place, learning hours and the inventory's intervision;
  each cohort gets an intervision session organised by the demo mentor; past sessions have attendance
  (present, and one trainee absent with notice).
- The regional programme's placements carry their employer's contract rules: eight months each, Zonnedal
  under the programme's own agreement at 36 hours, Buurtkracht under the cao Sociaal Werk 2025-2027 at 32.
"""

from datetime import time
from decimal import Decimal

from competencies.models import LearningActivity
from organisations.demo import DemoContext
from organisations.models import Role
from programmes.dates import add_months
from programmes.models import Attendance, Cohort, DevelopmentDay, GroupAttendance, Placement, Programme

REGIONAL = "Regionaal Traineeship Noord"
PLACES = {"zonnedal": "Wijkcentrum De Zon, Zonnedal", "buurtkracht": "Buurthuis Noord, zaal 2"}


def load(context: DemoContext) -> None:
    for slug, organisation in context.organisations.items():
        for cohort in Cohort.objects.filter(programme__owner=organisation).select_related("programme"):
            _group_activities(context, slug, cohort)
    _employer_rules(context)


def _group_activities(context: DemoContext, slug: str, cohort: Cohort) -> None:
    intervision = LearningActivity.objects.filter(
        organisation=cohort.programme.owner, title="Intervisie trainees"
    ).first()
    days = DevelopmentDay.objects.filter(cohort=cohort, hours__isnull=True)
    days.filter(topic__icontains="intervisie").update(
        kind=DevelopmentDay.Kind.INTERVISION, learning_activity=intervision
    )
    days.update(start_time=time(9, 30), end_time=time(16, 0), place=PLACES.get(slug, ""), hours=Decimal(6))
    if cohort.programme.name == REGIONAL and not cohort.development_days.exists():
        DevelopmentDay.objects.bulk_create(
            [
                DevelopmentDay(
                    cohort=cohort,
                    date=add_months(cohort.start_date, n),
                    topic=topic,
                    kind=DevelopmentDay.Kind.DEVELOPMENT_DAY,
                    start_time=time(9, 30),
                    end_time=time(16, 0),
                    place="Regio Academie, Stationsplein 4",
                    hours=Decimal(6),
                )
                for n, topic in enumerate(["Regionale kick-off", "Werken in de keten", "Wisselen van werkgever"])
            ]
        )
    session, _ = DevelopmentDay.objects.get_or_create(
        cohort=cohort,
        topic="Intervisie met de lichting",
        defaults={
            "date": add_months(cohort.start_date, 1).replace(day=15),
            "kind": DevelopmentDay.Kind.INTERVISION,
            "start_time": time(13, 30),
            "end_time": time(16, 0),
            "place": PLACES.get(slug, ""),
            "hours": Decimal("2.5"),
            "learning_activity": intervision,
            "organiser": context.account(slug, Role.MENTOR),
        },
    )
    if intervision is not None:
        session.competencies.set(intervision.competencies.all())
    _attendance(context, cohort)


def _attendance(context: DemoContext, cohort: Cohort) -> None:
    past = DevelopmentDay.objects.filter(cohort=cohort, date__lt=context.today).order_by("date")
    traineeships = list(cohort.traineeships.order_by("trainee__name", "pk")[:50])
    rows = []
    for n, session in enumerate(past):
        for i, traineeship in enumerate(traineeships):
            if not traineeship.start_date <= session.date <= traineeship.end_date:
                continue
            excused = i == 0 and n == 1
            rows.append(
                GroupAttendance(
                    session=session,
                    traineeship=traineeship,
                    status=Attendance.EXCUSED if excused else Attendance.PRESENT,
                )
            )
    GroupAttendance.objects.bulk_create(rows, ignore_conflicts=True)


def _employer_rules(context: DemoContext) -> None:
    programme = Programme.objects.filter(name=REGIONAL, owner=context.organisations.get("zonnedal")).first()
    if programme is None:
        return
    placements = Placement.objects.filter(traineeship__programme=programme, cao_preset="", contract_months__isnull=True)
    placements.filter(organisation=context.organisations["zonnedal"]).update(
        contract_months=8, contract_hours_per_week=Decimal(36)
    )
    for placement in placements.filter(organisation=context.organisations["buurtkracht"]).select_related("traineeship"):
        function_scale = placement.traineeship.function_scale
        placement.cao_preset = "cao_sociaal_werk_2025"
        placement.contract_months = 8
        placement.contract_hours_per_week = Decimal(32)
        # The cao Sociaal Werk 2025-2027 pays two scales below the function scale.
        placement.pay_scale = max(function_scale - 2, 1) if function_scale else None
        placement.save(update_fields=["cao_preset", "contract_months", "contract_hours_per_week", "pay_scale"])
