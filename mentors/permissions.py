"""Who reads what of the progress meetings and mentor profiles, and who acts as mentor.

Rules on the relations of ``programmes.permissions``; views and the portfolio PDF check
them and the privacy page lists them.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisations.models import Role
from organisations.permissions import ReadRule, register
from programmes.permissions import Relation, made_within, portfolio_windows

R = Relation

# Who sees an organisation's mentor profiles (experience, capacity, agreed hours):
# its own HR and managers; a mentor sees their own.
PROFILE_READERS = (Role.HR, Role.MANAGER)

MEETINGS = register(
    ReadRule(
        "meetings",
        50,
        _("Progress meetings: notes, agreements and addenda"),
        _("Guidance by your mentor"),
        (R.TRAINEE, R.MENTOR, R.HR, R.MANAGER, R.COORDINATOR, R.PARTNER),
        _("A partner organisation only the meetings held while it hosts your placement."),
    )
)

WELLBEING = register(
    ReadRule(
        "wellbeing",
        55,
        _("Workload and wellbeing signals of progress meetings (in words, never a diagnosis)"),
        _("To notice in time when the traineeship asks too much"),
        (R.TRAINEE, R.MENTOR, R.HR, R.MANAGER),
    )
)

MENTOR_NOTE = register(
    ReadRule(
        "mentor_note",
        60,
        _("The mentor's private note on a meeting"),
        _("The mentor's own preparation"),
        (),
        _("Only the mentor who wrote it; never in a copy, PDF or export."),
    )
)

MENTOR_PROFILES = register(
    ReadRule(
        "mentor_profiles",
        70,
        _("Mentor profile: experience, coaching training, capacity and agreed hours"),
        _("To choose a mentor with enough experience and time"),
        PROFILE_READERS,
        _("Of the organisation the profile belongs to, and the mentor themselves; never another organisation."),
    )
)


def meetings_scope(user, traineeship, relations) -> Q:
    """The meetings of ``traineeship`` the user reads: every one for the trainee, mentors and the owner's
    staff; for a partner organisation's staff only those held while it hosts the trainee (plus grace),
    unless the owner shares the whole portfolio with its partners (the same periods as the portfolio's)."""
    if not MEETINGS.allows(relations):
        return Q(pk__in=[])
    windows = portfolio_windows(user, traineeship, relations)
    return Q() if windows is None else made_within(windows, "date")


# Who may plan a progress meeting for a traineeship.
PLANNERS = {R.MENTOR, R.HR, R.COORDINATOR, R.MANAGER, R.PARTNER_HR}
# Who opens step 3, choosing mentors (each for the placements ``placement_chooser`` allows).
MENTOR_CHOOSERS = {R.HR, R.COORDINATOR, R.PARTNER_HR}


def placement_chooser(traineeship, relations, hr_organisations):
    """Whether the user chooses the mentor of a placement: the owner's HR and the coordinator for
    placements at the owner, a partner's HR for its own. A mentor is a person of the organisation
    hosting the placement: the owner neither sees a partner's mentor profiles nor assigns its mentors."""
    manage = bool(relations & {R.HR, R.COORDINATOR})
    owner_id = traineeship.programme.owner_id

    def check(placement):
        if placement.organisation_id == owner_id:
            return manage
        return R.PARTNER_HR in relations and placement.organisation_id in hr_organisations

    return check
