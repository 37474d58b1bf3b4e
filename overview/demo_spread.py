"""``demo --trainees N --organisations M``: the extra trainees spread over M organisations.

The two demo organisations keep their share through the apps' own loaders; this module adds
organisations 3 to M (``organisatie-003`` ...), each with an HR adviser, a manager, a
coordinator, mentors (one per eight trainees) with their profiles, a competency framework and
inventory, a social-work programme with two cohorts, and its share of trainees with the same
data the demo organisations' extra trainees get: traineeship, placement with a mentor, work
profile, profile competencies, a chosen activity, a held kick-off and a planned meeting with an
agreement, two learning goals with progress, an intervision activity, evidence, the start
self-evaluation, a reflection and answered feedback.

Per-trainee rows go in through ``demo_copy`` (COPY on PostgreSQL), so 100,000 trainees take
minutes. Idempotent: an organisation that exists is left as it is. Bulk inserts send no
signals: the demo command computes the stored state once at the end.
"""

from datetime import time, timedelta

from django.utils import timezone

from competencies.models import Competency, CompetencyFramework, LearningActivity
from goals.models import GoalProgress, LearningGoal
from mentors.demo import PROFILES
from mentors.models import Agreement, Meeting, MentorProfile
from organisations.demo import FIRST_NAMES, LAST_NAMES, TRAINEES_PER_MENTOR, DemoContext
from organisations.models import Membership, Organisation, Role, User, hash_token
from overview.demo_copy import reserve, write
from portfolios.demo import GOALS, SELF_EVALUATION
from portfolios.models import Evidence, FeedbackRequest, Reflection, SelfEvaluation
from programmes.cao_rules import preset_in_force, preset_values
from programmes.dates import add_months
from programmes.demo import ACTIVITIES, AREAS, COMPETENCIES, FRAMEWORK_NAME
from programmes.models import (
    Cohort,
    DevelopmentActivity,
    Placement,
    ProfileCompetency,
    Programme,
    ProgrammeKind,
    Traineeship,
    WorkProfile,
)

TOWNS = ["Aalsmeer", "Beekdal", "Cranendonck", "Dijkhuizen", "Eemland", "Franeker", "Gorssel", "Heuvelrug"]
TOWNS += ["IJsselmonde", "Joure", "Kampen", "Lochem", "Meerwijk", "Nijkerk", "Oosterhout", "Peelland"]
STAFF = [(Role.HR, "hr"), (Role.MANAGER, "manager"), (Role.COORDINATOR, "coordinator")]


def slug_of(number: int) -> str:
    return f"organisatie-{number:03d}"


def shares(trainees: int, organisations: int) -> list[int]:
    """How many of ``trainees`` each of ``organisations`` gets (as even as can be, the first ones one more)."""
    base, rest = divmod(trainees, organisations)
    return [base + (1 if number < rest else 0) for number in range(organisations)]


def _name(number: int) -> str:
    return f"{FIRST_NAMES[number % len(FIRST_NAMES)]} {LAST_NAMES[(number // len(FIRST_NAMES)) % len(LAST_NAMES)]}"


def load(context: DemoContext, *, counts: dict[int, int], password: str) -> int:
    """Organisation number -> trainees; adds the organisations that do not exist yet. Returns the trainees added."""
    existing = set(Organisation.objects.filter(slug__in=[slug_of(n) for n in counts]).values_list("slug", flat=True))
    todo = {n: count for n, count in counts.items() if slug_of(n) not in existing}
    if not todo:
        return 0
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(
                slug=slug_of(n), name=f"Welzijn {TOWNS[n % len(TOWNS)]} {n}", kind=Organisation.Kind.SOCIAL_WORK
            )
            for n in todo
        ]
    )
    plans = [_Organisation(organisation, todo[n]) for n, organisation in zip(todo, organisations, strict=True)]
    _staff(plans, password)
    _frameworks(plans)
    _programmes(plans, context)
    return _trainees(plans, context, password)


class _Organisation:
    """One spread organisation while it is built: its accounts, framework, programme and cohorts."""

    def __init__(self, organisation: Organisation, trainees: int):
        self.organisation = organisation
        self.trainees = trainees
        self.staff: dict[str, int] = {}
        self.mentors: list[int] = []
        self.competencies: dict[str, int] = {}
        self.intervision = None
        self.programme = None
        self.cohorts: list[int] = []


def _staff(plans: list[_Organisation], password: str) -> None:
    users, memberships, profiles = [], [], []
    for plan in plans:
        slug = plan.organisation.slug
        for role, local in STAFF:
            users.append((plan, role, f"{local}@{slug}.example"))
        mentors = max(1, -(-plan.trainees // TRAINEES_PER_MENTOR))
        users += [(plan, Role.MENTOR, f"mentor{m:03d}@{slug}.example") for m in range(1, mentors + 1)]
    ids = reserve(User, len(users))
    rows = []
    for pk, (plan, role, email) in zip(ids, users, strict=True):
        rows.append({"id": pk, "email": email, "name": _name(pk), "password": password, "language": "nl"})
        memberships.append({"user_id": pk, "organisation_id": plan.organisation.pk, "role": role.value})
        if role == Role.MENTOR:
            years, experience, training, capacity, hours = PROFILES[len(plan.mentors) % len(PROFILES)]
            plan.mentors.append(pk)
            profiles.append(
                {
                    "organisation_id": plan.organisation.pk,
                    "user_id": pk,
                    "experience_years": years,
                    "experience": experience,
                    "coaching_training": training,
                    "capacity": capacity,
                    "hours_per_week": hours,
                }
            )
        else:
            plan.staff[role] = pk
    write(User, rows)
    _with_ids(Membership, memberships)
    _with_ids(MentorProfile, profiles)


def _with_ids(model, rows: list[dict]) -> None:
    for pk, row in zip(reserve(model, len(rows)), rows, strict=True):
        row["id"] = pk
    write(model, rows)


def _frameworks(plans: list[_Organisation]) -> None:
    frameworks = CompetencyFramework.objects.bulk_create(
        [CompetencyFramework(organisation=plan.organisation, name=FRAMEWORK_NAME) for plan in plans]
    )
    competencies = Competency.objects.bulk_create(
        [
            Competency(
                framework=framework,
                code=code,
                name=name,
                description=description,
                areas_of_life=[AREAS[i] for i in areas],
                position=position,
            )
            for framework in frameworks
            for position, (code, name, description, areas) in enumerate(COMPETENCIES, start=1)
        ],
        batch_size=2000,
    )
    by_framework = {}
    for competency in competencies:
        by_framework.setdefault(competency.framework_id, {})[competency.code] = competency.pk
    activities, codes = [], []
    for plan, framework in zip(plans, frameworks, strict=True):
        plan.framework = framework
        plan.competencies = by_framework[framework.pk]
        for title, kind, category, activity_codes, provider, hours, cost, everyone in ACTIVITIES:
            activities.append(
                LearningActivity(
                    organisation=plan.organisation,
                    title=title,
                    kind=kind,
                    category=category,
                    provider=provider,
                    hours=hours,
                    cost=cost,
                    for_every_new_colleague=everyone,
                )
            )
            codes.append((plan, activity_codes))
    activities = LearningActivity.objects.bulk_create(activities, batch_size=2000)
    through = LearningActivity.competencies.through
    through.objects.bulk_create(
        [
            through(learningactivity_id=activity.pk, competency_id=plan.competencies[code])
            for activity, (plan, activity_codes) in zip(activities, codes, strict=True)
            for code in activity_codes
        ],
        batch_size=2000,
    )
    for activity, (plan, _codes) in zip(activities, codes, strict=True):
        if activity.title == "Intervisie trainees":
            plan.intervision = activity


def _programmes(plans: list[_Organisation], context: DemoContext) -> None:
    programme_start = add_months(context.today.replace(day=1), -14)
    programmes = Programme.objects.bulk_create(
        [
            Programme(
                owner=plan.organisation,
                name=f"Traineeship Sociaal Werk {plan.organisation.name}",
                kind=ProgrammeKind.SOCIAL_WORK,
                framework=plan.framework,
                coordinator_id=plan.staff[Role.COORDINATOR],
                description="Een jaar werken en leren als sociaal werker, met een werkbegeleider en intervisie.",
                learning_time_percent=20,
                meeting_rhythm_weeks=4,
                default_development_budget=1500,
                start_date=programme_start,
                **preset_values(preset_in_force(programme_start)),
            )
            for plan in plans
        ]
    )
    start = context.today.replace(day=1)
    cohorts = Cohort.objects.bulk_create(
        [
            Cohort(
                programme=programme, name=name, start_date=add_months(start, -months_ago), group_trainer="Groepstrainer"
            )
            for programme in programmes
            for months_ago, name in [(14, "Lichting vorig jaar"), (2, "Lichting dit jaar")]
        ]
    )
    for plan, programme in zip(plans, programmes, strict=True):
        plan.programme = programme
        plan.cohorts = [c.pk for c in cohorts if c.programme_id == programme.pk]


def _trainees(plans: list[_Organisation], context: DemoContext, password: str) -> int:
    """Every trainee's account and traineeship with its placement, steps, meetings and portfolio."""
    rng, today = context.rng, context.today
    total = sum(plan.trainees for plan in plans)
    user_ids, traineeship_ids = iter(reserve(User, total)), iter(reserve(Traineeship, total))
    users, memberships, traineeships, placements = [], [], [], []
    mentor_of, trainee_of, step_of = {}, {}, {}
    for plan in plans:
        programme, slug = plan.programme, plan.organisation.slug
        function_scale = None if programme.pay_rule == "fixed" else 8
        for number in range(plan.trainees):
            user, pk = next(user_ids), next(traineeship_ids)
            users.append(
                {
                    "id": user,
                    "email": f"trainee{number + 1:05d}@{slug}.example",
                    "name": _name(user),
                    "password": password,
                    "language": "nl",
                }
            )
            memberships.append({"user_id": user, "organisation_id": plan.organisation.pk, "role": Role.TRAINEE.value})
            start = today - timedelta(days=rng.randint(0, 330))
            level = rng.choice(["mbo", "hbo", "hbo"])
            scale = programme.fixed_scale_for(level) or 6
            if function_scale is not None and programme.scale_offset is not None:
                scale = function_scale - programme.scale_offset
            end = add_months(start, 12) - timedelta(days=1)
            traineeships.append(
                {
                    "id": pk,
                    "programme_id": programme.pk,
                    "cohort_id": rng.choice(plan.cohorts),
                    "trainee_id": user,
                    "education_level": level,
                    "graduation_date": start - timedelta(days=rng.randint(20, 300)),
                    "scale": scale,
                    "function_scale": function_scale,
                    "start_date": start,
                    "end_date": end,
                    "status": "active",
                }
            )
            mentor = plan.mentors[number % len(plan.mentors)]
            placements.append(
                {
                    "traineeship_id": pk,
                    "organisation_id": plan.organisation.pk,
                    "start_date": start,
                    "end_date": end,
                    "manager_id": plan.staff[Role.MANAGER],
                    "mentor_id": mentor,
                }
            )
            mentor_of[pk], trainee_of[pk], step_of[pk] = mentor, user, (plan, number, start)
    write(User, users)
    _with_ids(Membership, memberships)
    write(Traineeship, traineeships)
    _with_ids(Placement, placements)
    _steps(step_of)
    _meetings(step_of, mentor_of, trainee_of, today)
    _portfolios(list(step_of), context)
    return total


def _steps(step_of: dict) -> None:
    """Like the demo organisations' extra trainees: a quarter at each point of steps 1 and 2."""
    profiles, competencies, activities = [], [], []
    for pk, (plan, number, _start) in step_of.items():
        if number % 4 == 0:
            continue
        profiles.append({"traineeship_id": pk, "kind": "tasks", "tasks": "Spreekuur en huisbezoeken in de wijk."})
        if number % 4 == 1:
            continue
        competencies.append({"traineeship_id": pk, "competency_id": plan.competencies["A2"], "purpose": "required"})
        competencies.append({"traineeship_id": pk, "competency_id": plan.competencies["A6"], "purpose": "develop"})
        if number % 4 == 3 and plan.intervision is not None:
            activity = plan.intervision
            activities.append(
                {
                    "traineeship_id": pk,
                    "learning_activity_id": activity.pk,
                    "title": activity.title,
                    "kind": activity.kind,
                    "category": activity.category,
                    "status": "planned",
                }
            )
    _with_ids(WorkProfile, profiles)
    _with_ids(ProfileCompetency, competencies)
    _with_ids(DevelopmentActivity, activities)


def _meetings(step_of: dict, mentor_of: dict, trainee_of: dict, today) -> None:
    """A held, confirmed kick-off with an agreement, and a planned progress meeting (as ``mentors.demo._bulk``)."""
    now = timezone.now()
    ids = iter(reserve(Meeting, 2 * len(step_of)))
    meetings, agreements = [], []
    for pk, (_plan, _number, start) in step_of.items():
        mentor, kick_off = mentor_of[pk], next(ids)
        meetings.append(
            {
                "id": kick_off,
                "traineeship_id": pk,
                "kind": "kick_off",
                "date": max(start, today - timedelta(weeks=3)),
                "start_time": time(10, 0),
                "notes": "Kennismaking en afspraken over de begeleiding.",
                "workload": 3,
                "wellbeing": 4,
                "recorded_at": now,
                "recorded_by_id": mentor,
                "mentor_confirmed_at": now,
                "mentor_confirmed_by_id": mentor,
                "trainee_confirmed_at": now,
            }
        )
        meetings.append(
            {"id": next(ids), "traineeship_id": pk, "kind": "regular", "date": today + timedelta(days=7 + pk % 14)}
        )
        agreements.append(
            {
                "meeting_id": kick_off,
                "traineeship_id": pk,
                "description": "Leerdoelen uitwerken in het ontwikkelplan",
                "owner_id": trainee_of[pk],
                "due_date": today + timedelta(days=(pk % 21) - 7),
                "status": "open",
            }
        )
    write(Meeting, meetings)
    _with_ids(Agreement, agreements)


def _portfolios(traineeships: list[int], context: DemoContext) -> None:
    """Two learning goals with progress, intervision, evidence, the start self-evaluation, a reflection
    and answered feedback (as ``portfolios.demo._extra_portfolios``)."""
    today, now, rng = context.today, timezone.now(), context.rng
    goal_ids = iter(reserve(LearningGoal, 2 * len(traineeships)))
    goals, progress = [], []
    for pk in traineeships:
        for index, (title, measure, _progress) in enumerate(GOALS[:2]):
            goal = next(goal_ids)
            goals.append(
                {
                    "id": goal,
                    "traineeship_id": pk,
                    "title": title,
                    "measure": measure,
                    "deadline": today + timedelta(days=30 * (index + 1)),
                    "status": "active" if index == 0 else "proposed",
                    "scope": "individual" if index == 0 else "",
                    "approved_at": now if index == 0 else None,
                }
            )
            progress.append(
                {"goal_id": goal, "recorded_on": today - timedelta(days=7), "progress": rng.randint(0, 100)}
            )
    write(LearningGoal, goals)
    _with_ids(GoalProgress, progress)
    _with_ids(
        DevelopmentActivity,
        [
            {
                "traineeship_id": pk,
                "title": "Intervisie met de lichting",
                "kind": "informal",
                "category": "intervision",
                "status": "done",
                "hours": rng.choice([4, 8, 12]),
            }
            for pk in traineeships
        ],
    )
    _with_ids(
        Evidence,
        [
            {"traineeship_id": pk, "kind": "link", "title": "Vlog", "url": "https://video.example.org/vlog"}
            for pk in traineeships
        ],
    )
    _with_ids(
        SelfEvaluation,
        [{"traineeship_id": pk, "moment": "start", "submitted_at": now, **SELF_EVALUATION} for pk in traineeships],
    )
    _with_ids(
        Reflection,
        [
            {"traineeship_id": pk, "text": "Vandaag geleerd om eerst door te vragen.", "written_on": today}
            for pk in traineeships
        ],
    )
    _with_ids(
        FeedbackRequest,
        [
            {
                "traineeship_id": pk,
                "colleague_name": "Collega",
                "colleague_email": "collega@example.org",
                "token_hash": hash_token(f"demo-extra-feedback-{pk}"),
                "expires_at": now + timedelta(days=21),
                "answered_at": now,
                "free_text": "Fijne collega, neemt initiatief.",
            }
            for pk in traineeships
        ],
    )
