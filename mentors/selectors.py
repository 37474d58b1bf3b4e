"""Reads that span models; what other apps and the top-level pages may ask of this app."""

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mentors.models import Agreement, Meeting, MentorProfile
from organisations.models import User
from organisations.querysets import any_of
from programmes.lifecycle import not_over_q, running_q
from programmes.models import Placement, Traineeship, TraineeshipState
from programmes.permissions import mentor_placements, mentored_traineeships
from programmes.state import ensure_fresh, with_state


def current_mentees(today=None):
    """Placements that count against a mentor's capacity: covering today, in a running traineeship
    (a future placement is not load yet, an ended one no longer)."""
    today = today or timezone.localdate()
    return Placement.objects.filter(
        running_q(today, prefix="traineeship__"), mentor__isnull=False, start_date__lte=today, end_date__gte=today
    )


def mentor_load(organisation, today=None, *, users: list[User]) -> list[dict]:
    """``users`` (a page of ``mentors_by_name``, or ``mentors_by_load``) in their order, with their
    profile at ``organisation`` and mentees against capacity (a fixed number of queries); never every mentor of a
    large organisation at once."""
    profiles = {
        p.user_id: p for p in MentorProfile.objects.filter(organisation=organisation, user__in=[u.pk for u in users])
    }
    # The stored state keeps each running traineeship's mentor of today: the load is a count of rows.
    ensure_fresh(today)
    counts = dict(
        TraineeshipState.objects.filter(current_mentor__in=[u.pk for u in users])
        .order_by()
        .values("current_mentor")
        .annotate(n=Count("pk"))
        .values_list("current_mentor", "n")
    )
    rows = []
    for user in users:
        profile = profiles.get(user.pk)
        mentees = counts.get(user.pk, 0)
        capacity = profile.capacity if profile else None
        rows.append(
            {
                "user": user,
                "profile": profile,
                "mentees": mentees,
                "capacity": capacity,
                "over_capacity": capacity is not None and mentees > capacity,
                "at_capacity": capacity is not None and mentees >= capacity,
            }
        )
    return rows


def mentors_by_name(organisation):
    """The organisation's mentors as people, by name (to page through in SQL)."""
    return User.objects.mentors_of(organisation).order_by("name", "pk")


def mentors_by_load(organisation, today=None, *, limit: int = 10, busiest_first: bool = True) -> list[User]:
    """The ``limit`` mentors of the organisation with the most (or the fewest) mentees today, ties by name."""
    ensure_fresh(today)
    mentees = (
        TraineeshipState.objects.filter(current_mentor=OuterRef("pk"))
        .order_by()
        .values("current_mentor")
        .annotate(n=Count("pk"))
        .values("n")
    )
    busiest = mentors_by_name(organisation).annotate(mentees=Subquery(mentees))
    load = F("mentees").desc(nulls_last=True) if busiest_first else F("mentees").asc(nulls_first=True)
    return list(busiest.order_by(load, "name", "pk")[:limit])


def mentor_warnings(row: dict) -> list[str]:
    """Why choosing this mentor deserves a second look (a warning, never a block)."""
    warnings = []
    if row["profile"] is None:
        warnings.append(_("%(name)s has no mentor profile yet.") % {"name": row["user"]})
    else:
        if row["at_capacity"]:
            warnings.append(
                ngettext(
                    "%(name)s already has %(mentees)s mentee for a capacity of %(capacity)s.",
                    "%(name)s already has %(mentees)s mentees for a capacity of %(capacity)s.",
                    row["mentees"],
                )
                % {"name": row["user"], "mentees": row["mentees"], "capacity": row["capacity"]}
            )
        if not row["profile"].is_trained:
            warnings.append(_("%(name)s has not done a coaching training.") % {"name": row["user"]})
    return warnings


def next_meeting_subquery(today=None):
    today = today or timezone.localdate()
    return Subquery(
        Meeting.objects.filter(traineeship=OuterRef("pk"), recorded_at__isnull=True, date__gte=today)
        .order_by("date", "start_time")
        .values("date")[:1]
    )


def mentees_of(user, today=None):
    """The running traineeships ``user`` mentors, with next meeting, open agreements and signals."""
    today = today or timezone.localdate()
    # The ids first (one indexed query, a mentor has few mentees): as a subquery, PostgreSQL took the
    # placements' owner-or-partner condition for one row and joined every traineeship first (0.5 s
    # at 100,000 traineeships).
    mentored = list(mentor_placements(user, today).values_list("traineeship", flat=True))
    open_agreements = (
        Agreement.objects.open()
        .filter(traineeship=OuterRef("pk"))
        .order_by()
        .values("traineeship")
        .annotate(n=Count("pk"))
        .values("n")
    )
    queryset = (
        Traineeship.objects.filter(not_over_q(today), pk__in=mentored)
        .with_people()
        .annotate(open_agreements=Subquery(open_agreements))
        .order_by("trainee__name")
    )
    # The next meeting and the signals come from the stored state (programmes.state).
    return with_state(queryset, today)


def meetings_of(user):
    """Meetings of the traineeships where ``user`` is the trainee or a mentor now."""
    mentored = mentor_placements(user).values("traineeship")
    return (
        Meeting.objects.filter(traineeship__in=any_of(Traineeship.objects.filter(trainee=user).values("pk"), mentored))
        .select_related("traineeship__trainee", "traineeship__programme")
        .order_by("-date", "-start_time")
    )


def open_agreements_for(user, today=None):
    """Open agreements ``user`` owns, and those of the traineeships they mentor (while they relate to them)."""
    mentored = mentored_traineeships(user, today)
    ids = Agreement.objects.open().values("pk")
    return (
        Agreement.objects.open()
        .filter(pk__in=any_of(ids.filter(owner=user), ids.filter(traineeship__in=mentored)))
        .filter(traineeship__in=Traineeship.objects.visible_to(user))
        .select_related("owner", "traineeship__trainee", "meeting")
        .order_by("due_date", "pk")
    )


def records_to_confirm(user):
    """Recorded meetings waiting for ``user``'s confirmation (as trainee, or as the mentor who recorded)."""
    return (
        Meeting.objects.awaiting_confirmation_of(user, recorded_in=mentored_traineeships(user))
        .select_related("traineeship__trainee")
        .order_by("date")
    )


def next_meeting_for_trainee(user, today=None):
    today = today or timezone.localdate()
    return (
        Meeting.objects.planned()
        .filter(traineeship__trainee=user, date__gte=today)
        .select_related("traineeship__programme")
        .order_by("date", "start_time")
        .first()
    )


def meeting_records_for_export(traineeship: Traineeship) -> list[dict]:
    """Recorded meetings of a traineeship for the portfolio: never the mentor's private note."""
    return list(
        Meeting.objects.recorded()
        .filter(traineeship=traineeship)
        .order_by("date")
        .values("pk", "kind", "date", "notes", "workload", "wellbeing", "trainee_confirmed_at", "mentor_confirmed_at")
    )


def recent_meetings(traineeship: Traineeship, readable: Q, limit: int = 5):
    """The latest meetings of one traineeship the reader may read (``mentors.permissions.meetings_scope``),
    planned and recorded, newest first, for its stappenplan."""
    return Meeting.objects.filter(readable, traineeship=traineeship).order_by("-date", "-start_time")[:limit]


def kick_off_held(traineeship: Traineeship) -> bool:
    return Meeting.objects.recorded().filter(traineeship=traineeship, kind="kick_off").exists()


def mentors_of_organisation(organisation):
    return User.objects.mentors_of(organisation).order_by("name")
