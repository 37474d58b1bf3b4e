"""Writes that span models: imports, choosing activities, rotations, blueprints."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Max

from competencies.models import Competency, CompetencyFramework, LearningActivity
from organisations.audit import Action, record
from organisations.models import Role, User
from organisations.services import invitation_create
from programmes.audit import ProgrammeAction
from programmes.dates import add_months
from programmes.models import (
    Cohort,
    DevelopmentActivity,
    Placement,
    ProfileCompetency,
    Programme,
    Traineeship,
    WorkProfile,
)


@transaction.atomic
def framework_import(*, framework: CompetencyFramework, rows: list[dict], by: User) -> tuple[int, int]:
    """Add or update the competencies in ``rows`` (already validated), matched on code. Returns (added, updated)."""
    existing = {c.code.lower(): c for c in framework.competencies.all()}
    position = (framework.competencies.aggregate(top=Max("position"))["top"] or 0) + 1
    added = updated = 0
    for row in rows:
        competency = existing.get(row["code"].lower())
        if competency is None:
            competency = Competency(framework=framework, position=position)
            position += 1
            added += 1
        else:
            updated += 1
        for column, value in row.items():
            setattr(competency, column, value)
        competency.full_clean()
        competency.save()
    record(
        organisation=framework.organisation,
        actor=by,
        action=ProgrammeAction.FRAMEWORK_IMPORTED,
        obj=framework,
        params={"added": added, "updated": updated},
    )
    return added, updated


def framework_exported(*, framework: CompetencyFramework, by: User, file_format: str) -> None:
    record(
        organisation=framework.organisation,
        actor=by,
        action=Action.EXPORT_CREATED,
        obj=framework,
        params={"variant": "framework", "format": file_format},
    )


@transaction.atomic
def activities_choose(*, traineeship: Traineeship, activities: list[LearningActivity], by: User) -> int:
    """Add inventory activities to the traineeship (step 2), with their competencies."""
    chosen = set(
        traineeship.development_activities.filter(learning_activity__in=activities).values_list(
            "learning_activity", flat=True
        )
    )
    added = 0
    for activity in activities:
        if activity.pk in chosen:
            continue
        development = DevelopmentActivity.objects.create(
            traineeship=traineeship,
            learning_activity=activity,
            title=activity.title,
            kind=activity.kind,
            category=activity.category,
            description=activity.description,
            hours=activity.hours,
            added_by=by,
        )
        development.competencies.set(activity.competencies.all())
        added += 1
    return added


@transaction.atomic
def placements_rotation_create(*, traineeship: Traineeship, start, count: int, months: int) -> list[Placement]:
    """``count`` consecutive placements of ``months`` months, over the owner and then each partner in turn.

    Raises ``ValidationError`` (nothing stored) when one does not fit.
    """
    programme = traineeship.programme
    organisations = [programme.owner, *programme.partners.order_by("name")]
    placements = []
    for number in range(count):
        end = add_months(start, months) - timedelta(days=1)
        placement = Placement(
            traineeship=traineeship,
            organisation=organisations[number % len(organisations)],
            start_date=start,
            end_date=end,
        )
        placement.full_clean()
        placement.save()
        placements.append(placement)
        start = end + timedelta(days=1)
    return placements


@transaction.atomic
def cohort_from_blueprint(
    *, source: Cohort, name: str, start_date, group_trainer: str, model_traineeship, copy_days: bool
) -> Cohort:
    """A new cohort set up like ``source``: development days moved to the new start, the mentors of its
    placements to choose from, and a traineeship whose set-up new traineeships copy."""
    cohort = Cohort.objects.create(
        programme=source.programme,
        name=name,
        start_date=start_date,
        group_trainer=group_trainer,
        copied_from=source,
        model_traineeship=model_traineeship or source.model_traineeship,
    )
    if copy_days:
        shift = start_date - source.start_date
        days = list(source.development_days.prefetch_related("competencies"))
        copies = cohort.development_days.bulk_create(
            [
                cohort.development_days.model(
                    cohort=cohort,
                    date=day.date + shift,
                    topic=day.topic,
                    kind=day.kind,
                    start_time=day.start_time,
                    end_time=day.end_time,
                    place=day.place,
                    hours=day.hours,
                    learning_activity_id=day.learning_activity_id,
                    organiser_id=day.organiser_id,
                )
                for day in days
            ]
        )
        # A group activity's competencies come along; its attendance belongs to the old cohort.
        for day, copy in zip(days, copies, strict=True):
            copy.competencies.set(day.competencies.all())
    mentors = User.objects.filter(mentored_placements__traineeship__cohort=source).distinct()
    cohort.mentor_pool.set([*mentors, *source.mentor_pool.all()])
    return cohort


@transaction.atomic
def traineeship_create(
    *,
    programme: Programme,
    values: dict,
    copy_setup: bool,
    by: User,
    new_trainee: dict | None = None,
    base_url: str = "",
) -> Traineeship:
    """Create the traineeship; ``new_trainee`` (name, email) is invited as trainee first, and the
    traineeship waits for the answer without holding HR up."""
    if new_trainee is not None:
        invitation_create(
            organisation=programme.owner,
            email=new_trainee["email"],
            name=new_trainee["name"],
            role=Role.TRAINEE,
            invited_by=by,
            base_url=base_url,
        )
        values = values | {"trainee": User.objects.get(email__iexact=new_trainee["email"].strip())}
    traineeship = Traineeship.objects.create(programme=programme, **values)
    cohort = traineeship.cohort
    if copy_setup and cohort is not None and cohort.model_traineeship_id:
        traineeship_copy_setup(source=cohort.model_traineeship, target=traineeship, by=by)
    # With one employer there is nothing to choose: the placement is the whole traineeship there,
    # so HR can go straight on to choosing the mentor (step 3).
    if not traineeship.programme.partners.exists() and not traineeship.placements.exists():
        Placement.objects.create(
            traineeship=traineeship,
            organisation_id=traineeship.programme.owner_id,
            start_date=traineeship.start_date,
            end_date=traineeship.end_date,
        )
    return traineeship


def traineeship_copy_setup(*, source: Traineeship, target: Traineeship, by: User) -> None:
    """Copy the work profile, profile competencies and chosen activities of ``source`` onto ``target``."""
    profile = WorkProfile.objects.filter(traineeship=source).first()
    if profile is not None:
        profile.pk = None
        profile.traineeship = target
        profile.save()
    ProfileCompetency.objects.bulk_create(
        [
            ProfileCompetency(
                traineeship=target, competency_id=p.competency_id, purpose=p.purpose, target_level=p.target_level
            )
            for p in source.profile_competencies.all()
        ]
    )
    activities = LearningActivity.objects.filter(
        pk__in=source.development_activities.filter(learning_activity__isnull=False).values("learning_activity")
    )
    activities_choose(traineeship=target, activities=list(activities.prefetch_related("competencies")), by=by)


@transaction.atomic
def partner_invite(*, programme, organisation, by: User):
    """Ask ``organisation`` to join ``programme``; asked again after a refusal, the question is open again."""
    from programmes.models import PartnerInvitation

    invitation, created = PartnerInvitation.objects.get_or_create(
        programme=programme, organisation=organisation, defaults={"invited_by": by}
    )
    if not created and invitation.accepted is not True:
        invitation.invited_by, invitation.responded_at, invitation.responded_by, invitation.accepted = (
            by,
            None,
            None,
            None,
        )
        invitation.save()
    return invitation


@transaction.atomic
def partner_answer(*, invitation, accept: bool, by: User) -> None:
    """The invited organisation's HR accepts (it becomes a partner) or declines (it is none)."""
    from django.utils import timezone

    invitation.accepted, invitation.responded_at, invitation.responded_by = accept, timezone.now(), by
    invitation.save(update_fields=["accepted", "responded_at", "responded_by"])
    if accept:
        invitation.programme.partners.add(invitation.organisation)
    else:
        invitation.programme.partners.remove(invitation.organisation)


def partners_changed(*, programme, kept) -> None:
    """Partners the owner unticked end their partnership (their invitation no longer counts as accepted)."""
    from programmes.models import PartnerInvitation

    PartnerInvitation.objects.filter(programme=programme, accepted=True).exclude(organisation__in=kept).delete()


def portfolio_sharing_set(*, traineeship, shared: bool, by: User) -> None:
    """The owner's HR shares the whole portfolio with the partner organisations (or stops); in the audit trail."""
    if traineeship.shared_with_partners == shared:
        return
    traineeship.shared_with_partners = shared
    traineeship.save(update_fields=["shared_with_partners", "updated_at"])
    record(
        organisation=traineeship.programme.owner,
        actor=by,
        action=ProgrammeAction.PORTFOLIO_SHARED,
        subject=traineeship.trainee,
        obj=traineeship,
        params={"variant": "on" if shared else "off"},
    )
