"""Professional registers (SKJ, Registerplein): what re-registration asks per category, and who is registered.

The numbers are data an organisation's HR edits, because the registers change their rules;
``programmes.registers`` holds the presets.
"""

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from organisations.models import Membership, Organisation
from programmes.models.traineeships import Traineeship, TraineeshipScopedQuerySet


class RegisterPreset(models.TextChoices):
    SKJ = "skj", _("SKJ (youth and family professional)")
    REGISTERPLEIN = "registerplein", _("Registerplein (social worker)")
    OWN = "own", _("Own register")


class CategoryKind(models.TextChoices):
    TRAINING = "training", _("Training and courses")
    REFLECTION = "reflection", _("Reflection")
    FREE = "free", _("Other professional development")
    WORK_EXPERIENCE = "work", _("Work experience")


class Unit(models.TextChoices):
    POINTS = "points", _("points")
    HOURS = "hours", _("hours")


class ReflectionForm(models.TextChoices):
    """The forms of reflection that registers accept, for activities and meetings."""

    SUPERVISION = "supervision", _("Supervision")
    INTERVISION = "intervision", _("Intervision")
    CASE_CONSULTATION = "case_consultation", _("Case consultation")
    COACHING = "coaching", _("Work-based coaching")
    MENTORING = "mentoring", _("Mentoring")


class RegisterQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisation__in=Membership.objects.belonging(user).values("organisation"))


class Register(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="registers", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=200)
    preset = models.CharField(_("based on"), max_length=15, choices=RegisterPreset.choices, default=RegisterPreset.OWN)
    period_years = models.PositiveSmallIntegerField(
        _("registration period (years)"), default=5, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    where_to_check = models.URLField(
        _("where to check the current rules"),
        blank=True,
        help_text=_("The register's page with its current re-registration requirements."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = RegisterQuerySet.as_manager()

    class Meta:
        verbose_name = _("professional register")
        verbose_name_plural = _("professional registers")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"],
                name="register_name_unique_per_organisation",
                violation_error_message=_("Your organisation already has a register with this name."),
            ),
        ]

    def __str__(self):
        return self.name

    def current_period(self, registered_on: datetime.date, today: datetime.date) -> tuple[datetime.date, datetime.date]:
        """The period of ``period_years`` that holds today, counted from the registration date."""
        start = registered_on
        while True:
            end = _add_years(start, max(1, self.period_years))
            if today < end or end == datetime.date.max:
                return start, end - datetime.timedelta(days=1) if end != datetime.date.max else end
            start = end


def _add_years(day: datetime.date, years: int) -> datetime.date:
    if day.year + years > datetime.MAXYEAR:
        return datetime.date.max
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class RegisterCategory(models.Model):
    register = models.ForeignKey(
        Register, on_delete=models.CASCADE, related_name="categories", verbose_name=_("register")
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=CategoryKind.choices)
    unit = models.CharField(_("counted in"), max_length=6, choices=Unit.choices, default=Unit.POINTS)
    required = models.DecimalField(
        _("required over the period"), max_digits=7, decimal_places=1, validators=[MinValueValidator(0)]
    )
    cap = models.DecimalField(
        _("counts at most"),
        max_digits=7,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Leave empty when everything counts."),
    )
    face_to_face_only = models.BooleanField(
        _("only face-to-face hours count"),
        default=False,
        help_text=_("For reflection at SKJ: only the hours of contact count, proven by a signed statement."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("register category")
        verbose_name_plural = _("register categories")
        ordering = ["register", "position", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(required__gte=0), name="register_category_required_not_negative"),
            models.CheckConstraint(
                condition=Q(cap__isnull=True) | Q(cap__gte=0), name="register_category_cap_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.register.name}: {self.name}"


class Registration(models.Model):
    """The trainee's registration with a professional register, as the trainee records it."""

    traineeship = models.OneToOneField(
        Traineeship, on_delete=models.CASCADE, related_name="registration", verbose_name=_("traineeship")
    )
    register = models.ForeignKey(
        Register, on_delete=models.PROTECT, related_name="registrations", verbose_name=_("register")
    )
    number = models.CharField(pgettext_lazy("registration", "registration number"), max_length=40, blank=True)
    registered_on = models.DateField(_("registration date"))

    objects = TraineeshipScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self):
        return f"{self.register.name} {self.number}".strip()
