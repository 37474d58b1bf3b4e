"""Step 1 before anyone is hired: the position profile HR writes for the vacancy and the selection.

It holds what a traineeship's work profile and profile competencies will hold (seed 000, step 1),
for a programme and cohort; when someone is hired, the traineeship is created from it and the
profile is carried over (``programmes.services_position_profiles``). A profile can fill several
traineeships (the same vacancy twice) and is archived when it is no longer needed.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from competencies.models import Competency, CompetencyLevel
from organisations.models import Organisation, User
from programmes.models.programmes import Cohort, Programme
from programmes.models.traineeships import ProfileCompetency, Traineeship, WorkProfile


class PositionProfileQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Profiles of the organisations the user belongs to; the rule is ``programmes.permissions``."""
        from programmes.permissions import position_profile_scope

        return self.filter(position_profile_scope(user))


class PositionProfile(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ARCHIVED = "archived", _("Archived")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="position_profiles", verbose_name=_("organisation")
    )
    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="position_profiles", verbose_name=_("programme")
    )
    cohort = models.ForeignKey(
        Cohort,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="position_profiles",
        verbose_name=_("cohort"),
    )
    # With several employers in the programme: where the trainee will work.
    employer = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("employer"),
        help_text=_("The organisation where the trainee will work, when the programme has several."),
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(
        _("kind of work"), max_length=12, choices=WorkProfile.Kind.choices, default=WorkProfile.Kind.TASKS
    )
    tasks = models.TextField(_("tasks"), blank=True)
    assignment = models.TextField(_("assignment"), blank=True)
    end_result = models.TextField(_("concrete end result"), blank=True)
    work_needed = models.TextField(_("Which work is needed to reach the end result?"), blank=True)
    independence = models.TextField(_("Can this trainee carry out the assignment independently?"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    traineeships = models.ManyToManyField(
        Traineeship, blank=True, related_name="position_profiles", verbose_name=_("traineeships filled")
    )
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # Also moved when the competencies change: the stored PDF is fresh while this is unchanged.
    updated_at = models.DateTimeField(auto_now=True)

    objects = PositionProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("position profile")
        verbose_name_plural = _("position profiles")
        ordering = ["status", "title", "pk"]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programmes:position_profile_detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class PositionProfileCompetency(models.Model):
    """A competency of the position profile: required at the start (selection) or to be developed."""

    profile = models.ForeignKey(
        PositionProfile, on_delete=models.CASCADE, related_name="competencies", verbose_name=_("position profile")
    )
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="+", verbose_name=_("competency"))
    purpose = models.CharField(_("purpose"), max_length=10, choices=ProfileCompetency.Purpose.choices)
    target_level = models.CharField(
        _("level aimed for"), max_length=15, choices=CompetencyLevel.choices, default=CompetencyLevel.STARTBEKWAAM
    )

    class Meta:
        verbose_name = _("competency of a position profile")
        verbose_name_plural = _("competencies of a position profile")
        ordering = ["competency__position", "competency__code"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "competency"], name="unique_position_profile_competency"),
        ]

    def __str__(self):
        return f"{self.competency} ({self.get_purpose_display()})"
