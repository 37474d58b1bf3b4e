"""Demo portfolios: full ones for the demo trainees, a signed final evaluation for a former
trainee, and (with ``--trainees N``) a filled portfolio per extra trainee, in bulk. Idempotent."""

import uuid
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import Exists, OuterRef
from django.utils import timezone

from goals.models import GoalProgress, LearningGoal
from organisations.models import Membership, Organisation, Role, User, hash_token
from portfolios.models import (
    CompetencyRating,
    Evidence,
    FeedbackAnswer,
    FeedbackRequest,
    FinalEvaluation,
    MentorCompetencyRating,
    Moment,
    Reflection,
    SelfEvaluation,
)
from programmes.models import DevelopmentActivity, Placement, Traineeship, TraineeshipStatus


def _certificate_pdf(name: str, course: str) -> bytes:
    """A small real PDF certificate, so the portfolio PDF has a file to embed."""
    import weasyprint

    html = f"<h1>Certificaat</h1><p>{name} heeft de training <strong>{course}</strong> met goed gevolg afgerond.</p>"
    return weasyprint.HTML(string=f'<html lang="nl"><body>{html}</body></html>').write_pdf()


def _demo_certificate(traineeship, competencies):
    course = "Motiverende gespreksvoering"
    if Evidence.objects.filter(traineeship=traineeship, title=f"Certificaat {course}").exists():
        return
    content = _certificate_pdf(traineeship.trainee.name, course)
    stored = default_storage.save(f"evidence/{uuid.uuid4().hex}.pdf", ContentFile(content))
    evidence = Evidence.objects.create(
        traineeship=traineeship,
        kind=Evidence.Kind.FILE,
        title=f"Certificaat {course}",
        description="Tweedaagse training bij het opleidingsinstituut.",
        stored_name=stored,
        original_name="certificaat-motiverende-gespreksvoering.pdf",
        content_type="application/pdf",
        size=len(content),
        added_by=traineeship.trainee,
    )
    evidence.competencies.set(competencies[:2])


SELF_EVALUATION = {
    "talents": "Ik kan goed luisteren en maak makkelijk contact met mensen die wantrouwig zijn.",
    "competencies_present": "Gespreksvoering, signaleren van problemen achter de vraag, samenwerken in een team.",
    "recent_knowledge": "Motiverende gespreksvoering en nieuwe inzichten over schuldhulp uit mijn opleiding.",
    "wants_to_learn": "Zelfstandig huisbezoeken afleggen en regie houden in gesprekken met meerdere partijen.",
    "hopes": "Ervaring in de wijk en een vaste plek in het sociaal werk.",
    "learning_styles": "Meelopen en daarna zelf doen, met een korte reflectie achteraf.",
}
GOALS = [
    ("Zelfstandig een keukentafelgesprek voeren", "Drie gesprekken, besproken met mijn werkbegeleider", 60),
    ("Een netwerkoverleg in de wijk voorzitten", "Twee overleggen voorgezeten, feedback van deelnemers", 30),
    ("Signalen van financiële problemen herkennen en doorverwijzen", "Vijf casussen in intervisie besproken", 0),
]
ALUMNA_EMAIL = "oud-trainee@zonnedal.example"
# Demo trainees of the programmes loader: finished ones get a signed final evaluation,
# those past step 1 (profile chosen, activities chosen, placed) only the self-evaluation at the
# start, which step 1 asks for.
FINISHED_EMAILS = ["lars.dekker@zonnedal.example", "sem.hendriks@buurtkracht.example"]
STARTING_EMAILS = [
    "fleur.peters@zonnedal.example",
    "lotte.kok@zonnedal.example",
    "emma.visser@zonnedal.example",
    "yara.vos@buurtkracht.example",
    "jesse.yilmaz@buurtkracht.example",
    "ruben.smit@buurtkracht.example",
]


def load(context) -> None:
    if not Traineeship.objects.exists():
        return
    today = context.today
    for slug in context.organisations:
        trainee = context.account(slug, Role.TRAINEE)
        for index, traineeship in enumerate(Traineeship.objects.filter(trainee=trainee).order_by("start_date")):
            _full_portfolio(traineeship, today, midway=(index == 0 and slug == "zonnedal"))
    for traineeship in Traineeship.objects.filter(trainee__email__in=STARTING_EMAILS):
        _start_self_evaluation(traineeship)
    finished = list(Traineeship.objects.filter(trainee__email__in=FINISHED_EMAILS, status=TraineeshipStatus.FINISHED))
    for traineeship in finished:
        _full_portfolio(traineeship, traineeship.end_date - timedelta(days=30), midway=True)
        _sign(traineeship, _mentor(traineeship))
    if not finished:
        _signed_final_evaluation(context)
    _extra_portfolios(context)


def _mentor(traineeship: Traineeship) -> User | None:
    placement = traineeship.placements.filter(mentor__isnull=False).select_related("mentor").first()
    return placement.mentor if placement else None


def _profile_ids(traineeship: Traineeship) -> list[int]:
    return list(traineeship.profile_competencies.values_list("competency_id", flat=True))


def _start_self_evaluation(traineeship: Traineeship) -> None:
    _self_evaluations(traineeship, [Moment.START], _profile_ids(traineeship))


def _self_evaluations(traineeship: Traineeship, moments, competencies) -> None:
    for step, moment in enumerate(moments):
        evaluation, created = SelfEvaluation.objects.get_or_create(
            traineeship=traineeship,
            moment=moment,
            defaults={**SELF_EVALUATION, "submitted_at": timezone.now() - timedelta(days=60 - 30 * step)},
        )
        if created:
            CompetencyRating.objects.bulk_create(
                CompetencyRating(self_evaluation=evaluation, competency_id=pk, level=min(4, 1 + step + i % 2))
                for i, pk in enumerate(competencies)
            )


def _full_portfolio(traineeship: Traineeship, today, *, midway: bool) -> None:
    competencies = _profile_ids(traineeship)
    mentor = _mentor(traineeship)
    _self_evaluations(traineeship, [Moment.START, Moment.MIDWAY] if midway else [Moment.START], competencies)
    for index, (title, measure, progress) in enumerate(GOALS):
        goal, created = LearningGoal.objects.get_or_create(
            traineeship=traineeship,
            title=title,
            defaults={
                "measure": measure,
                "deadline": today + timedelta(days=60 * (index + 1)),
                "talents": "luisteren, contact maken",
                "created_by": traineeship.trainee,
            },
        )
        if created:
            goal.competencies.set(competencies[index : index + 2])
            if index < 2 and mentor is not None:
                LearningGoal.objects.filter(pk=goal.pk).update(
                    status=LearningGoal.Status.ACTIVE,
                    scope=LearningGoal.Scope.INDIVIDUAL if index == 0 else LearningGoal.Scope.EVERYONE,
                    approved_by=mentor,
                    approved_at=timezone.now() - timedelta(days=40),
                )
            if progress:
                GoalProgress.objects.create(
                    goal=goal, recorded_on=today - timedelta(days=7), progress=progress, note="Goed op weg."
                )
    activity, created = DevelopmentActivity.objects.get_or_create(
        traineeship=traineeship,
        title="Meelopen met de schuldhulpmaatje",
        learning_activity=None,
        defaults={
            "kind": "informal",
            "category": "colleagues",
            "status": DevelopmentActivity.Status.DONE,
            "hours": 12,
            "completed_on": today - timedelta(days=20),
            "added_by": traineeship.trainee,
        },
    )
    if created:
        activity.competencies.set(competencies[:2])
    evidence, created = Evidence.objects.get_or_create(
        traineeship=traineeship,
        title="Vlog: mijn eerste huisbezoek",
        defaults={"kind": Evidence.Kind.LINK, "url": "https://video.example.org/vlog-huisbezoek"},
    )
    if created:
        evidence.competencies.set(competencies[:1])
    _demo_certificate(traineeship, competencies)
    Reflection.objects.get_or_create(
        traineeship=traineeship,
        text="Het gesprek met de familie liep vast toen ik te snel oplossingen gaf. Volgende keer eerst doorvragen.",
        defaults={"shared_with_mentor": True, "written_on": today - timedelta(days=10)},
    )
    Reflection.objects.get_or_create(
        traineeship=traineeship,
        text="Ik twijfel of ik het tempo van het team kan bijhouden.",
        defaults={"shared_with_mentor": False, "written_on": today - timedelta(days=3)},
    )
    request, created = FeedbackRequest.objects.get_or_create(
        token_hash=hash_token(f"demo-feedback-{traineeship.pk}"),
        defaults={
            "traineeship": traineeship,
            "colleague_name": "Fatima El Amrani",
            "colleague_email": "fatima.collega@example.org",
            "question": "Hoe ervaar je mij in het contact met bewoners?",
            "expires_at": timezone.now() + timedelta(days=21),
            "answered_at": timezone.now() - timedelta(days=5),
            "free_text": "Je bent rustig en betrokken; durf vaker je mening te geven in het teamoverleg.",
        },
    )
    if created and competencies:
        request.competencies.set(competencies[:2])
        FeedbackAnswer.objects.create(
            request=request, competency_id=competencies[0], answer="Luistert goed en vat helder samen."
        )


def _signed_final_evaluation(context) -> None:
    """A former trainee of Zonnedal whose traineeship is finished and whose evaluation is signed."""
    organisation: Organisation = context.organisations.get("zonnedal")
    model = Traineeship.objects.filter(programme__owner=organisation).select_related("programme").first()
    if organisation is None or model is None:
        return
    alumna, _created = User.objects.get_or_create(
        email=ALUMNA_EMAIL, defaults={"name": "Noor Bakker", "password": context.password}
    )
    Membership.objects.get_or_create(user=alumna, organisation=organisation, role=Role.TRAINEE)
    today = context.today
    traineeship, created = Traineeship.objects.get_or_create(
        trainee=alumna,
        programme=model.programme,
        defaults={
            "education_level": model.education_level,
            "graduation_date": today - timedelta(days=500),
            "scale": model.scale,
            "function_scale": model.function_scale,
            "start_date": today - timedelta(days=400),
            "end_date": today - timedelta(days=40),
            "status": TraineeshipStatus.FINISHED,
        },
    )
    mentor = context.account("zonnedal", Role.MENTOR)
    if created:
        Placement.objects.create(
            traineeship=traineeship,
            organisation=organisation,
            start_date=traineeship.start_date,
            end_date=traineeship.end_date,
            mentor=mentor,
            manager=context.account("zonnedal", Role.MANAGER),
        )
        for pc in model.profile_competencies.all():
            traineeship.profile_competencies.create(competency=pc.competency, purpose=pc.purpose)
    _full_portfolio(traineeship, today - timedelta(days=60), midway=True)
    _sign(traineeship, mentor)


def _sign(traineeship: Traineeship, mentor: User | None) -> None:
    signed_at = timezone.now() - timedelta(days=20)
    name = traineeship.trainee.name.split(" ")[0]
    _end_self_evaluation(traineeship)
    evaluation, _created = FinalEvaluation.objects.get_or_create(
        traineeship=traineeship,
        defaults={
            "trainee_development": "Ik voer nu zelfstandig huisbezoeken en zit netwerkoverleggen voor.",
            "trainee_went_well": "Het contact met bewoners en de begeleiding door mijn werkbegeleider.",
            "trainee_could_be_better": "Ik had eerder om hulp mogen vragen bij complexe casussen.",
            "mentor_development": f"{name} is gegroeid van startbekwaam naar vakbekwaam in gespreksvoering.",
            "mentor_went_well": "Betrokkenheid en reflectie.",
            "mentor_could_be_better": "Grenzen stellen in de werkdruk.",
            "future_in_sector": f"{name} blijft in het sociaal werk en wil zich specialiseren in schuldhulp.",
            "options_in_organisation": "Een vaste aanstelling als wijkwerker in team Noord.",
            "trainee_signed_at": signed_at,
            "mentor_signed_at": signed_at,
            "mentor_signed_by": mentor,
        },
    )
    # The mentor's judgement of the final level, beside the trainee's own: mostly proficient.
    if not evaluation.mentor_ratings.exists():
        MentorCompetencyRating.objects.bulk_create(
            MentorCompetencyRating(final_evaluation=evaluation, competency_id=pk, level=3 + (i % 3 == 0))
            for i, pk in enumerate(_profile_ids(traineeship))
        )


def _end_self_evaluation(traineeship: Traineeship) -> None:
    """The trainee's self-evaluation at the end: one level up from midway, so the growth shows."""
    evaluation, created = SelfEvaluation.objects.get_or_create(
        traineeship=traineeship,
        moment=Moment.END,
        defaults={**SELF_EVALUATION, "submitted_at": timezone.now() - timedelta(days=25)},
    )
    if created:
        CompetencyRating.objects.bulk_create(
            CompetencyRating(self_evaluation=evaluation, competency_id=pk, level=min(4, 3 + i % 2))
            for i, pk in enumerate(_profile_ids(traineeship))
        )


def _extra_portfolios(context) -> None:
    """A filled portfolio for every extra trainee's traineeship that has none yet, in bulk."""
    extra = [user.pk for group in context.extra_trainees.values() for user in group]
    if not extra:
        return
    traineeships = list(
        Traineeship.objects.filter(trainee_id__in=extra)
        .filter(~Exists(Reflection.objects.filter(traineeship=OuterRef("pk"))))
        .values_list("pk", flat=True)
    )
    if not traineeships:
        return
    today, now, rng = context.today, timezone.now(), context.rng
    goals = [
        LearningGoal(
            traineeship_id=pk,
            title=title,
            measure=measure,
            deadline=today + timedelta(days=30 * (index + 1)),
            status=LearningGoal.Status.ACTIVE if index == 0 else LearningGoal.Status.PROPOSED,
            scope=LearningGoal.Scope.INDIVIDUAL if index == 0 else "",
            approved_at=now if index == 0 else None,
        )
        for pk in traineeships
        for index, (title, measure, _progress) in enumerate(GOALS[:2])
    ]
    LearningGoal.objects.bulk_create(goals, batch_size=2000)
    goal_ids = LearningGoal.objects.filter(traineeship_id__in=traineeships).values_list("pk", flat=True)
    GoalProgress.objects.bulk_create(
        [
            GoalProgress(goal_id=pk, recorded_on=today - timedelta(days=7), progress=rng.randint(0, 100))
            for pk in goal_ids.iterator()
        ],
        batch_size=2000,
    )
    DevelopmentActivity.objects.bulk_create(
        [
            DevelopmentActivity(
                traineeship_id=pk,
                title="Intervisie met de lichting",
                kind="informal",
                category="intervision",
                status=DevelopmentActivity.Status.DONE,
                hours=rng.choice([4, 8, 12]),
            )
            for pk in traineeships
        ],
        batch_size=2000,
    )
    Evidence.objects.bulk_create(
        [
            Evidence(traineeship_id=pk, kind=Evidence.Kind.LINK, title="Vlog", url="https://video.example.org/vlog")
            for pk in traineeships
        ],
        batch_size=2000,
    )
    SelfEvaluation.objects.bulk_create(
        [
            SelfEvaluation(traineeship_id=pk, moment=Moment.START, submitted_at=now, **SELF_EVALUATION)
            for pk in traineeships
        ],
        batch_size=2000,
        ignore_conflicts=True,
    )
    Reflection.objects.bulk_create(
        [
            Reflection(traineeship_id=pk, text="Vandaag geleerd om eerst door te vragen.", written_on=today)
            for pk in traineeships
        ],
        batch_size=2000,
    )
    FeedbackRequest.objects.bulk_create(
        [
            FeedbackRequest(
                traineeship_id=pk,
                colleague_name="Collega",
                colleague_email="collega@example.org",
                token_hash=hash_token(f"demo-extra-feedback-{pk}"),
                expires_at=now + timedelta(days=21),
                answered_at=now,
                free_text="Fijne collega, neemt initiatief.",
            )
            for pk in traineeships
        ],
        batch_size=2000,
        ignore_conflicts=True,
    )
