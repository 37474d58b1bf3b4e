"""Demo register hours: SKJ and Registerplein in each organisation, and the demo trainee (trainee@…)
registered, with training, intervision and supervision and confirmed mentor meetings that count.

It touches programmes (registers, activities), mentors (meetings) and portfolios (certificates), so it
lives at the top, beside the demo command. Idempotent."""

from datetime import timedelta
from decimal import Decimal

from mentors.models import Meeting
from organisations.models import Role
from portfolios.models import Evidence
from programmes.models import CategoryKind, DevelopmentActivity, Register, RegisterPreset, Registration, Traineeship
from programmes.registers import register_from_preset

# Which register the demo trainee of each organisation is in.
TRAINEE_REGISTER = {"zonnedal": RegisterPreset.SKJ, "buurtkracht": RegisterPreset.REGISTERPLEIN}


def load(context) -> None:
    if not Traineeship.objects.exists():
        return
    today = context.today
    for slug, organisation in context.organisations.items():
        hr = context.account(slug, Role.HR)
        registers = {}
        for preset in (RegisterPreset.SKJ, RegisterPreset.REGISTERPLEIN):
            registers[preset] = Register.objects.filter(organisation=organisation, preset=preset).first()
            if registers[preset] is None:
                registers[preset] = register_from_preset(organisation=organisation, preset=preset, by=hr)
        traineeship = Traineeship.objects.filter(trainee=context.account(slug, Role.TRAINEE)).order_by("pk").first()
        if traineeship is not None and slug in TRAINEE_REGISTER:
            _registered_trainee(traineeship, registers[TRAINEE_REGISTER[slug]], today)


def _registered_trainee(traineeship: Traineeship, register: Register, today) -> None:
    registration, _created = Registration.objects.get_or_create(
        traineeship=traineeship,
        defaults={
            "register": register,
            "number": "100045678" if register.preset == RegisterPreset.SKJ else "461012345",
            "registered_on": today - timedelta(days=2 * 365),
        },
    )
    categories = {c.kind: c for c in registration.register.categories.all()}
    training, reflection = categories[CategoryKind.TRAINING], categories[CategoryKind.REFLECTION]
    _activity(
        traineeship,
        "Training Motiverende gespreksvoering",
        category="training",
        register_category=training,
        points=Decimal(16),
        hours=Decimal(16),
        provider="Movisie Academie",
        accreditation_number="SKJ-2025-04817" if register.preset == RegisterPreset.SKJ else "PE-2025-71234",
        done_on=today - timedelta(days=75),
        certificate="Certificaat Motiverende gespreksvoering",
    )
    _activity(
        traineeship,
        "Intervisiegroep trainees (6 bijeenkomsten)",
        category="intervision",
        register_category=reflection,
        form="intervision",
        hours=Decimal(12),
        face_to_face=Decimal(9),
        provider=traineeship.programme.owner.name,
        done_on=today - timedelta(days=30),
        certificate="Presentielijst intervisie, getekend door de begeleider",
    )
    _activity(
        traineeship,
        "Supervisie (4 sessies)",
        category="supervision",
        register_category=reflection,
        form="supervision",
        hours=Decimal(6),
        face_to_face=Decimal(6),
        provider="Praktijk voor supervisie De Linde",
        accreditation_number="LVSC-12345",
        done_on=today - timedelta(days=14),
        certificate="Verklaring supervisor (ondertekend)",
    )
    # The confirmed progress meetings with the mentor count as mentoring.
    Meeting.objects.filter(
        traineeship=traineeship,
        mentor_confirmed_at__isnull=False,
        trainee_confirmed_at__isnull=False,
        register_category__isnull=True,
    ).update(register_category=reflection, reflection_form="mentoring", face_to_face_hours=Decimal(1))


def _activity(
    traineeship,
    title,
    *,
    category,
    register_category,
    hours,
    provider,
    done_on,
    certificate,
    form="",
    points=None,
    face_to_face=None,
    accreditation_number="",
):
    activity, created = DevelopmentActivity.objects.get_or_create(
        traineeship=traineeship,
        title=title,
        defaults={
            "kind": "formal" if category in ("training", "supervision") else "informal",
            "category": category,
            "status": DevelopmentActivity.Status.DONE,
            "completed_on": done_on,
            "hours": hours,
            "register_category": register_category,
            "reflection_form": form,
            "register_points": points,
            "face_to_face_hours": face_to_face,
            "provider": provider,
            "accreditation_number": accreditation_number,
            "added_by": traineeship.trainee,
        },
    )
    if created:
        Evidence.objects.create(
            traineeship=traineeship,
            kind=Evidence.Kind.LINK,
            title=certificate,
            url="https://documenten.example.org/" + str(activity.pk),
            development_activity=activity,
            added_by=traineeship.trainee,
        )
