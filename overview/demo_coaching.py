"""Demo coaching: the demo coach (``coach@…``) of each organisation coaches the demo trainee
(``trainee@…``), with a session held and two ahead, and reflections the trainee shared with the
coach next to ones that stay private. It touches coaching and portfolios, so it lives at the top,
beside the demo command. Idempotent: a traineeship that has a coaching is left alone."""

from datetime import time, timedelta

from coaching.models import Coaching, CoachingSession, SessionMode
from organisations.models import Role
from portfolios.models import Reflection
from programmes.models import Traineeship

SESSIONS = [
    (
        -14,
        time(15, 0),
        SessionMode.IN_PERSON,
        "Kantoor De Brug, spreekkamer 2",
        "Kennismaking. Wat wil je uit de "
        "coaching halen? Doel: grenzen leren aangeven in het team. Volgende keer: een lastige situatie uitwerken.",
    ),
    (7, time(16, 0), SessionMode.ONLINE, "https://meet.example.org/coaching-demo", ""),
    (35, time(15, 30), SessionMode.IN_PERSON, "Kantoor De Brug, spreekkamer 2", ""),
]


def load(context) -> None:
    today = context.today
    for slug in context.organisations:
        trainee = context.account(slug, Role.TRAINEE)
        coach = context.account(slug, Role.COACH)
        traineeship = Traineeship.objects.filter(trainee=trainee).order_by("-start_date").first()
        if traineeship is None or Coaching.objects.filter(traineeship=traineeship).exists():
            continue
        coaching = Coaching.objects.create(
            traineeship=traineeship,
            coach=coach,
            assigned_by=context.account(slug, Role.HR),
            started_on=today - timedelta(days=21),
        )
        CoachingSession.objects.bulk_create(
            CoachingSession(
                coaching=coaching,
                date=today + timedelta(days=days),
                start_time=start,
                duration_minutes=60,
                mode=mode,
                location=place,
                notes=notes,
            )
            for days, start, mode, place, notes in SESSIONS
        )
        Reflection.objects.filter(traineeship=traineeship, shared_with_mentor=True).update(shared_with_coach=True)
        Reflection.objects.get_or_create(
            traineeship=traineeship,
            text="Voor de coaching: ik merk dat ik moeilijk nee zeg als collega's iets vragen. Wat helpt mij daarbij?",
            defaults={"shared_with_coach": True, "written_on": today - timedelta(days=2)},
        )
