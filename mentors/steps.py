"""The stappenplan checks this app owns (see programmes.steps.Check)."""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from mentors.models import Meeting, MeetingKind
from programmes.models import Placement
from programmes.steps import Check


def _mentor_chosen():
    """At least one placement, and none without a mentor."""
    placements = Placement.objects.filter(traineeship=OuterRef("pk"))
    return Exists(placements) & ~Exists(placements.filter(mentor__isnull=True))


def _kick_off_held():
    return Exists(
        Meeting.objects.filter(traineeship=OuterRef("pk"), kind=MeetingKind.KICK_OFF, recorded_at__isnull=False)
    )


# Step 3: every placement has a mentor.
STEP3 = [
    Check(
        "mentor_chosen",
        _("Not every placement has a mentor yet."),
        _mentor_chosen,
        _("Choose a mentor"),
        "mentors:traineeship_mentors",
    ),
]
# Step 4: progress meetings are under way: the kick-off meeting is held.
STEP4 = [
    Check(
        "kick_off_held",
        _("The kick-off meeting has not been held and recorded yet."),
        _kick_off_held,
        _("Plan a meeting"),
        "mentors:meeting_plan",
    ),
]
