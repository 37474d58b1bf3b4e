"""Demo programme evaluations: the default questions on every demo programme, and last year's
Zonnedal cohort with six former trainees who answered halfway and at the end, so HR and the
coordinator see totals at once; Buurtkracht's one answer shows the threshold. Idempotent."""

from datetime import timedelta

from django.utils import timezone, translation

from evaluations import services
from evaluations.models import Answer, Moment, ProgrammeEvaluation, Question
from organisations.models import Membership, Role, User
from programmes.models import Placement, Programme, Traineeship, TraineeshipStatus

# Former trainees of Zonnedal's previous cohort, beside Lars Dekker (finished in the programmes demo).
FORMER_TRAINEES = [
    ("iris.deboer", "Iris de Boer"),
    ("tim.jansen", "Tim Jansen"),
    ("sophie.bos", "Sophie Bos"),
    ("thijs.meijer", "Thijs Meijer"),
    ("anouk.mulder", "Anouk Mulder"),
]
ANSWERED_EMAILS = ["lars.dekker@zonnedal.example", "sem.hendriks@buurtkracht.example"]
RATINGS = [(4, 3, 3, 5), (5, 2, 3, 4), (4, 3, 2, 4), (3, 2, 2, 5), (5, 4, 3, 4), (4, 3, 4, 3)]
KEEP = [
    "De groepsdagen met de hele lichting.",
    "Een vaste werkbegeleider die tijd voor je maakt.",
    "Intervisie met andere trainees.",
    "Meelopen met ervaren collega's in de eerste weken.",
    "De ruimte om zelf leerdoelen te kiezen.",
    "",
]
CHANGE = [
    "Minder caseload in de eerste maanden.",
    "Leertijd echt inroosteren, nu schiet die er vaak bij in.",
    "Eerder duidelijkheid over een vaste baan na het traineeship.",
    "",
    "Meer uitleg over de schuldhulpketen.",
    "De werkdruk in de tweede helft was te hoog.",
]


def _former_trainee(context, model: Traineeship, local: str, name: str) -> Traineeship:
    organisation = model.programme.owner
    user, _ = User.objects.get_or_create(
        email=f"{local}@zonnedal.example",
        defaults={"name": name, "password": context.password, "language": "nl"},
    )
    Membership.objects.get_or_create(user=user, organisation=organisation, role=Role.TRAINEE)
    traineeship, created = Traineeship.objects.get_or_create(
        trainee=user,
        programme=model.programme,
        defaults={
            "cohort": model.cohort,
            "education_level": model.education_level,
            "graduation_date": model.graduation_date,
            "scale": model.scale,
            "function_scale": model.function_scale,
            "start_date": model.start_date,
            "end_date": model.end_date,
            "status": TraineeshipStatus.FINISHED,
            "outcome": "hired",
        },
    )
    if created:
        Placement.objects.create(
            traineeship=traineeship,
            organisation=organisation,
            start_date=traineeship.start_date,
            end_date=traineeship.end_date,
            mentor=context.account("zonnedal", Role.MENTOR),
            manager=context.account("zonnedal", Role.MANAGER),
        )
    return traineeship


def _answer(traineeship: Traineeship, number: int) -> None:
    questions = list(Question.objects.filter(programme=traineeship.programme, active=True))
    ratings = iter(RATINGS[number % len(RATINGS)])
    for moment, days_before_end in ((Moment.MIDWAY, 180), (Moment.END, 20)):
        if ProgrammeEvaluation.objects.filter(traineeship=traineeship, moment=moment).exists():
            continue
        evaluation = ProgrammeEvaluation.objects.create(
            traineeship=traineeship,
            moment=moment,
            submitted_at=timezone.make_aware(
                timezone.datetime.combine(
                    traineeship.end_date - timedelta(days=days_before_end), timezone.datetime.min.time()
                )
            ),
        )
        open_texts = iter([KEEP[number % len(KEEP)], CHANGE[number % len(CHANGE)]])
        rows = []
        for question in questions:
            if question.kind == Question.Kind.RATING:
                rows.append(Answer(evaluation=evaluation, question=question, rating=next(ratings, 4)))
            else:
                text = next(open_texts, "")
                if text:
                    rows.append(Answer(evaluation=evaluation, question=question, text=text))
        Answer.objects.bulk_create(rows)
        ratings = iter(RATINGS[(number + 1) % len(RATINGS)])


def load(context) -> None:
    with translation.override("nl"):
        for programme in Programme.objects.filter(owner__in=context.organisations.values()):
            services.questions_ensure_defaults(programme=programme)
    model = (
        Traineeship.objects.filter(trainee__email="lars.dekker@zonnedal.example").select_related("programme").first()
    )
    if model is None:
        return
    answered = list(Traineeship.objects.filter(trainee__email__in=ANSWERED_EMAILS))
    answered += [_former_trainee(context, model, local, name) for local, name in FORMER_TRAINEES]
    for number, traineeship in enumerate(answered):
        _answer(traineeship, number)
