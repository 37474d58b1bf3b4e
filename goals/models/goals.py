"""Learning goals of the development plan, and their progress over time.

They live in their own app above programmes because three apps build on them: the
portfolio (the plan, the mentor's approval), the mentors' progress meetings (progress
per goal) and the signals (goals without progress).
"""

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from competencies.models import Competency
from organisations.models import User
from programmes.models import Traineeship, TraineeshipScopedQuerySet


class LearningGoal(models.Model):
    """A SMART learning goal: what, how it is measured, by when; linked to competencies and talents."""

    class Scope(models.TextChoices):
        INDIVIDUAL = "individual", _("Individual goal")
        EVERYONE = "everyone", _("Something every employee must learn")

    class Status(models.TextChoices):
        # Who may move a goal from one status to another: ``portfolios.goal_states``.
        DRAFT = "draft", _("Draft")
        PROPOSED = "proposed", _("Awaiting approval")
        ACTIVE = "active", _("Approved, in progress")
        ACHIEVED = "achieved", _("Achieved")
        DROPPED = "dropped", _("Stopped")

    traineeship = models.ForeignKey(
        Traineeship, on_delete=models.CASCADE, related_name="learning_goals", verbose_name=_("traineeship")
    )
    title = models.CharField(_("what do you want to learn?"), max_length=300)
    measure = models.TextField(_("how will you and your mentor know it is reached?"), blank=True)
    deadline = models.DateField(_("by when"), null=True, blank=True)
    competencies = models.ManyToManyField(
        Competency, blank=True, related_name="learning_goals", verbose_name=_("competencies")
    )
    talents = models.CharField(_("talents it builds on"), max_length=300, blank=True)
    scope = models.CharField(_("kind of goal"), max_length=12, choices=Scope.choices, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    approved_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("approved by")
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Optimistic locking: a save based on an older version is refused.
    version = models.PositiveIntegerField(default=1)

    objects = TraineeshipScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("learning goal")
        verbose_name_plural = _("learning goals")
        ordering = ["deadline", "pk"]
        db_table = "programmes_learninggoal"  # moved from programmes; the table kept its name
        indexes = [
            models.Index(fields=["traineeship", "status"]),
            # The stappenplan's questions "any goal approved?" and "an approved goal without a
            # kind?" per traineeship; the second matches almost nothing (PostgreSQL plans, issue 13).
            models.Index(fields=["traineeship"], condition=Q(approved_at__isnull=False), name="learninggoal_approved"),
            models.Index(
                fields=["traineeship"],
                condition=Q(approved_at__isnull=False, scope=""),
                name="learninggoal_approved_no_kind",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None


class GoalProgress(models.Model):
    """Progress on a learning goal at a moment: from a progress meeting or the trainee's own update."""

    class Source(models.TextChoices):
        MEETING = "meeting", _("Progress meeting")
        UPDATE = "update", _("Update in the portfolio")

    goal = models.ForeignKey(LearningGoal, on_delete=models.CASCADE, related_name="progress", verbose_name=_("goal"))
    recorded_on = models.DateField(_("date"))
    progress = models.PositiveSmallIntegerField(_("progress (%)"), validators=[MaxValueValidator(100)])
    note = models.TextField(_("note"), blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.UPDATE)
    recorded_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("progress on a goal")
        verbose_name_plural = _("progress on goals")
        ordering = ["goal", "-recorded_on", "-pk"]
        db_table = "programmes_goalprogress"  # moved from programmes; the table kept its name
        indexes = [models.Index(fields=["goal", "-recorded_on"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="progress_at_most_100"),
        ]

    def __str__(self):
        return f"{self.goal}: {self.progress}%"
