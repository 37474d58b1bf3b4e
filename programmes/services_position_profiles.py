"""Writes of position profiles: saving one with its competencies, archiving, and carrying one over
to the traineeship created from it when someone is hired."""

from django.db import transaction
from django.utils import timezone

from organisations import audit
from organisations.models import User
from programmes import content_version
from programmes.audit import ProgrammeAction
from programmes.models import (
    Placement,
    PositionProfile,
    PositionProfileCompetency,
    ProfileCompetency,
    Programme,
    Traineeship,
    WorkProfile,
)

# What a position profile hands to the traineeship's work profile, field for field.
WORK_FIELDS = ("kind", "tasks", "assignment", "end_result", "work_needed", "independence")


@transaction.atomic
def position_profile_save(
    *,
    programme: Programme,
    values: dict,
    competencies: list[tuple],
    by: User,
    profile: PositionProfile | None = None,
) -> PositionProfile:
    """Create (no ``profile``) or update the profile from cleaned ``values``; ``competencies`` are the
    rows of the table as ``(competency, purpose, level)`` and replace the profile's own."""
    created = profile is None
    if profile is None:
        profile = PositionProfile(programme=programme, organisation_id=programme.owner_id, created_by=by)
    for name, value in values.items():
        setattr(profile, name, value)
    # Saved even when only the competencies changed: ``updated_at`` tells the stored PDF it is stale.
    profile.updated_at = timezone.now()
    profile.save()
    kept = [competency.pk for competency, _purpose, _level in competencies]
    profile.competencies.exclude(competency__in=kept).delete()
    for competency, purpose, level in competencies:
        PositionProfileCompetency.objects.update_or_create(
            profile=profile, competency=competency, defaults={"purpose": purpose, "target_level": level}
        )
    _record(
        profile,
        by,
        ProgrammeAction.POSITION_PROFILE_CREATED if created else ProgrammeAction.POSITION_PROFILE_CHANGED,
    )
    return profile


def _record(profile: PositionProfile, by: User, action: str) -> None:
    audit.record(
        organisation=profile.programme.owner, actor=by, action=action, obj=profile, params={"title": profile.title}
    )


def position_profile_set_status(*, profile: PositionProfile, status: str, by: User) -> None:
    """Archive the profile (no longer offered for hiring) or open it again for reuse."""
    if profile.status != status:
        profile.status = status
        profile.save(update_fields=["status", "updated_at"])
        archived = status == PositionProfile.Status.ARCHIVED
        _record(
            profile,
            by,
            ProgrammeAction.POSITION_PROFILE_ARCHIVED if archived else ProgrammeAction.POSITION_PROFILE_REOPENED,
        )


@transaction.atomic
def position_profile_carry_over(*, profile: PositionProfile, traineeship: Traineeship) -> None:
    """Give the new ``traineeship`` the profile's work and competencies, exactly; they replace whatever
    the cohort's set-up brought, and the profile records that it filled this traineeship."""
    WorkProfile.objects.update_or_create(
        traineeship=traineeship, defaults={name: getattr(profile, name) for name in WORK_FIELDS}
    )
    traineeship.profile_competencies.all().delete()
    ProfileCompetency.objects.bulk_create(
        [
            ProfileCompetency(
                traineeship=traineeship,
                competency_id=row.competency_id,
                purpose=row.purpose,
                target_level=row.target_level,
            )
            for row in profile.competencies.all()
        ]
    )
    # With several employers the profile names where the trainee works: the first placement is there.
    if profile.employer_id and not traineeship.placements.exists():
        Placement.objects.create(
            traineeship=traineeship,
            organisation_id=profile.employer_id,
            start_date=traineeship.start_date,
            end_date=traineeship.end_date,
            assignment=profile.assignment,
        )
    profile.traineeships.add(traineeship)
    content_version.touch([traineeship])  # bulk_create is not seen by the signals
