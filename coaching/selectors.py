"""Reads of coaching for pages here and for the home pages composed in ``overview``."""

from django.db.models import Count, Q
from django.utils import timezone

from coaching.models import Coaching, CoachingSession
from coaching.permissions import current_coachings, session_scope


def coachees_of(user):
    """The coach's current coachings with the trainee and the number of sessions so far."""
    today = timezone.localdate()
    return (
        current_coachings(user)
        .select_related("traineeship__trainee", "traineeship__programme")
        .annotate(held=Count("sessions", filter=Q(sessions__date__lte=today)))
        .order_by("traineeship__trainee__name")
    )


def upcoming_sessions(user, limit: int = 10):
    """The next sessions ``user`` takes part in, as coach or trainee."""
    return (
        CoachingSession.objects.filter(session_scope(user))
        .upcoming()
        .select_related("coaching__coach", "coaching__traineeship__trainee")[:limit]
    )


def sessions_of(user):
    return CoachingSession.objects.filter(session_scope(user)).select_related(
        "coaching__coach", "coaching__traineeship__trainee", "coaching__traineeship__programme"
    )


def current_coaching(traineeship):
    return Coaching.objects.current().filter(traineeship=traineeship).select_related("coach").first()


def coach_summary(traineeship) -> dict:
    """What everyone related to the traineeship may see: who coaches and how many sessions took place."""
    coaching = current_coaching(traineeship)
    held = CoachingSession.objects.filter(coaching__traineeship=traineeship, date__lte=timezone.localdate()).count()
    return {"coaching": coaching, "sessions_held": held}


def trainee_coaching(user):
    """The trainee's current coaching on their latest traineeship, for their home page."""
    return (
        Coaching.objects.current()
        .filter(traineeship__trainee=user)
        .select_related("coach", "traineeship")
        .order_by("-traineeship__start_date")
        .first()
    )
