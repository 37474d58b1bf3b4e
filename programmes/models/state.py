"""The stored summary of one traineeship: what lists, counts, filters and charts read.

Computing the current step and the risk signals for a whole organisation per request
grows with its size; this row keeps them as data. It is written in the same transaction
as the change of its inputs (``programmes.state``; the computation is composed in
``overview.state``) and daily for what changes with the date alone;
``rebuild_traineeship_state --check`` compares it with a fresh computation.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The risk signals of ``mentors.risks.SIGNALS``, one column each (a test keeps the two lists equal).
RISK_SIGNALS = [
    "no_mentor",
    "no_meeting",
    "overdue_agreements",
    "low_wellbeing",
    "stale_goals",
    "ending_without_final",
    "learning_time",
]

# The fields a fresh computation fills; the equality check compares exactly these.
STATE_FIELDS = [
    "computed_for",
    "current_step",
    *[f"risk_{signal}" for signal in RISK_SIGNALS],
    "at_risk",
    "overdue_agreements",
    "last_meeting_on",
    "next_meeting_on",
    "current_placement_at",
    "learning_hours_logged",
    "current_mentor_id",
]


class TraineeshipState(models.Model):
    traineeship = models.OneToOneField(
        "programmes.Traineeship",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="state",
        verbose_name=_("traineeship"),
    )
    computed_for = models.DateField(_("computed for"))
    current_step = models.PositiveSmallIntegerField(_("current step"))
    risk_no_mentor = models.BooleanField(default=False)
    risk_no_meeting = models.BooleanField(default=False)
    risk_overdue_agreements = models.BooleanField(default=False)
    risk_low_wellbeing = models.BooleanField(default=False)
    risk_stale_goals = models.BooleanField(default=False)
    risk_ending_without_final = models.BooleanField(default=False)
    risk_learning_time = models.BooleanField(default=False)
    at_risk = models.BooleanField(_("at risk"), default=False)
    # The data of the reasons in words (``mentors.risks.reasons``).
    overdue_agreements = models.PositiveIntegerField(default=0)
    last_meeting_on = models.DateField(null=True, blank=True)
    next_meeting_on = models.DateField(null=True, blank=True)
    current_placement_at = models.CharField(max_length=200, blank=True)
    learning_hours_logged = models.DecimalField(max_digits=8, decimal_places=1, default=0)
    # The mentor of today's placement in a running traineeship: a mentor's load is a count of these rows.
    current_mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("current mentor"),
    )

    class Meta:
        verbose_name = _("traineeship state")
        verbose_name_plural = _("traineeship states")
        indexes = [
            models.Index(
                fields=["current_mentor"], name="state_mentor_load", condition=models.Q(current_mentor__isnull=False)
            ),
            models.Index(fields=["current_step"], name="state_current_step"),
            models.Index(fields=["at_risk"], name="state_at_risk", condition=models.Q(at_risk=True)),
            models.Index(fields=["computed_for"], name="state_computed_for"),
        ]

    def __str__(self):
        return f"{self.traineeship_id}: step {self.current_step}"

    def as_dict(self) -> dict:
        return {field: getattr(self, field) for field in STATE_FIELDS}
