"""A traineeship: one trainee in one programme, with placements and the work profile of step 1."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from competencies.models import Competency, CompetencyLevel
from organisations.models import Organisation, User
from organisations.querysets import any_of
from programmes.dates import add_months
from programmes.models.programmes import Cohort, PayRule, Programme


class EducationLevel(models.TextChoices):
    MBO = "mbo", "mbo"
    HBO = "hbo", "hbo"
    WO = "wo", "wo"


class TraineeshipStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    FINISHED = "finished", _("Finished")
    STOPPED = "stopped", _("Stopped early")


class Outcome(models.TextChoices):
    UNKNOWN = "", _("Not known yet")
    HIRED = "hired", _("Hired in the organisation")
    SECTOR = "sector", _("Works elsewhere in the sector")
    LEFT = "left", _("Left the sector")


class TraineeshipQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Traineeships ``user`` relates to now: the rule is ``programmes.permissions``."""
        if not user.is_authenticated:
            return self.none()
        from programmes.permissions import traineeship_scope

        return self.filter(traineeship_scope(user))

    def managed_by(self, user):
        """Traineeships the user may set up: HR of the owner organisation, or the programme's coordinator."""
        return self.filter(programme__in=Programme.objects.managed_by(user))

    def of_organisation(self, organisation: Organisation):
        """Owned by ``organisation`` or with a placement there (for an organisation's own lists)."""
        owned = Traineeship.objects.filter(programme__owner=organisation).values("pk")
        hosted = Placement.objects.filter(organisation=organisation).values("traineeship")
        return self.filter(pk__in=any_of(owned, hosted))

    def with_people(self):
        return self.select_related("trainee", "programme", "programme__owner", "cohort")


class Traineeship(models.Model):
    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="traineeships", verbose_name=_("programme")
    )
    cohort = models.ForeignKey(
        Cohort, null=True, blank=True, on_delete=models.SET_NULL, related_name="traineeships", verbose_name=_("cohort")
    )
    trainee = models.ForeignKey(User, on_delete=models.PROTECT, related_name="traineeships", verbose_name=_("trainee"))
    education_level = models.CharField(_("education level"), max_length=3, choices=EducationLevel.choices)
    graduation_date = models.DateField(_("graduation date"))
    function_scale = models.PositiveSmallIntegerField(
        _("function scale"),
        null=True,
        blank=True,
        help_text=_("The scale of the position after the traineeship; needed when pay is an offset from it."),
    )
    scale = models.PositiveSmallIntegerField(_("pay scale during the traineeship"))
    development_budget = models.DecimalField(
        _("development budget (euro)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Leave empty for the programme's default budget."),
    )
    # The learning time (a percentage of these hours) is checked against the hours of development activities.
    contract_hours_per_week = models.DecimalField(
        _("contract hours a week"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    status = models.CharField(
        _("status"), max_length=10, choices=TraineeshipStatus.choices, default=TraineeshipStatus.PLANNED
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, default="", blank=True)
    outcome_note = models.TextField(_("about the outcome"), blank=True)
    # Partner organisations hosting a placement read the whole portfolio, not only their periods' part.
    shared_with_partners = models.BooleanField(_("share the whole portfolio with partner organisations"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TraineeshipQuerySet.as_manager()

    class Meta:
        verbose_name = _("traineeship")
        verbose_name_plural = _("traineeships")
        ordering = ["-start_date", "trainee__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="traineeship_ends_after_start",
                violation_error_message=_("The end date must be after the start date."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "end_date"]),
            models.Index(fields=["programme", "start_date"]),
        ]

    def __str__(self):
        return f"{self.trainee} · {self.programme}"

    def get_absolute_url(self):
        return reverse("stappenplan", kwargs={"pk": self.pk})

    def clean(self):
        errors = agreement_errors(self)
        if errors:
            raise ValidationError(errors)

    @property
    def duration_months(self) -> int:
        months = (self.end_date.year - self.start_date.year) * 12 + self.end_date.month - self.start_date.month
        return max(months + (1 if self.end_date.day >= self.start_date.day else 0), 0)

    def is_ending_soon(self, weeks: int = 6, today=None) -> bool:
        today = today or timezone.localdate()
        return self.current_status(today) == TraineeshipStatus.ACTIVE and self.end_date <= today + timedelta(
            weeks=weeks
        )

    def current_status(self, today=None) -> str:
        """The status as its dates say (see ``programmes.lifecycle``), whatever is stored."""
        from programmes.lifecycle import status_on

        return status_on(self, today)

    def get_current_status_display(self) -> str:
        return TraineeshipStatus(self.current_status()).label


def agreement_errors(traineeship: Traineeship) -> dict[str, list[str]]:
    """Where ``traineeship`` breaks its programme's agreement, per field, in words."""
    t = traineeship
    errors: dict[str, list[str]] = {}
    if t.programme_id is None or not (t.start_date and t.end_date):
        return errors
    programme = t.programme
    agreement = programme.agreement_name or programme.name
    if t.end_date < t.start_date:
        errors.setdefault("end_date", []).append(_("The end date must be after the start date."))
    elif programme.max_duration_months and t.end_date >= add_months(t.start_date, programme.max_duration_months):
        errors.setdefault("end_date", []).append(
            _("A traineeship under %(agreement)s lasts at most %(months)s months; end it before %(limit)s.")
            % {
                "agreement": agreement,
                "months": programme.max_duration_months,
                "limit": add_months(t.start_date, programme.max_duration_months).strftime("%d-%m-%Y"),
            }
        )
    if t.graduation_date:
        if t.graduation_date > t.start_date:
            errors.setdefault("graduation_date", []).append(
                _("The trainee must have graduated before the traineeship starts.")
            )
        elif programme.graduation_window_months and t.start_date > add_months(
            t.graduation_date, programme.graduation_window_months
        ):
            errors.setdefault("start_date", []).append(
                _(
                    "Under %(agreement)s a traineeship starts within %(months)s months of graduation, "
                    "so no later than %(limit)s."
                )
                % {
                    "agreement": agreement,
                    "months": programme.graduation_window_months,
                    "limit": add_months(t.graduation_date, programme.graduation_window_months).strftime("%d-%m-%Y"),
                }
            )
    if t.scale is not None and t.education_level:
        if programme.pay_rule == PayRule.FIXED:
            expected = programme.fixed_scale_for(t.education_level)
            if expected is not None and t.scale != expected:
                errors.setdefault("scale", []).append(
                    _("Under %(agreement)s an %(level)s graduate is in scale %(scale)s.")
                    % {"agreement": agreement, "level": t.education_level, "scale": expected}
                )
        elif programme.scale_offset is not None:
            if t.function_scale is None:
                errors.setdefault("function_scale", []).append(
                    _("Give the function scale: pay in this programme is set below it.")
                )
            elif t.scale != t.function_scale - programme.scale_offset:
                errors.setdefault("scale", []).append(
                    ngettext(
                        "Under %(agreement)s the trainee is paid %(offset)s scale below the function scale: "
                        "scale %(scale)s.",
                        "Under %(agreement)s the trainee is paid %(offset)s scales below the function scale: "
                        "scale %(scale)s.",
                        programme.scale_offset,
                    )
                    % {
                        "agreement": agreement,
                        "offset": programme.scale_offset,
                        "scale": t.function_scale - programme.scale_offset,
                    }
                )
    return errors


class TraineeshipScopedQuerySet(models.QuerySet):
    """For records that belong to one traineeship: visible exactly when the traineeship is."""

    def visible_to(self, user):
        return self.filter(traineeship__in=Traineeship.objects.visible_to(user))


class Placement(models.Model):
    """A period at one organisation, with an assignment, a manager and a mentor.

    A rotation (e.g. 3 × 8 months over three organisations) is several placements.
    """

    traineeship = models.ForeignKey(
        Traineeship, on_delete=models.CASCADE, related_name="placements", verbose_name=_("traineeship")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="placements", verbose_name=_("organisation")
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    assignment = models.TextField(_("assignment"), blank=True)
    manager = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="managed_placements",
        verbose_name=_("manager"),
    )
    mentor = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentored_placements",
        verbose_name=_("mentor"),
    )
    # The employer's own contract rules inside a regional programme (seed 002: a contract per employer,
    # sometimes another cao); empty means the programme's. What applies: ``programmes.employer_rules``.
    cao_preset = models.CharField(_("employer's cao"), max_length=40, blank=True)
    contract_months = models.PositiveSmallIntegerField(
        _("contract with this employer (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    contract_hours_per_week = models.DecimalField(
        _("contract hours a week at this employer"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    pay_scale = models.PositiveSmallIntegerField(
        _("pay scale at this employer"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(30)]
    )

    objects = TraineeshipScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["traineeship", "start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="placement_ends_after_start",
                violation_error_message=_("The end date must be after the start date."),
            ),
        ]
        indexes = [models.Index(fields=["mentor", "end_date"]), models.Index(fields=["organisation", "end_date"])]

    def __str__(self):
        return f"{self.organisation} ({self.start_date:%d-%m-%Y} – {self.end_date:%d-%m-%Y})"

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.traineeship_id:
            t = self.traineeship
            if self.start_date < t.start_date or self.end_date > t.end_date:
                errors["end_date"] = _("A placement falls within the traineeship (%(start)s – %(end)s).") % {
                    "start": t.start_date.strftime("%d-%m-%Y"),
                    "end": t.end_date.strftime("%d-%m-%Y"),
                }
            overlapping = (
                Placement.objects.filter(traineeship=t, start_date__lte=self.end_date, end_date__gte=self.start_date)
                .exclude(pk=self.pk)
                .select_related("organisation")
                .first()
            )
            if overlapping:
                errors["start_date"] = _("This period overlaps the placement at %(placement)s.") % {
                    "placement": overlapping
                }
            if self.organisation_id and self.organisation_id not in t.programme.organisation_ids():
                errors["organisation"] = _("Choose the programme's own organisation or one of its partners.")
            from programmes.employer_rules import placement_rule_errors

            for name, messages in placement_rule_errors(self).items():
                errors.setdefault(name, messages)
        if errors:
            raise ValidationError(errors)

    def is_current(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.start_date <= today <= self.end_date

    @cached_property
    def rules(self):
        """The employer's contract rules that apply (``programmes.employer_rules``)."""
        from programmes.employer_rules import rules_for

        return rules_for(self)


class WorkProfile(models.Model):
    """Step 1: the work the trainee will do, or one bounded assignment for a short traineeship."""

    class Kind(models.TextChoices):
        TASKS = "tasks", _("Tasks over a longer period")
        ASSIGNMENT = "assignment", _("One bounded assignment with a concrete end result")

    traineeship = models.OneToOneField(
        Traineeship, on_delete=models.CASCADE, related_name="work_profile", verbose_name=_("traineeship")
    )
    kind = models.CharField(_("kind of work"), max_length=12, choices=Kind.choices, default=Kind.TASKS)
    tasks = models.TextField(_("tasks"), blank=True)
    assignment = models.TextField(_("assignment"), blank=True)
    end_result = models.TextField(_("concrete end result"), blank=True)
    # The guiding questions of seed 000 for short traineeships.
    work_needed = models.TextField(_("Which work is needed to reach the end result?"), blank=True)
    independence = models.TextField(_("Can this trainee carry out the assignment independently?"), blank=True)
    wants_to_learn = models.TextField(_("What does the trainee want to learn?"), blank=True)
    future = models.TextField(_("How does the traineeship add to the trainee's future?"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("work profile")
        verbose_name_plural = _("work profiles")

    def __str__(self):
        return str(self.traineeship)

    @property
    def is_described(self) -> bool:
        if self.kind == self.Kind.ASSIGNMENT:
            return bool(self.assignment.strip() and self.end_result.strip())
        return bool(self.tasks.strip())


class ProfileCompetency(models.Model):
    """A competency in the traineeship's profile: required at the start, or to be developed."""

    class Purpose(models.TextChoices):
        REQUIRED = "required", _("Required at the start")
        DEVELOP = "develop", _("To develop")

    traineeship = models.ForeignKey(
        Traineeship, on_delete=models.CASCADE, related_name="profile_competencies", verbose_name=_("traineeship")
    )
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="+", verbose_name=_("competency"))
    purpose = models.CharField(_("purpose"), max_length=10, choices=Purpose.choices)
    target_level = models.CharField(
        _("level aimed for"), max_length=15, choices=CompetencyLevel.choices, default=CompetencyLevel.STARTBEKWAAM
    )

    objects = TraineeshipScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("profile competency")
        verbose_name_plural = _("profile competencies")
        ordering = ["competency__position", "competency__code"]
        constraints = [
            models.UniqueConstraint(fields=["traineeship", "competency"], name="unique_profile_competency"),
        ]

    def __str__(self):
        return f"{self.competency} ({self.get_purpose_display()})"
