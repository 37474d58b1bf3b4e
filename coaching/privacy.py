"""This app's part of a person's data copy and erasure (see ``privacy.services``).

Session content (date, place, notes) is the coach's and the trainee's alone, so it is only in the
person's own copy; a copy HR makes holds who coached and how many sessions there were. Erasing a
trainee removes their coaching and its sessions; erasing a coach ends their coachings (the
sessions stay with the trainee, under the anonymised account's neutral label).
"""

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import ngettext

from coaching.models import Coaching, CoachingSession
from organisations.privacy import Scope


def _iso(value):
    return value.isoformat() if value else None


def _as_trainee(scope: Scope):
    return Coaching.objects.filter(scope.traineeship_filter("traineeship__"))


def _as_coach(scope: Scope):
    coachings = Coaching.objects.filter(coach=scope.person)
    if scope.organisation is not None:
        coachings = coachings.filter(traineeship__programme__owner=scope.organisation)
    return coachings


def _session(session: CoachingSession, *, content: bool) -> dict:
    row = {"date": _iso(session.date)}
    if content:
        row |= {
            "time": session.start_time.isoformat(timespec="minutes"),
            "minutes": session.duration_minutes,
            "mode": session.mode,
            "place": session.location,
            "notes": session.notes,
        }
    return row


def _coachings(coachings, *, content: bool, name_of) -> list[dict]:
    rows = []
    for coaching in coachings.select_related("coach", "traineeship__trainee").annotate(count=Count("sessions")):
        row = {
            "traineeship": coaching.traineeship_id,
            name_of[0]: str(name_of[1](coaching)),
            "since": _iso(coaching.started_on),
            "ended": _iso(coaching.ended_on),
            "sessions": coaching.count,
        }
        if content:
            row["session_records"] = [_session(s, content=True) for s in coaching.sessions.all()]
        rows.append(row)
    return rows


def personal_data(scope: Scope) -> dict:
    content = scope.is_own
    return {
        "my_coaching": _coachings(_as_trainee(scope), content=content, name_of=("coach", lambda c: c.coach)),
        "coaching_as_coach": _coachings(
            _as_coach(scope), content=content, name_of=("trainee", lambda c: c.traineeship.trainee)
        ),
    }


def files(scope: Scope) -> list[tuple[str, bytes]]:
    """No files of this app go into the copy."""
    return []


def erasure_blockers(scope: Scope) -> list[str]:
    """Nothing of this app has a legal term that blocks erasure."""
    return []


def erasure_summary(scope: Scope) -> list[str]:
    summary = []
    sessions = CoachingSession.objects.filter(coaching__in=_as_trainee(scope)).count()
    if _as_trainee(scope).exists():
        summary.append(
            ngettext(
                "the person's coach and %(count)s coaching session",
                "the person's coach and %(count)s coaching sessions",
                sessions,
            )
            % {"count": sessions}
        )
    coached = _as_coach(scope).filter(ended_on__isnull=True).count()
    if coached:
        summary.append(
            ngettext(
                "%(count)s coaching by this person ends (the sessions stay with the trainee, with a neutral label)",
                "%(count)s coachings by this person end (the sessions stay with the trainees, with a neutral label)",
                coached,
            )
            % {"count": coached}
        )
    return summary


def erase(scope: Scope) -> None:
    _as_trainee(scope).delete()
    as_coach = _as_coach(scope)
    as_coach.filter(started_on__isnull=True, ended_on__isnull=True).delete()
    as_coach.filter(ended_on__isnull=True).update(ended_on=timezone.localdate())


def purge_traineeship(traineeship) -> None:
    """Deleting the traineeship row removes its coachings and sessions; no files are left."""
