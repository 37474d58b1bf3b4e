"""The audit trail's acts of coaching: who became whose coach, proposed or ended. Sessions are not
in the trail: their content is the coach's and the trainee's alone."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations import audit


class CoachingAction(models.TextChoices):
    COACH_PROPOSED = "coach.proposed", _("Coach proposed")
    COACH_ASSIGNED = "coach.assigned", _("Coach assigned")
    COACH_ENDED = "coach.ended", _("Coaching ended")


audit.register_actions(
    CoachingAction,
    summaries={
        CoachingAction.COACH_PROPOSED: _("coach: %(coach)s"),
        CoachingAction.COACH_ASSIGNED: _("coach: %(coach)s"),
        f"{CoachingAction.COACH_ASSIGNED}:invited": _("coach: %(coach)s (invited)"),
        CoachingAction.COACH_ENDED: _("coach: %(coach)s"),
        f"{CoachingAction.COACH_ENDED}:declined": _("proposed coach %(coach)s declined"),
    },
)
