"""Writes of group activities: the session with its competencies, and attendance per trainee."""

from django.db import transaction

from organisations import audit
from programmes import content_version, state
from programmes.audit import ProgrammeAction
from programmes.models import DevelopmentDay, GroupAttendance, Traineeship


@transaction.atomic
def group_activity_save(*, session: DevelopmentDay, competencies) -> DevelopmentDay:
    session.save()
    session.competencies.set(competencies)
    content_version.touch(Traineeship.objects.filter(cohort_id=session.cohort_id))
    return session


@transaction.atomic
def group_activity_delete(*, session: DevelopmentDay) -> None:
    cohort_id = session.cohort_id
    session.delete()
    content_version.touch(Traineeship.objects.filter(cohort_id=cohort_id))


@transaction.atomic
def attendance_save(*, session: DevelopmentDay, statuses: dict[Traineeship, str], by) -> int:
    """Store each trainee's attendance (an empty status removes a registration); returns how many are registered."""
    cleared = [t.pk for t, status in statuses.items() if not status]
    GroupAttendance.objects.filter(session=session, traineeship_id__in=cleared).delete()
    rows = [
        GroupAttendance(session=session, traineeship=t, status=status, recorded_by=by)
        for t, status in statuses.items()
        if status
    ]
    GroupAttendance.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["session", "traineeship"],
        update_fields=["status", "recorded_by", "recorded_at"],
    )
    content_version.touch([t.pk for t in statuses])
    # A bulk write sends no signals: the stored state (learning time) is refreshed here.
    state.refresh([t.pk for t in statuses])
    audit.record(
        organisation=session.cohort.programme.owner,
        actor=by,
        action=ProgrammeAction.ATTENDANCE_SAVED,
        obj=session,
        params={"topic": session.topic, "date": str(session.date), "registered": len(rows)},
    )
    return len(rows)
