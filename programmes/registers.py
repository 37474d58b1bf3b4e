"""Presets for the professional registers, as published when this was written.

The registers change their requirements (and they differ per chamber and per first or later
re-registration), so a preset only fills in a register that HR then checks and edits.
Sources: /work/shared/DOMAIN.md — SKJ (Mijn SKJ), Registerplein (PE-online).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from organisations import audit
from organisations.models import Organisation, User
from programmes.models import CategoryKind, Register, RegisterCategory, RegisterPreset, Unit


@dataclass(frozen=True)
class CategoryPreset:
    name: str
    kind: str
    unit: str
    required: Decimal
    cap: Decimal | None = None
    face_to_face_only: bool = False


@dataclass(frozen=True)
class Preset:
    name: str  # the register's own (Dutch) name for the kind of registration
    where_to_check: str
    period_years: int
    categories: tuple[CategoryPreset, ...]


PRESETS = {
    RegisterPreset.SKJ: Preset(
        name="SKJ – jeugd- en gezinsprofessional",
        where_to_check="https://skjeugd.nl/herregistratie/",
        period_years=5,
        categories=(
            CategoryPreset("Scholing, opleiding en training", CategoryKind.TRAINING, Unit.POINTS, Decimal(60)),
            CategoryPreset(
                "Reflectie (supervisie, intervisie, casuïstiekbespreking)",
                CategoryKind.REFLECTION,
                Unit.HOURS,
                Decimal(50),
                face_to_face_only=True,
            ),
            CategoryPreset("Vrije ruimte", CategoryKind.FREE, Unit.POINTS, Decimal(50)),
            CategoryPreset("Werkervaring op hbo-niveau", CategoryKind.WORK_EXPERIENCE, Unit.HOURS, Decimal(3368)),
        ),
    ),
    RegisterPreset.REGISTERPLEIN: Preset(
        name="Registerplein – sociaal werker",
        where_to_check="https://www.registerplein.nl/",
        period_years=5,
        categories=(
            CategoryPreset("Geaccrediteerde professionalisering", CategoryKind.TRAINING, Unit.POINTS, Decimal(60)),
            CategoryPreset(
                "Reflectie (supervisie, intervisie, werkbegeleiding, coaching, mentoring)",
                CategoryKind.REFLECTION,
                Unit.HOURS,
                Decimal(40),
            ),
            CategoryPreset("Overige professionalisering", CategoryKind.FREE, Unit.POINTS, Decimal(20), cap=Decimal(20)),
        ),
    ),
}


@transaction.atomic
def register_from_preset(*, organisation: Organisation, preset: str, by: User) -> Register:
    """A new register filled in from a preset, named apart from any the organisation already has."""
    spec = PRESETS[preset]
    name, number = str(spec.name), 1
    while Register.objects.filter(organisation=organisation, name=name).exists():
        number += 1
        name = f"{spec.name} ({number})"
    register = Register.objects.create(
        organisation=organisation,
        name=name,
        preset=preset,
        period_years=spec.period_years,
        where_to_check=spec.where_to_check,
    )
    RegisterCategory.objects.bulk_create(
        RegisterCategory(
            register=register,
            name=category.name,
            kind=category.kind,
            unit=category.unit,
            required=category.required,
            cap=category.cap,
            face_to_face_only=category.face_to_face_only,
            position=position,
        )
        for position, category in enumerate(spec.categories)
    )
    audit.record(
        organisation=organisation,
        actor=by,
        action=audit.Action.SETTINGS_CHANGED,
        obj=register,
        params={"variant": "register", "preset": preset},
    )
    return register
