"""Writes of coaching: assigning, proposing and ending a coach, and the coach's sessions.
Keyword-only functions taking cleaned values; acts on the relation leave an audit entry."""

from datetime import date, time

from django.db import transaction
from django.utils import timezone

from coaching.audit import CoachingAction
from coaching.models import Coaching, CoachingSession
from organisations import audit
from organisations.models import Role, User
from organisations.services import invitation_create
from programmes.models import Traineeship


def _record(action, *, coaching: Coaching, by: User, variant: str = "") -> None:
    params = {"coach": str(coaching.coach)}
    if variant:
        params["variant"] = variant
    audit.record(
        organisation=coaching.traineeship.programme.owner,
        actor=by,
        action=action,
        subject=coaching.traineeship.trainee,
        obj=coaching,
        params=params,
    )


def _end_current(traineeship: Traineeship, by: User, today: date) -> None:
    for current in Coaching.objects.current().filter(traineeship=traineeship).select_related("coach"):
        current.ended_on = today
        current.save(update_fields=["ended_on"])
        _record(CoachingAction.COACH_ENDED, coaching=current, by=by)


@transaction.atomic
def coach_assign(*, traineeship: Traineeship, coach: User, by: User, variant: str = "") -> Coaching:
    """Make ``coach`` the traineeship's coach from today; a current coach ends, a proposal is answered."""
    today = timezone.localdate()
    _end_current(traineeship, by, today)
    proposal = Coaching.objects.proposed().filter(traineeship=traineeship).first()
    if proposal is not None and proposal.coach_id == coach.pk:
        coaching = proposal
        coaching.started_on, coaching.assigned_by = today, by
        coaching.save(update_fields=["started_on", "assigned_by"])
    else:
        if proposal is not None:
            proposal.ended_on = today
            proposal.save(update_fields=["ended_on"])
        coaching = Coaching.objects.create(traineeship=traineeship, coach=coach, assigned_by=by, started_on=today)
    _record(CoachingAction.COACH_ASSIGNED, coaching=coaching, by=by, variant=variant)
    return coaching


@transaction.atomic
def coach_invite(*, traineeship: Traineeship, name: str, email: str, by: User, base_url: str) -> Coaching:
    """Invite an outside coach to the organisation running the programme (the ``coach`` role only)
    and make them the coach: they see the traineeship once they accept, and nothing else."""
    invitation_create(
        organisation=traineeship.programme.owner,
        email=email,
        name=name,
        role=Role.COACH,
        invited_by=by,
        base_url=base_url,
    )
    coach = User.objects.get(email__iexact=email.strip())
    return coach_assign(traineeship=traineeship, coach=coach, by=by, variant="invited")


@transaction.atomic
def coach_propose(*, traineeship: Traineeship, coach: User, by: User) -> Coaching:
    """The trainee proposes a coach; HR confirms or declines. A new proposal replaces an open one."""
    Coaching.objects.proposed().filter(traineeship=traineeship).delete()
    coaching = Coaching.objects.create(traineeship=traineeship, coach=coach, proposed_by=by)
    _record(CoachingAction.COACH_PROPOSED, coaching=coaching, by=by)
    return coaching


@transaction.atomic
def proposal_decline(*, coaching: Coaching, by: User) -> None:
    coaching.ended_on = timezone.localdate()
    coaching.save(update_fields=["ended_on"])
    _record(CoachingAction.COACH_ENDED, coaching=coaching, by=by, variant="declined")


@transaction.atomic
def coaching_end(*, coaching: Coaching, by: User) -> None:
    _end_current(coaching.traineeship, by, timezone.localdate())


@transaction.atomic
def session_plan(
    *,
    coaching: Coaching,
    date: date,
    start_time: time,
    duration_minutes: int,
    mode: str,
    location: str,
    notes: str = "",
) -> CoachingSession:
    session = CoachingSession(
        coaching=coaching,
        date=date,
        start_time=start_time,
        duration_minutes=duration_minutes,
        mode=mode,
        location=location,
        notes=notes,
    )
    session.full_clean()
    session.save()
    return session


@transaction.atomic
def session_update(*, session: CoachingSession, values: dict) -> CoachingSession:
    """Change the fields in ``values`` (the coach: any; the trainee: the notes)."""
    for name, value in values.items():
        setattr(session, name, value)
    session.full_clean()
    session.save(update_fields=list(values))
    return session


@transaction.atomic
def session_delete(*, session: CoachingSession) -> None:
    session.delete()
