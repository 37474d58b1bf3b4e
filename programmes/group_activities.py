"""Group activities of a cohort (development days, intervision sessions, training days): who may
register attendance, and what each trainee has on their development plan, in a fixed number of queries.

A group activity is planned once for the cohort; every trainee whose traineeship runs on its date has
it, with no copy of their own that could drift. Only attendance is stored per trainee.
"""

from django.db.models import F, OuterRef, Subquery

from programmes.models import DevelopmentDay, GroupAttendance, Programme, Traineeship
from programmes.permissions import made_within


def may_register_attendance(user, session: DevelopmentDay) -> bool:
    """HR of the owner, the programme's coordinator, or the session's organiser."""
    if not user.is_authenticated:
        return False
    if session.organiser_id == user.pk:
        return True
    return Programme.objects.managed_by(user).filter(pk=session.cohort.programme_id).exists()


def participants(session: DevelopmentDay):
    """The traineeships of the cohort running on the session's date, with their registered attendance."""
    registered = GroupAttendance.objects.filter(session=session, traineeship=OuterRef("pk")).values("status")[:1]
    return (
        Traineeship.objects.filter(
            cohort_id=session.cohort_id, start_date__lte=session.date, end_date__gte=session.date
        )
        .exclude(status="stopped")
        .select_related("trainee")
        .annotate(attendance=Subquery(registered))
        .order_by("trainee__name", "pk")
    )


def sessions_for(traineeship: Traineeship, windows=None):
    """The cohort's group activities within the traineeship's period (and ``windows``, a partner's periods),
    each with this trainee's ``attendance`` (None while not registered)."""
    if traineeship.cohort_id is None:
        return DevelopmentDay.objects.none()
    registered = GroupAttendance.objects.filter(session=OuterRef("pk"), traineeship=traineeship).values("status")[:1]
    sessions = DevelopmentDay.objects.filter(
        cohort_id=traineeship.cohort_id, date__gte=traineeship.start_date, date__lte=traineeship.end_date
    )
    if windows is not None:
        sessions = sessions.filter(made_within(windows, "date"))
    return (
        sessions.select_related("learning_activity", "organiser")
        .prefetch_related("competencies")
        .annotate(attendance=Subquery(registered))
        .order_by("date", F("start_time").asc(nulls_first=True), "pk")
    )
