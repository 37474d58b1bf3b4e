"""Demo data for mentors: profiles, progress meetings, agreements and the signals they cause.

Runs after the programmes loader; does nothing until traineeships exist. Idempotent:
a traineeship that already has meetings is left alone.
"""

from datetime import time, timedelta

from django.utils import timezone

from mentors.models import Agreement, Meeting, MeetingKind, MentorProfile
from organisations.models import Membership, Role
from programmes.models import Placement, Traineeship, TraineeshipStatus

PROFILES = [
    (12, "Senior jongerenwerker; begeleidt al jaren stagiairs en nieuwe collega's.", "done", 3, 3),
    (6, "Maatschappelijk werker in het wijkteam; eerste keer mentor.", "planned", 2, 2),
    (3, "Ambulant begeleider; nog geen coachingstraining.", "none", 1, 2),
]


def load(context) -> None:
    if not Traineeship.objects.exists():
        return
    today = context.today
    for slug, organisation in context.organisations.items():
        _profiles(organisation, context.rng)
        trainee = context.account(slug, Role.TRAINEE)
        showcase = Traineeship.objects.filter(trainee=trainee).first()
        if showcase is not None:
            _showcase(showcase, today)
    extra = [user.pk for users in context.extra_trainees.values() for user in users]
    if extra:
        _bulk(Traineeship.objects.filter(trainee__in=extra), today)
    _finished(Traineeship.objects.filter(status=TraineeshipStatus.FINISHED, meetings__isnull=True))


def _finished(traineeships) -> None:
    """Finished traineeships: a confirmed kick-off at the start and a confirmed closing meeting, in bulk."""
    mentors = dict(
        Placement.objects.filter(traineeship__in=traineeships, mentor__isnull=False).values_list(
            "traineeship", "mentor"
        )
    )
    now = timezone.now()
    meetings = [
        Meeting(
            traineeship_id=pk,
            kind=kind,
            date=day,
            start_time=time(10, 0),
            notes=notes,
            workload=3,
            wellbeing=4,
            recorded_at=now,
            recorded_by_id=mentors[pk],
            mentor_confirmed_at=now,
            mentor_confirmed_by_id=mentors[pk],
            trainee_confirmed_at=now,
        )
        for pk, start, end in traineeships.values_list("pk", "start_date", "end_date").distinct()
        if pk in mentors
        for kind, day, notes in [
            (MeetingKind.KICK_OFF, start, "Kennismaking en afspraken over de begeleiding."),
            (MeetingKind.FINAL, end - timedelta(days=14), "Terugblik op het traineeship en de eindevaluatie."),
        ]
    ]
    Meeting.objects.bulk_create(meetings, batch_size=1000)


def _profiles(organisation, rng) -> None:
    mentors = Membership.objects.mentors_of(organisation).select_related("user")
    existing = set(MentorProfile.objects.filter(organisation=organisation).values_list("user", flat=True))
    new = []
    for i, membership in enumerate(mentors):
        if membership.user_id in existing:
            continue
        years, experience, training, capacity, hours = PROFILES[i % len(PROFILES)]
        new.append(
            MentorProfile(
                organisation=organisation,
                user=membership.user,
                experience_years=years + rng.randint(0, 3),
                experience=experience,
                coaching_training=training,
                coaching_training_date=timezone.localdate() - timedelta(days=400) if training != "none" else None,
                capacity=capacity,
                hours_per_week=hours,
            )
        )
    MentorProfile.objects.bulk_create(new)


def _mentor_of(traineeship):
    placement = Placement.objects.filter(traineeship=traineeship, mentor__isnull=False).select_related("mentor")
    first = placement.first()
    return first.mentor if first else None


def _showcase(traineeship, today) -> None:
    """Held and confirmed, held and waiting for the trainee, one planned; agreements overdue
    at each step of the escalation ladder."""
    mentor = _mentor_of(traineeship)
    if mentor is None or traineeship.meetings.exists():
        return
    trainee = traineeship.trainee
    now = timezone.now()
    start = max(traineeship.start_date, today - timedelta(weeks=12))

    def held(kind, day, notes, wellbeing, workload, confirmed=True):
        meeting = Meeting.objects.create(
            traineeship=traineeship,
            kind=kind,
            date=day,
            start_time=time(10, 0),
            location="Kantoor, spreekkamer 2",
            trainee_topics="Hoe verdeel ik mijn tijd tussen casussen en leeractiviteiten?",
            trainee_reflection="De eerste weken waren druk maar leerzaam.",
            mentor_preparation="Leerdoelen doorlopen; werkdruk bespreken.",
            notes=notes,
            workload=workload,
            wellbeing=wellbeing,
            private_note="Houd de werkdruk in de gaten; volgende keer navragen.",
            recorded_at=now,
            recorded_by=mentor,
            mentor_confirmed_at=now if confirmed else None,
            mentor_confirmed_by=mentor if confirmed else None,
            trainee_confirmed_at=now if confirmed else None,
            created_by=mentor,
        )
        meeting.participants.set([mentor, trainee])
        return meeting

    kick_off = held(
        MeetingKind.KICK_OFF, start, "Kennismaking, afspraken over begeleiding en het ritme van gesprekken.", 4, 3
    )
    middle = held(MeetingKind.REGULAR, today - timedelta(weeks=5), "Eerste casussen besproken.", 2, 2)
    last = held(
        MeetingKind.REGULAR,
        today - timedelta(days=6),
        "Werkdruk besproken; afgesproken om caseload tijdelijk te verlagen.",
        2,
        2,
        confirmed=False,
    )
    last.mentor_confirmed_at = now
    last.mentor_confirmed_by = mentor
    last.save(update_fields=["mentor_confirmed_at", "mentor_confirmed_by"])
    Agreement.objects.bulk_create(
        [
            Agreement(
                meeting=kick_off,
                traineeship=traineeship,
                description="Ontwikkelplan met leerdoelen opstellen",
                owner=trainee,
                due_date=start + timedelta(weeks=3),
                status="done",
            ),
            Agreement(
                meeting=middle,
                traineeship=traineeship,
                description="Reflectieverslag over de eerste huisbezoeken schrijven",
                owner=trainee,
                due_date=today - timedelta(days=4),
            ),
            # Overdue at each step of the escalation ladder (3, 7 and 14 days by default):
            # ``send_reminders`` reminds the trainee again, tells the mentor, and tells HR.
            Agreement(
                meeting=middle,
                traineeship=traineeship,
                description="Zelfevaluatie voor het voortgangsgesprek invullen",
                owner=trainee,
                due_date=today - timedelta(days=8),
            ),
            Agreement(
                meeting=kick_off,
                traineeship=traineeship,
                description="Intervisie-verslag inleveren",
                owner=trainee,
                due_date=today - timedelta(days=15),
            ),
            Agreement(
                meeting=last,
                traineeship=traineeship,
                description="Caseload met de leidinggevende bespreken",
                owner=mentor,
                due_date=today + timedelta(days=7),
            ),
        ]
    )
    planned = Meeting.objects.create(
        traineeship=traineeship,
        kind=MeetingKind.REGULAR,
        date=today + timedelta(days=2),
        start_time=time(14, 0),
        location="Kantoor, spreekkamer 2",
        created_by=mentor,
    )
    planned.participants.set([mentor, trainee])


def _bulk(traineeships, today) -> None:
    """Extra trainees: a confirmed kick-off, a planned meeting and an agreement each, in bulk."""
    todo = traineeships.filter(status=TraineeshipStatus.ACTIVE, meetings__isnull=True).distinct()
    mentors = dict(
        Placement.objects.filter(traineeship__in=todo, mentor__isnull=False).values_list("traineeship", "mentor")
    )
    rows = list(todo.values_list("pk", "trainee", "start_date"))
    now = timezone.now()
    meetings = []
    for pk, _trainee, start in rows:
        mentor = mentors.get(pk)
        if mentor is None:
            continue
        meetings.append(
            Meeting(
                traineeship_id=pk,
                kind=MeetingKind.KICK_OFF,
                date=max(start, today - timedelta(weeks=3)),
                start_time=time(10, 0),
                notes="Kennismaking en afspraken over de begeleiding.",
                workload=3,
                wellbeing=4,
                recorded_at=now,
                recorded_by_id=mentor,
                mentor_confirmed_at=now,
                mentor_confirmed_by_id=mentor,
                trainee_confirmed_at=now,
            )
        )
        meetings.append(Meeting(traineeship_id=pk, kind=MeetingKind.REGULAR, date=today + timedelta(days=7 + pk % 14)))
    created = Meeting.objects.bulk_create(meetings, batch_size=1000)
    trainee_of = {pk: trainee for pk, trainee, _start in rows}
    Agreement.objects.bulk_create(
        [
            Agreement(
                meeting_id=m.pk,
                traineeship_id=m.traineeship_id,
                description="Leerdoelen uitwerken in het ontwikkelplan",
                owner_id=trainee_of[m.traineeship_id],
                due_date=today + timedelta(days=(m.traineeship_id % 21) - 7),
            )
            for m in created
            if m.kind == MeetingKind.KICK_OFF
        ],
        batch_size=1000,
    )
