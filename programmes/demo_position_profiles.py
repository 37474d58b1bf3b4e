"""Demo position profiles: per organisation one open vacancy, and one that filled the demo trainee's
traineeship (its work and competencies are the traineeship's own, as carried over when hired).

Idempotent: a profile is found by organisation and title before it is made.
"""

from organisations.demo import DemoContext
from organisations.models import Role
from programmes.models import PositionProfile, Programme, ProgrammeKind, Traineeship, WorkProfile
from programmes.services_position_profiles import WORK_FIELDS, position_profile_save

OPEN_TITLE = "Trainee jongerenwerk"
FILLED_TITLE = "Trainee sociaal werk in het buurtteam"
OPEN_COMPETENCIES = [
    ("A1", "required", "startbekwaam"),
    ("C2", "required", "startbekwaam"),
    ("A5", "develop", "vakbekwaam"),
    ("A4", "develop", "vakbekwaam"),
    ("C1", "develop", "startbekwaam"),
]


def load(context: DemoContext) -> None:
    for slug, organisation in context.organisations.items():
        programme = Programme.objects.filter(owner=organisation, kind=ProgrammeKind.SOCIAL_WORK).order_by("pk").first()
        if programme is None:
            continue
        hr = context.account(slug, Role.HR)
        _open_profile(programme, hr)
        own = Traineeship.objects.filter(programme=programme, trainee=context.account(slug, Role.TRAINEE)).first()
        if own is not None:
            _filled_profile(programme, own, hr)


def _open_profile(programme, hr) -> None:
    if PositionProfile.objects.filter(organisation=programme.owner_id, title=OPEN_TITLE).exists():
        return
    competencies = {c.code: c for c in programme.framework.competencies.all()} if programme.framework_id else {}
    next_cohort = programme.cohorts.filter(name="Lichting volgend jaar").first()
    position_profile_save(
        programme=programme,
        values={
            "title": OPEN_TITLE,
            "cohort": next_cohort,
            "kind": WorkProfile.Kind.TASKS,
            "tasks": (
                "Ambulant jongerenwerk in de wijk: contact leggen op straat en in het jongerencentrum, "
                "activiteiten met jongeren opzetten en signalen doorgeven aan het buurtteam."
            ),
        },
        competencies=[
            (competencies[code], purpose, level) for code, purpose, level in OPEN_COMPETENCIES if code in competencies
        ],
        by=hr,
    )


def _filled_profile(programme, traineeship, hr) -> None:
    if PositionProfile.objects.filter(organisation=programme.owner_id, title=FILLED_TITLE).exists():
        return
    work = WorkProfile.objects.filter(traineeship=traineeship).first()
    values = {"title": FILLED_TITLE, "cohort": traineeship.cohort}
    if work is not None:
        values |= {name: getattr(work, name) for name in WORK_FIELDS}
    profile = position_profile_save(
        programme=programme,
        values=values,
        competencies=[
            (row.competency, row.purpose, row.target_level)
            for row in traineeship.profile_competencies.select_related("competency")
        ],
        by=hr,
    )
    profile.traineeships.add(traineeship)
