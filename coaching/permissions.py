"""Who may see and do what in coaching: the rules, stated once.

The coach is deliberately *not* a ``programmes.permissions.Relation``: being someone's coach
grants nothing of the traineeship's own pages (stappenplan, portfolio, meetings, evaluations),
so every page outside this app stays a 404 for a coach. The coach relation holds while the
coaching is current and the coach holds the ``coach`` role in the organisation running the
programme (an outside coach gets that role by accepting their invitation; removing it ends
access at once).

* the **coach** reads and writes the sessions of their current coaching, and reads only what
  the trainee shares with the coach (``SHARED_WITH_COACH``);
* the **trainee** reads every session of their traineeship and proposes a coach;
* HR and the coordinator (``can_manage``) assign or end a coach;
* everyone else related to the traineeship sees only *that* a coach is assigned and the
  number of sessions (``COACH_ASSIGNED``), never a session's date, place or notes.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisations.models import Membership, Role
from organisations.permissions import ReadRule, register
from organisations.querysets import any_of
from programmes.permissions import EVERY_RELATION, Relation, can_manage, relations_of, traineeship_scope


class CoachRelation(models.TextChoices):
    COACH = "coach", _("the trainee's coach")


def current_coachings(user):
    """The coachings that make ``user`` a coach now."""
    from coaching.models import Coaching

    if not user.is_authenticated:
        return Coaching.objects.none()
    coach_orgs = Membership.objects.organisations_of(user, Role.COACH)
    return Coaching.objects.current().filter(coach=user, traineeship__programme__owner__in=coach_orgs)


def coached_scope(user) -> Q:
    """The traineeships ``user`` coaches now, as a condition on ``Traineeship``."""
    return Q(pk__in=current_coachings(user).values("traineeship"))


def coaching_page_scope(user) -> Q:
    """Whose coaching page ``user`` reaches: every traineeship they relate to, and those they coach."""
    return traineeship_scope(user) | coached_scope(user)


def session_scope(user) -> Q:
    """Sessions ``user`` reads: their own traineeship's, and those of the coaching they hold now."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    from coaching.models import CoachingSession

    # A UNION of two indexed look-ups: an OR across the joined tables read every session (issue 13).
    ids = CoachingSession.objects.values("pk")
    return Q(
        pk__in=any_of(
            ids.filter(coaching__traineeship__trainee=user),
            ids.filter(coaching__in=current_coachings(user).values("pk")),
        )
    )


def coaching_relations(user, traineeship) -> frozenset[str]:
    """``relations_of`` plus the coach relation when ``user`` coaches ``traineeship`` now."""
    relations = set(relations_of(user, traineeship))
    if current_coachings(user).filter(traineeship=traineeship).exists():
        relations.add(CoachRelation.COACH)
    return frozenset(relations)


def may_assign(user, traineeship) -> bool:
    """Assigning or ending a coach is setting up the traineeship: HR of the owner or the coordinator."""
    return can_manage(user, traineeship)


PROPOSERS = frozenset({Relation.TRAINEE})
SESSION_WRITERS = frozenset({CoachRelation.COACH})

COACHING_SESSIONS = register(
    ReadRule(
        "coaching_sessions",
        52,
        _("Coaching sessions: date, time, place and notes"),
        _("One-to-one coaching by an independent coach"),
        (Relation.TRAINEE, CoachRelation.COACH),
        _(
            "Only you and your coach. HR, your mentor, managers and the coordinator see that you have a coach "
            "and how many sessions took place, never what was said; sessions are in nobody else's copy, PDF "
            "or export."
        ),
    )
)

COACH_ASSIGNED = register(
    ReadRule(
        "coach_assigned",
        51,
        _("Your coach's name and the number of coaching sessions"),
        _("So the people guiding your traineeship know you have a coach"),
        EVERY_RELATION,
    )
)

SHARED_WITH_COACH = register(
    ReadRule(
        "shared_with_coach",
        53,
        _("Reflections you share with your coach"),
        _("Preparing a coaching session"),
        (Relation.TRAINEE, CoachRelation.COACH),
        _("Your coach reads only what you mark as shared with your coach, and nothing else of your traineeship."),
    )
)
