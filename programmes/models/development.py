"""Step 2: the development activities of one traineeship, from the inventory or the trainee's own."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from competencies.models import ActivityCategory, ActivityKind, Competency, LearningActivity
from organisations.models import User
from programmes.models.registers import ReflectionForm
from programmes.models.traineeships import Traineeship, TraineeshipScopedQuerySet


class DevelopmentActivity(models.Model):
    """A learning activity of one traineeship: chosen from the inventory (step 2) or the trainee's own.

    The portfolio records it as planned, in progress or done, with the hours spent.
    """

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    traineeship = models.ForeignKey(
        Traineeship, on_delete=models.CASCADE, related_name="development_activities", verbose_name=_("traineeship")
    )
    learning_activity = models.ForeignKey(
        LearningActivity,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="development_activities",
        verbose_name=_("from the inventory"),
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("formal or informal"), max_length=10, choices=ActivityKind.choices)
    category = models.CharField(_("category"), max_length=15, choices=ActivityCategory.choices)
    description = models.TextField(_("description"), blank=True)
    competencies = models.ManyToManyField(
        Competency, blank=True, related_name="development_activities", verbose_name=_("competencies")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    planned_date = models.DateField(_("planned for"), null=True, blank=True)
    completed_on = models.DateField(_("done on"), null=True, blank=True)
    hours = models.DecimalField(
        _("hours"), max_digits=6, decimal_places=1, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    # What a professional register counts (SKJ, Registerplein); the certificate is evidence in the portfolio.
    register_category = models.ForeignKey(
        "programmes.RegisterCategory",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="development_activities",
        verbose_name=_("register category"),
    )
    reflection_form = models.CharField(
        _("form of reflection"), max_length=20, choices=ReflectionForm.choices, blank=True
    )
    register_points = models.DecimalField(
        _("register points"), max_digits=6, decimal_places=1, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    face_to_face_hours = models.DecimalField(
        _("face-to-face hours"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("For reflection: the hours of contact, as on the signed statement."),
    )
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    accreditation_number = models.CharField(_("accreditation number"), max_length=60, blank=True)
    added_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TraineeshipScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("development activity")
        verbose_name_plural = _("development activities")
        ordering = ["planned_date", "title"]

    def __str__(self):
        return self.title
