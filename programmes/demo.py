"""Demo data for programmes: frameworks, inventories, programmes, cohorts and traineeships at every step.

Idempotent: every object is found by its natural key before it is made. ``--trainees N``
spreads the extra trainees over the programmes and cohorts with bulk inserts.
"""

from datetime import timedelta

from competencies.models import Competency, CompetencyFramework, LearningActivity
from organisations.demo import DemoContext, extra_mentor_of
from organisations.models import Membership, Role, User
from programmes.cao_rules import preset_in_force, preset_values
from programmes.dates import add_months
from programmes.models import (
    Cohort,
    DevelopmentActivity,
    Placement,
    ProfileCompetency,
    Programme,
    ProgrammeKind,
    Traineeship,
    TraineeshipStatus,
    WorkProfile,
)
from programmes.services import activities_choose, cohort_from_blueprint, partner_answer, partner_invite

FRAMEWORK_NAME = "Competentieprofiel sociaal werk"
AREAS = [
    "financiën",
    "wonen en leefbaarheid",
    "werk, opleiding en activiteiten",
    "sociale relaties",
    "lichamelijke gezondheid",
    "psychische gezondheid",
    "zingeving",
]
COMPETENCIES = [
    ("A1", "Contact en werkrelatie", "Bouwt een gelijkwaardige werkrelatie op met mensen en hun omgeving.", [3]),
    ("A2", "Vraagverheldering en analyse", "Brengt de vraag in kaart over alle leefgebieden heen.", [0, 1, 2, 3]),
    ("A3", "Ondersteunen bij eigen regie", "Ondersteunt mensen om zelf regie te houden over hun leven.", [2, 6]),
    ("A4", "Verbinden en netwerkversterking", "Verbindt mensen en versterkt hun sociale netwerk.", [3]),
    ("A5", "Stimuleren van participatie", "Stimuleert meedoen in buurt, werk en samenleving.", [2, 1]),
    ("A6", "Signaleren en veiligheid", "Signaleert vroeg, werkt aan veiligheid en volgt de meldcode.", [4, 5]),
    ("A7", "Methodisch handelen", "Stelt doelen, maakt een plan, voert het uit en evalueert.", []),
    ("B1", "Samenwerken in netwerk en keten", "Werkt samen met andere professionals en organisaties.", []),
    ("B2", "Verantwoorden en registreren", "Legt verantwoording af en registreert zorgvuldig en privacybewust.", []),
    ("B3", "Ondernemend en innovatief werken", "Zoekt kansen en werkt aan vernieuwing van het werk.", []),
    ("C1", "Reflecteren en leren", "Reflecteert op het eigen handelen in intervisie, supervisie en met feedback.", []),
    ("C2", "Professionele ethiek", "Handelt volgens de beroepscode en weegt ethische dilemma's af.", [6]),
    ("C3", "Onderzoekend werken", "Werkt onderzoekend: verzamelt gegevens en gebruikt kennis uit onderzoek.", []),
]
ACTIVITIES = [
    # title, kind, category, competencies, provider, hours, cost, every new colleague
    ("Training meldcode huiselijk geweld", "formal", "training", ["A6", "C2"], "Movisie", 8, 250, True),
    ("Cursus motiverende gespreksvoering", "formal", "course", ["A1", "A3"], "Hogeschool Noord", 24, 650, False),
    ("Krachtgericht werken", "informal", "method", ["A3", "A7"], "", 6, None, False),
    ("Intervisie trainees", "informal", "intervision", ["C1"], "", 12, None, False),
    ("Supervisie", "formal", "supervision", ["C1", "C2"], "LVSC-supervisor", 10, 900, False),
    ("Coaching door de werkbegeleider", "formal", "coaching", ["A1", "C1"], "", 20, None, False),
    ("Beroepscode voor sociaal werkers", "informal", "code", ["C2"], "BPSW", 2, None, True),
    ("Protocol privacy en dossiervorming", "informal", "protocol", ["B2"], "", 3, None, True),
    ("Meelopen met ervaren collega's", "informal", "colleagues", ["A4", "B1"], "", 16, None, False),
    ("Richtlijn vroegsignalering schulden", "informal", "guideline", ["A2", "A6"], "", 4, None, False),
    ("Training netwerkversterking", "formal", "training", ["A4", "A5"], "Movisie", 12, 400, False),
]
# Named demo trainees at each step (besides trainee@…): email local part, name, how far they are.
# With the other apps' demo data they stand at: new, work → step 1; profile → step 2 (the
# portfolios loader adds the start self-evaluation); activities → step 3; placed (placed with
# the demo mentor) → step 4; trainee@… → step 5; finished → all steps done.
STEP_TRAINEES = {
    "zonnedal": [
        ("sanne.dejong", "Sanne de Jong", "new"),
        ("daan.vandijk", "Daan van Dijk", "work"),
        ("fleur.peters", "Fleur Peters", "profile"),
        ("lotte.kok", "Lotte Kok", "activities"),
        ("emma.visser", "Emma Visser", "placed"),
        ("lars.dekker", "Lars Dekker", "finished"),
    ],
    "buurtkracht": [
        ("noor.brouwer", "Noor Brouwer", "new"),
        ("bram.kok", "Bram Kok", "work"),
        ("yara.vos", "Yara Vos", "profile"),
        ("jesse.yilmaz", "Jesse Yılmaz", "activities"),
        ("ruben.smit", "Ruben Smit", "placed"),
        ("sem.hendriks", "Sem Hendriks", "finished"),
    ],
}
ROTATION_TRAINEE = ("milan.vanleeuwen", "Milan van Leeuwen")


def load(context: DemoContext) -> None:
    frameworks = {slug: _framework(organisation) for slug, organisation in context.organisations.items()}
    for slug, organisation in context.organisations.items():
        _inventory(organisation, frameworks[slug])
    programmes = {slug: _social_work_programme(context, slug, frameworks[slug]) for slug in context.organisations}
    for slug in context.organisations:
        _step_traineeships(context, slug, programmes[slug])
    _regional_programme(context, frameworks["zonnedal"])
    _extra_traineeships(context, programmes)


def _framework(organisation) -> CompetencyFramework:
    framework, _ = CompetencyFramework.objects.get_or_create(
        organisation=organisation,
        name=FRAMEWORK_NAME,
        defaults={"description": "Gegroepeerd naar de kerntaken van het hbo-beroepsprofiel sociaal werk."},
    )
    existing = set(framework.competencies.values_list("code", flat=True))
    Competency.objects.bulk_create(
        [
            Competency(
                framework=framework,
                code=code,
                name=name,
                description=description,
                areas_of_life=[AREAS[i] for i in areas],
                level_startbekwaam=f"{name}: doet dit in overzichtelijke situaties, met begeleiding.",
                level_vakbekwaam=f"{name}: doet dit zelfstandig, ook als situaties complex worden.",
                level_vakvolwassen=f"{name}: doet dit in elke situatie en helpt collega's erbij.",
                position=position,
            )
            for position, (code, name, description, areas) in enumerate(COMPETENCIES, start=1)
            if code not in existing
        ]
    )
    return framework


def _inventory(organisation, framework) -> None:
    competencies = {c.code: c for c in framework.competencies.all()}
    for title, kind, category, codes, provider, hours, cost, everyone in ACTIVITIES:
        activity, created = LearningActivity.objects.get_or_create(
            organisation=organisation,
            title=title,
            defaults={
                "kind": kind,
                "category": category,
                "provider": provider,
                "hours": hours,
                "cost": cost,
                "for_every_new_colleague": everyone,
            },
        )
        if created:
            activity.competencies.set([competencies[code] for code in codes])


def _social_work_programme(context: DemoContext, slug: str, framework) -> Programme:
    organisation = context.organisations[slug]
    # Started with last year's cohort: the cao in force then is its agreement.
    programme_start = add_months(context.today.replace(day=1), -14)
    programme, _ = Programme.objects.get_or_create(
        owner=organisation,
        name=f"Traineeship Sociaal Werk {organisation.name}",
        defaults={
            "kind": ProgrammeKind.SOCIAL_WORK,
            "framework": framework,
            "description": "Een jaar werken en leren als sociaal werker, met een werkbegeleider en intervisie.",
            "development_day_pattern": "Elke donderdag; één keer per maand met de hele lichting",
            "learning_time_percent": 20,
            "meeting_rhythm_weeks": 4,
            "default_development_budget": 1500,
            "start_date": programme_start,
            **preset_values(preset_in_force(programme_start)),
        },
    )
    start = context.today.replace(day=1)
    for months_ago, name in [(14, "Lichting vorig jaar"), (2, "Lichting dit jaar")]:
        cohort_start = add_months(start, -months_ago)
        cohort, created = Cohort.objects.get_or_create(
            programme=programme,
            name=name,
            defaults={"start_date": cohort_start, "group_trainer": "Ineke Groot (groepstrainer)"},
        )
        if created:
            cohort.development_days.bulk_create(
                [
                    cohort.development_days.model(cohort=cohort, date=add_months(cohort_start, n), topic=topic)
                    for n, topic in enumerate(
                        ["Kick-off en kennismaking", "Meldcode in de praktijk", "Eigen regie", "Intervisie"]
                    )
                ]
            )
    return programme


def _demo_trainee(context: DemoContext, slug: str, local: str, name: str) -> User:
    user, _ = User.objects.get_or_create(
        email=f"{local}@{slug}.example",
        defaults={"name": name, "password": context.password, "language": "nl"},
    )
    Membership.objects.get_or_create(user=user, organisation=context.organisations[slug], role=Role.TRAINEE)
    return user


def _traineeship(programme, trainee, *, cohort, start, months=12, status=TraineeshipStatus.ACTIVE, outcome=""):
    traineeship, _ = Traineeship.objects.get_or_create(
        programme=programme,
        trainee=trainee,
        defaults={
            "cohort": cohort,
            "education_level": "hbo",
            "graduation_date": add_months(start, -4),
            "scale": programme.scale_hbo or 6,
            "function_scale": None if programme.pay_rule == "fixed" else 8,
            # Learning time is checked against these hours (mentors/learning_time.py).
            "contract_hours_per_week": 36,
            "start_date": start,
            "end_date": add_months(start, months) - timedelta(days=1),
            "status": status,
            "outcome": outcome,
        },
    )
    if programme.pay_rule != "fixed" and programme.scale_offset is not None:
        traineeship.scale = traineeship.function_scale - programme.scale_offset
        traineeship.save(update_fields=["scale"])
    return traineeship


def _set_up_steps(traineeship, framework, *, upto: str, by) -> None:
    """Fill steps 1 and 2 as far as ``upto``: "work", "profile" (step 1 done) or "activities" (step 2 done)."""
    WorkProfile.objects.get_or_create(
        traineeship=traineeship,
        defaults={
            "tasks": "Spreekuur in het buurtteam, huisbezoeken, en een eigen groep in het buurthuis.",
            "wants_to_learn": "Werken met de meldcode en met netwerken rond een gezin.",
            "future": "Doorgroeien naar sociaal werker in het buurtteam.",
        },
    )
    if upto == "work":
        return
    competencies = {c.code: c for c in framework.competencies.all()}
    for code, purpose, level in [
        ("A1", "required", "startbekwaam"),
        ("C2", "required", "startbekwaam"),
        ("A2", "develop", "vakbekwaam"),
        ("A6", "develop", "vakbekwaam"),
        ("A4", "develop", "startbekwaam"),
    ]:
        ProfileCompetency.objects.get_or_create(
            traineeship=traineeship,
            competency=competencies[code],
            defaults={"purpose": purpose, "target_level": level},
        )
    if upto == "profile":
        return
    inventory = LearningActivity.objects.filter(
        organisation=traineeship.programme.owner,
        title__in=["Training meldcode huiselijk geweld", "Intervisie trainees", "Meelopen met ervaren collega's"],
    ).prefetch_related("competencies")
    activities_choose(traineeship=traineeship, activities=list(inventory), by=by)


def _placement(traineeship, organisation, *, start, end, manager, mentor, assignment=""):
    if not Placement.objects.filter(traineeship=traineeship, start_date=start).exists():
        Placement.objects.create(
            traineeship=traineeship,
            organisation=organisation,
            start_date=start,
            end_date=end,
            manager=manager,
            mentor=mentor,
            assignment=assignment,
        )


def _step_traineeships(context: DemoContext, slug: str, programme: Programme) -> None:
    organisation = context.organisations[slug]
    hr, manager, mentor = (context.account(slug, role) for role in (Role.HR, Role.MANAGER, Role.MENTOR))
    current, previous = (
        programme.cohorts.get(name="Lichting dit jaar"),
        programme.cohorts.get(name="Lichting vorig jaar"),
    )
    framework = programme.framework
    # The demo trainee: steps 1 and 2 done, placed with the demo mentor.
    own = _traineeship(programme, context.account(slug, Role.TRAINEE), cohort=current, start=current.start_date)
    _set_up_steps(own, framework, upto="activities", by=hr)
    _placement(
        own,
        organisation,
        start=own.start_date,
        end=own.end_date,
        manager=manager,
        mentor=mentor,
        assignment="Sociaal werker in het buurtteam",
    )
    if current.model_traineeship_id is None:
        current.model_traineeship = own
        current.save(update_fields=["model_traineeship"])
        current.mentor_pool.add(mentor)
    # The next cohort, set up from this one (the blueprint).
    if not current.copies.exists():
        cohort_from_blueprint(
            source=current,
            name="Lichting volgend jaar",
            start_date=add_months(current.start_date, 12),
            group_trainer=current.group_trainer,
            model_traineeship=own,
            copy_days=True,
        )
    for local, name, stage in STEP_TRAINEES[slug]:
        trainee = _demo_trainee(context, slug, local, name)
        if stage == "finished":
            t = _traineeship(
                programme,
                trainee,
                cohort=previous,
                start=previous.start_date,
                status=TraineeshipStatus.FINISHED,
                outcome="hired",
            )
            _set_up_steps(t, framework, upto="activities", by=hr)
            _placement(t, organisation, start=t.start_date, end=t.end_date, manager=manager, mentor=mentor)
            continue
        if stage == "placed":
            t = _traineeship(programme, trainee, cohort=current, start=current.start_date)
            _set_up_steps(t, framework, upto="activities", by=hr)
            _placement(t, organisation, start=t.start_date, end=t.end_date, manager=manager, mentor=mentor)
            continue
        t = _traineeship(
            programme,
            trainee,
            cohort=current,
            start=add_months(current.start_date, 1),
            status=TraineeshipStatus.PLANNED,
        )
        if stage != "new":
            _set_up_steps(t, framework, upto=stage, by=hr)


def _regional_programme(context: DemoContext, framework) -> Programme:
    zonnedal, buurtkracht = context.organisations["zonnedal"], context.organisations["buurtkracht"]
    programme, created = Programme.objects.get_or_create(
        owner=zonnedal,
        name="Regionaal Traineeship Noord",
        defaults={
            "kind": ProgrammeKind.REGIONAL,
            "framework": framework,
            "coordinator": context.account("zonnedal", Role.COORDINATOR),
            "description": "Twee jaar, drie rotaties van acht maanden bij de partners in de regio.",
            "development_day_pattern": "Eén ontwikkeldag per maand met de hele lichting",
            "learning_time_percent": 15,
            "meeting_rhythm_weeks": 6,
            "default_development_budget": 2500,
            "agreement_name": "Afspraken Regionaal Traineeship Noord",
            "max_duration_months": 24,
            "pay_rule": "offset",
            "scale_offset": 1,
            "graduation_window_months": 24,
        },
    )
    if created:
        # Buurtkracht's HR accepted the partnership (partners by consent).
        invitation = partner_invite(programme=programme, organisation=buurtkracht, by=None)
        partner_answer(invitation=invitation, accept=True, by=None)
    start = add_months(context.today.replace(day=1), -10)
    cohort, _ = Cohort.objects.get_or_create(
        programme=programme, name="Regio-lichting 1", defaults={"start_date": start, "group_trainer": "Regio Academie"}
    )
    trainee = _demo_trainee(context, "zonnedal", *ROTATION_TRAINEE)
    traineeship = _traineeship(programme, trainee, cohort=cohort, start=cohort.start_date, months=24)
    _set_up_steps(traineeship, framework, upto="activities", by=context.account("zonnedal", Role.HR))
    rotation = [
        (zonnedal, "zonnedal", "Buurtteam Zonnedal-Oost"),
        (buurtkracht, "buurtkracht", "Jongerenwerk Buurtkracht"),
        (zonnedal, "zonnedal", "Schuldhulpverlening Zonnedal"),
    ]
    placement_start = traineeship.start_date
    for organisation, slug, assignment in rotation:
        end = add_months(placement_start, 8) - timedelta(days=1)
        _placement(
            traineeship,
            organisation,
            start=placement_start,
            end=end,
            manager=context.account(slug, Role.MANAGER),
            mentor=context.account(slug, Role.MENTOR),
            assignment=assignment,
        )
        placement_start = end + timedelta(days=1)
    return programme


def _extra_traineeships(context: DemoContext, programmes: dict) -> None:
    """The ``--trainees N`` trainees, each in a programme of their organisation, with a placement, in bulk."""
    users = [(slug, user) for slug, group in context.extra_trainees.items() for user in group]
    if not users:
        return
    done = set(Traineeship.objects.filter(trainee__in=[u for _, u in users]).values_list("trainee_id", flat=True))
    cohorts = {
        slug: list(programme.cohorts.filter(start_date__lte=context.today)) for slug, programme in programmes.items()
    }
    rng, today = context.rng, context.today
    new = []
    for slug, user in users:
        if user.pk in done:
            continue
        programme = programmes[slug]
        start = today - timedelta(days=rng.randint(0, 330))
        level = rng.choice(["mbo", "hbo", "hbo"])
        end = add_months(start, 12) - timedelta(days=1)
        # Under a cao with pay below the function scale (2023 onwards), the function scale sets the pay.
        function_scale = None if programme.pay_rule == "fixed" else 8
        scale = programme.fixed_scale_for(level) or 6
        if function_scale is not None and programme.scale_offset is not None:
            scale = function_scale - programme.scale_offset
        new.append(
            Traineeship(
                programme=programme,
                cohort=rng.choice(cohorts[slug]),
                trainee=user,
                education_level=level,
                graduation_date=start - timedelta(days=rng.randint(20, 300)),
                scale=scale,
                function_scale=function_scale,
                start_date=start,
                end_date=end,
                status=TraineeshipStatus.ACTIVE,
            )
        )
    created = Traineeship.objects.bulk_create(new, batch_size=1000)
    slug_of = {programme.pk: slug for slug, programme in programmes.items()}
    mentor_of = {
        user.pk: extra_mentor_of(context, slug, number)
        for slug, group in context.extra_trainees.items()
        for number, user in enumerate(group)
    }
    Placement.objects.bulk_create(
        [
            Placement(
                traineeship=t,
                organisation=t.programme.owner,
                start_date=t.start_date,
                end_date=t.end_date,
                manager=context.account(slug_of[t.programme_id], Role.MANAGER),
                mentor=mentor_of[t.trainee_id],
            )
            for t in created
        ],
        batch_size=1000,
    )
    # Spread them over the steps: most have described the work, some chose competencies and activities.
    profiles, competencies, activities = [], [], []
    develop = {slug: list(p.framework.competencies.filter(code__in=["A2", "A6"])) for slug, p in programmes.items()}
    inventory = {
        slug: LearningActivity.objects.filter(organisation=p.owner, title="Intervisie trainees").first()
        for slug, p in programmes.items()
    }
    for number, t in enumerate(created):
        slug = slug_of[t.programme_id]
        if number % 4 == 0:
            continue
        profiles.append(WorkProfile(traineeship=t, tasks="Spreekuur en huisbezoeken in de wijk."))
        if number % 4 == 1:
            continue
        competencies.extend(
            ProfileCompetency(traineeship=t, competency=c, purpose=purpose)
            for c, purpose in zip(develop[slug], ["required", "develop"], strict=False)
        )
        if number % 4 == 3 and inventory[slug]:
            activity = inventory[slug]
            activities.append(
                DevelopmentActivity(
                    traineeship=t,
                    learning_activity=activity,
                    title=activity.title,
                    kind=activity.kind,
                    category=activity.category,
                )
            )
    WorkProfile.objects.bulk_create(profiles, batch_size=1000)
    ProfileCompetency.objects.bulk_create(competencies, batch_size=1000)
    DevelopmentActivity.objects.bulk_create(activities, batch_size=1000)
