"""Who relates to a traineeship, and so who may see it: the rules, stated once.

A relation holds only while what grants it exists:

* the **trainee** is always related to their own traineeship;
* **HR**, **managers** and **coordinators** of the programme's owner organisation, while
  they hold that role there; the programme's named coordinator while they hold any role in
  the owner or an accepted partner organisation;
* **placement-bound** relations hold for one placement at the owner or an accepted partner
  organisation, until ``GRACE_DAYS`` after it ends (time to finish records): the placement's
  mentor (while a mentor there), its manager (while a manager there), and the HR, managers and
  coordinators of a partner organisation hosting it (``PARTNER``; its HR also ``PARTNER_HR``).

``relations_of`` answers for one traineeship, ``traineeship_scope`` gives the same rule as a
query for lists (``Traineeship.objects.visible_to``); ``tests/test_permissions.py`` proves they
agree for every actor and object of the test world. What each relation may read is a
``organisations.permissions.ReadRule``; the privacy page lists those rules, so it says
exactly what the views do.
"""

from datetime import date, timedelta

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from organisations.models import Membership, Role
from organisations.permissions import ReadRule, lazy_format, register
from organisations.querysets import any_of, compiled_once

# After a placement ends, its mentor, manager and the hosting organisation keep access this
# long to finish the meeting records and sign-offs of that period; then it stops by itself.
GRACE_DAYS = 30

OWNER_STAFF = (Role.HR, Role.MANAGER, Role.COORDINATOR)
# The organisation's reference pages (competency frameworks, the inventory of learning activities
# with its costs) are for its staff; a trainee reaches none of them through a link.
REFERENCE_READERS = (Role.HR, Role.MANAGER, Role.MENTOR, Role.COORDINATOR)


class Relation(models.TextChoices):
    """How a user relates to one traineeship; every permission is decided on these."""

    TRAINEE = "trainee", _("the trainee")
    MENTOR = "mentor", _("the mentor of a placement")
    HR = "hr", _("HR of the organisation running the programme")
    MANAGER = "manager", _("managers of the organisation running the programme, and the placement's manager")
    COORDINATOR = "coordinator", _("the programme coordinator")
    PARTNER = "partner", _("HR, managers and coordinators of a partner organisation, while it hosts a placement")
    PARTNER_HR = "partner_hr", _("HR of a partner organisation hosting a placement")


def _roles_by_organisation(user) -> dict[int, set[str]]:
    roles: dict[int, set[str]] = {}
    for organisation_id, role in Membership.objects.filter(user=user).values_list("organisation", "role"):
        roles.setdefault(organisation_id, set()).add(role)
    return roles


def grace_cutoff(today: date | None = None) -> date:
    """Placements that ended before this day no longer grant anything."""
    return (today or timezone.localdate()) - timedelta(days=GRACE_DAYS)


def placement_is_open(placement, today: date | None = None) -> bool:
    return placement.end_date >= grace_cutoff(today)


def placement_relations(user, placement, roles, partner_ids, owner_id, today=None) -> set[str]:
    """What one placement grants ``user`` (``roles``: their roles per organisation)."""
    organisation = placement.organisation_id
    if not placement_is_open(placement, today) or not (organisation == owner_id or organisation in partner_ids):
        return set()
    held = roles.get(organisation, set())
    relations = set()
    if placement.mentor_id == user.pk and Role.MENTOR in held:
        relations.add(Relation.MENTOR)
    if placement.manager_id == user.pk and Role.MANAGER in held:
        relations.add(Relation.MANAGER)
    if organisation != owner_id and held & set(OWNER_STAFF):
        relations.add(Relation.PARTNER)
        if Role.HR in held:
            relations.add(Relation.PARTNER_HR)
    return relations


def relations_of(user, traineeship, today: date | None = None) -> frozenset[str]:
    """Every way ``user`` relates to ``traineeship`` now (empty: none, so a 404)."""
    if not user.is_authenticated:
        return frozenset()
    roles = _roles_by_organisation(user)
    programme = traineeship.programme
    owner_id = programme.owner_id
    partner_ids = set(programme.partners.values_list("pk", flat=True))
    relations = set()
    if traineeship.trainee_id == user.pk:
        relations.add(Relation.TRAINEE)
    owner_roles = roles.get(owner_id, set())
    relations |= {
        relation
        for role, relation in [
            (Role.HR, Relation.HR),
            (Role.MANAGER, Relation.MANAGER),
            (Role.COORDINATOR, Relation.COORDINATOR),
        ]
        if role in owner_roles
    }
    if programme.coordinator_id == user.pk and roles.keys() & ({owner_id} | partner_ids):
        relations.add(Relation.COORDINATOR)
    for placement in traineeship.placements.all():
        relations |= placement_relations(user, placement, roles, partner_ids, owner_id, today)
    return frozenset(relations)


def open_placements(today: date | None = None):
    """Placements that still grant relations: at the owner or an accepted partner, not ended past the grace period."""
    from programmes.models import Placement

    return Placement.objects.filter(end_date__gte=grace_cutoff(today)).filter(
        Q(organisation=F("traineeship__programme__owner"))
        | Q(organisation__partner_programmes=F("traineeship__programme"))
    )


def mentor_placements(user, today: date | None = None):
    """The placements ``user`` is mentor of now (the ``MENTOR`` relation), for the mentor's own lists."""
    return _mentoring(user.pk, today, held_roles(user))


def _mentoring(user_id: int, today: date | None, held):
    """``mentor_placements`` for the person with the roles ``held``: a mentor where they mentor."""
    return open_placements(today).filter(mentor=user_id, organisation__in=_organisations_with(held, Role.MENTOR))


def held_roles(user) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """``user``'s roles per organisation as a key: (organisation id, sorted roles), sorted."""
    roles = _roles_by_organisation(user)
    return tuple(sorted((organisation, tuple(sorted(held))) for organisation, held in roles.items()))


def _organisations_with(held, *roles) -> list[int]:
    return [organisation for organisation, own in held if set(own) & set(roles)]


def mentored_traineeships(user, today: date | None = None):
    """The ids of the traineeships of ``mentor_placements``, for ``traineeship__in=`` (compiled once a day)."""
    return _mentored_traineeship_ids(user.pk, today or timezone.localdate(), held_roles(user))


@compiled_once
def _mentored_traineeship_ids(user_id: int, today: date, held):
    return _mentoring(user_id, today, held).values("traineeship")


def traineeship_scope(user, today: date | None = None) -> Q:
    """``relations_of(user, t)`` is non-empty exactly for the traineeships this selects."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    return Q(pk__in=_related_traineeship_ids(user.pk, today or timezone.localdate(), held_roles(user)))


@compiled_once
def _related_traineeship_ids(user_id: int, today: date, held):
    """The scope for a person with the roles ``held`` (read fresh on every call, see ``held_roles``).

    The roles are written into the SQL rather than read by a subquery in each part: PostgreSQL
    planned six membership semi-joins per query, 4-6 ms of planning on every list query (issue 13);
    the parts for roles the person lacks are left out.
    """
    from programmes.models import Programme, Traineeship

    staff = _organisations_with(held, *OWNER_STAFF)
    mentoring = _organisations_with(held, Role.MENTOR)
    every = [organisation for organisation, _ in held]
    ids = Traineeship.objects.values("pk")
    parts = [ids.filter(trainee=user_id)]
    # A placement's manager holds the manager role where the placement is, at the owner or a partner:
    # the staff parts below select those traineeships already, so the manager needs no part of their own.
    if staff:
        parts.append(ids.filter(programme__owner__in=staff))
        # The owner's own placements are in the part above: here only those at a partner, found
        # from the partnership (not by reading every placement of a large owner, issue 13).
        parts.append(_hosted_as_partner(today, staff))
    if every:
        coordinated = Programme.objects.filter(coordinator=user_id).filter(Q(owner__in=every) | Q(partners__in=every))
        parts.append(ids.filter(programme__in=coordinated.values("pk")))
    if mentoring:
        parts.append(_mentoring(user_id, today, held).values("traineeship"))
    return any_of(*parts)


def _hosted_as_partner(today: date, organisations: list[int]):
    """The traineeships with an open placement at one of ``organisations`` as an accepted partner."""
    from programmes.models import Placement

    return Placement.objects.filter(
        end_date__gte=grace_cutoff(today),
        organisation__in=organisations,
        traineeship__programme__partners=F("organisation"),
    ).values("traineeship")


def can_manage(user, traineeship) -> bool:
    """Set up and change the traineeship (steps 1 to 3): HR of the owner organisation or the coordinator."""
    return bool(relations_of(user, traineeship) & {Relation.HR, Relation.COORDINATOR})


def mentor_placement(traineeship, user, day: date | None = None):
    """The placement whose mentor ``user`` is, for ``day`` (the latest placement for no day).

    A mentor acts for their own placement's period only: the mentor of one employer does not
    sign or record for another employer's period.
    """
    placements = sorted(traineeship.placements.all(), key=lambda p: p.start_date)
    if not placements:
        return None
    if day is None:
        concerned = placements[-1]
    else:
        concerned = next((p for p in placements if p.start_date <= day <= p.end_date), None)
        if concerned is None:
            # A meeting before the first or between placements belongs to the nearest one before it.
            earlier = [p for p in placements if p.start_date <= day]
            concerned = earlier[-1] if earlier else placements[0]
    return concerned if concerned.mentor_id == user.pk else None


def hosted_periods(user, traineeship) -> list[tuple[date, date]]:
    """The periods (with the grace period after) of placements at organisations where ``user`` is staff."""
    staff_orgs = set(Membership.objects.organisations_of(user, *OWNER_STAFF).values_list("organisation", flat=True))
    return [
        (p.start_date, p.end_date + timedelta(days=GRACE_DAYS))
        for p in traineeship.placements.all()
        if p.organisation_id in staff_orgs
    ]


def relations_for_act(user, traineeship, day: date | None = None) -> frozenset[str]:
    """The relations for acting on a record of ``day`` (None: the end, as for the final evaluation).

    Mentor acts (recording a meeting, confirming it, signing the final evaluation) belong to the
    mentor of the placement concerned, not to a mentor of another employer's period.
    """
    relations = relations_of(user, traineeship)
    if Relation.MENTOR in relations and mentor_placement(traineeship, user, day) is None:
        relations -= {Relation.MENTOR}
    return relations


EVERY_RELATION = tuple(Relation)

TRAINEESHIP = register(
    ReadRule(
        "traineeship",
        20,
        _("Traineeship: programme, dates, education level, pay scale and placements"),
        _("To run the traineeship under its agreement (cao)"),
        EVERY_RELATION,
        lazy_format(
            gettext_noop(
                "A mentor, manager or partner organisation only while its placement lasts and %(days)s days after."
            ),
            {"days": GRACE_DAYS},
        ),
    )
)

PORTFOLIO = register(
    ReadRule(
        "portfolio",
        30,
        _("Portfolio: learning goals, development activities, evidence (files and links) and the final evaluation"),
        _("Your development during the traineeship"),
        (Relation.TRAINEE, Relation.MENTOR, Relation.HR, Relation.MANAGER, Relation.COORDINATOR, Relation.PARTNER),
        lazy_format(
            gettext_noop(
                "A partner organisation reads only the goals, activities and evidence made during its placements "
                "and %(days)s days after, unless HR of the organisation running the programme shares the whole "
                "portfolio with its partners. Whoever may read the portfolio downloads its PDF, without the parts "
                "they may not read; a cohort export only the HR adviser or manager who made it. Every download is "
                "in the audit trail."
            ),
            {"days": GRACE_DAYS},
        ),
    )
)

# These read the whole portfolio; a partner's staff without one of them only its placements' part.
WHOLE_PORTFOLIO = frozenset({Relation.TRAINEE, Relation.MENTOR, Relation.HR, Relation.MANAGER, Relation.COORDINATOR})


def portfolio_windows(user, traineeship, relations) -> list[tuple[date, date]] | None:
    """The periods whose records ``user`` reads in the portfolio; ``None``: all of it.

    A partner organisation's staff read what the trainee made during the placements it hosts
    (and the grace period after), or everything once the owner shares the portfolio with partners.
    """
    if relations & WHOLE_PORTFOLIO or traineeship.shared_with_partners:
        return None
    return hosted_periods(user, traineeship)


def made_within(windows, *lookups: str) -> Q:
    """Records dated (by the first of ``lookups`` that is filled) within one of ``windows``."""
    matched = Q(pk__in=[])
    for start, end in windows:
        filled = Q()
        for lookup in lookups:
            matched |= filled & Q(**{f"{lookup}__gte": start, f"{lookup}__lte": end})
            filled &= Q(**{f"{lookup}__isnull": True})
    return matched


def is_made_within(windows, day) -> bool:
    return windows is None or (day is not None and any(start <= day <= end for start, end in windows))


def portfolio_scope(user):
    """The traineeships whose portfolio ``user`` reads (a partner's staff: a part of it, see
    ``portfolio_windows``): the list form of ``can_read_portfolio``; ``tests/test_permissions.py``
    checks they agree."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    return traineeship_scope(user)


# Position profiles (step 1 before hiring) ------------------------------------------------------------
# A profile belongs to one organisation: outside it, it does not exist (404); inside, only its HR
# writes, reads and prints it (403 for the other roles), since it is the vacancy in the making.


def position_profile_scope(user) -> Q:
    """The position profiles ``user`` can reach at all: those of organisations they belong to
    (a coach's role reaches only the traineeships they coach)."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    return Q(organisation__in=Membership.objects.belonging(user).values("organisation"))


def can_manage_position_profile(user, profile) -> bool:
    """Write, print, archive and hire from a position profile: HR of its organisation."""
    return Membership.objects.filter(user=user, organisation=profile.organisation_id, role=Role.HR).exists()
