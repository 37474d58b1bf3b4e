"""Programmes (with their agreement: the rules a traineeship must keep) and cohorts."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisations.models import Membership, Organisation, Role, User


class ProgrammeKind(models.TextChoices):
    SOCIAL_WORK = "social_work", _("Social-work traineeship (cao Sociaal Werk)")
    CLASSIC = "classic", _("Classic (one employer)")
    REGIONAL = "regional", _("Regional (several employers)")
    THEMATIC = "thematic", _("Thematic (one field)")
    SPECIFIC = "specific", _("Specific (e.g. an mbo programme)")


class PayRule(models.TextChoices):
    FIXED = "fixed", _("A fixed scale per education level")
    OFFSET = "offset", _("A number of scales below the function scale")


class ProgrammeQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Programmes owned by, or accepted as partner by, one of the user's organisations (a role there is
        what grants it: a coordinator whose role went sees nothing)."""
        if not user.is_authenticated:
            return self.none()
        organisations = Membership.objects.belonging(user).values("organisation")
        return self.filter(Q(owner__in=organisations) | Q(partners__in=organisations)).distinct()

    def managed_by(self, user):
        """Programmes the user may set up and change: HR of the owner, or the programme's coordinator."""
        if not user.is_authenticated:
            return self.none()
        hr_orgs = Membership.objects.organisations_of(user, Role.HR)
        return self.filter(Q(owner__in=hr_orgs) | Q(coordinator=user))


class Programme(models.Model):
    owner = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="programmes", verbose_name=_("owner organisation")
    )
    # Only organisations whose HR accepted a ``PartnerInvitation``: consent makes a partner.
    partners = models.ManyToManyField(
        Organisation, blank=True, related_name="partner_programmes", verbose_name=_("partner organisations")
    )
    coordinator = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coordinated_programmes",
        verbose_name=_("coordinator"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=ProgrammeKind.choices)
    description = models.TextField(_("description"), blank=True)
    framework = models.ForeignKey(
        "competencies.CompetencyFramework",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programmes",
        verbose_name=_("competency framework"),
    )
    development_day_pattern = models.CharField(
        _("development days"),
        max_length=200,
        blank=True,
        help_text=_("For example: every Thursday, or one day a month with the whole cohort."),
    )
    learning_time_percent = models.PositiveSmallIntegerField(
        _("learning time (percentage of working hours)"),
        default=20,
        validators=[MaxValueValidator(100)],
    )
    meeting_rhythm_weeks = models.PositiveSmallIntegerField(
        _("progress meeting every … weeks"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(26)],
    )
    # The escalation ladder: after how many days an unanswered reminder moves up.
    escalate_person_days = models.PositiveSmallIntegerField(
        _("remind the person again after … days"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
    )
    escalate_supervisor_days = models.PositiveSmallIntegerField(
        _("tell the mentor or manager after … days"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
    )
    escalate_hr_days = models.PositiveSmallIntegerField(
        _("tell HR after … days"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(180)],
    )
    default_development_budget = models.DecimalField(
        _("development budget per traineeship (euro)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("What each traineeship may spend on learning activities, unless the traineeship says otherwise."),
    )
    # The programme's agreement (cao rules or the partners' own arrangement).
    start_date = models.DateField(
        _("start date"),
        null=True,
        blank=True,
        help_text=_("When the programme started: the cao in force on this day is the default preset."),
    )
    agreement_name = models.CharField(_("agreement"), max_length=200, blank=True)
    max_duration_months = models.PositiveSmallIntegerField(
        _("maximum duration (months)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    pay_rule = models.CharField(_("pay"), max_length=10, choices=PayRule.choices, default=PayRule.FIXED)
    scale_mbo = models.PositiveSmallIntegerField(_("scale for mbo graduates"), null=True, blank=True)
    scale_hbo = models.PositiveSmallIntegerField(_("scale for hbo graduates"), null=True, blank=True)
    scale_wo = models.PositiveSmallIntegerField(_("scale for wo graduates"), null=True, blank=True)
    scale_offset = models.PositiveSmallIntegerField(
        _("scales below the function scale"), null=True, blank=True, validators=[MaxValueValidator(10)]
    )
    graduation_window_months = models.PositiveSmallIntegerField(
        _("start within … months of graduation"), null=True, blank=True
    )
    supernumerary = models.BooleanField(
        _("supernumerary (boven-formatief)"), default=False, help_text=_("The trainee takes no existing position.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(pay_rule="fixed") | Q(scale_offset__isnull=False),
                name="offset_pay_needs_offset",
                violation_error_message=_("Pay by offset needs the number of scales below the function scale."),
            ),
        ]

    def __str__(self):
        return self.name

    def fixed_scale_for(self, education_level: str) -> int | None:
        return {"mbo": self.scale_mbo, "hbo": self.scale_hbo, "wo": self.scale_wo}.get(education_level)

    def organisation_ids(self) -> set[int]:
        return {self.owner_id, *self.partners.values_list("pk", flat=True)}


class PartnerInvitationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """HR of the invited organisation (to answer) and of the owner (to follow it up)."""
        if not user.is_authenticated:
            return self.none()
        hr_orgs = Membership.objects.organisations_of(user, Role.HR)
        return self.filter(Q(organisation__in=hr_orgs) | Q(programme__owner__in=hr_orgs))

    def pending(self):
        return self.filter(responded_at__isnull=True)


class PartnerInvitation(models.Model):
    """An owner asks another organisation to join its programme as partner.

    The organisation becomes a partner (``Programme.partners``) only when its HR accepts; until
    then it is not listed, not selectable for placements and reads nothing of the programme.
    """

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="partner_invitations", verbose_name=_("programme")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="partner_invitations", verbose_name=_("organisation")
    )
    invited_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("invited by")
    )
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    responded_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    accepted = models.BooleanField(_("accepted"), null=True, blank=True)

    objects = PartnerInvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner invitation")
        verbose_name_plural = _("partner invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "organisation"], name="one_partner_invitation"),
        ]

    def __str__(self):
        return f"{self.organisation} → {self.programme}"


class CohortQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(programme__in=Programme.objects.visible_to(user))


class Cohort(models.Model):
    """A group of trainees that starts together."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="cohorts", verbose_name=_("programme")
    )
    name = models.CharField(_("name"), max_length=200)
    start_date = models.DateField(_("start date"))
    group_trainer = models.CharField(_("group trainer"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # Blueprint: the cohort this one was set up from, the traineeship whose set-up
    # (work profile, profile competencies, chosen activities) new traineeships copy,
    # and the mentors to choose from.
    copied_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
        verbose_name=_("set up from cohort"),
    )
    model_traineeship = models.ForeignKey(
        "programmes.Traineeship",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("set-up copied from traineeship"),
    )
    mentor_pool = models.ManyToManyField(User, blank=True, related_name="+", verbose_name=_("mentors to choose from"))
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CohortQuerySet.as_manager()

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-start_date", "name"]

    def __str__(self):
        return self.name


class DevelopmentDayQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(cohort__in=Cohort.objects.visible_to(user))


class DevelopmentDay(models.Model):
    """A group activity: planned once for the cohort (development day, intervision, training day).

    Every trainee of the cohort has it on their development plan without a copy of their own;
    only their attendance (``programmes.GroupAttendance``) is per trainee.
    """

    class Kind(models.TextChoices):
        DEVELOPMENT_DAY = "development_day", _("Development day")
        INTERVISION = "intervision", _("Intervision session")
        TRAINING_DAY = "training_day", _("Training day")

    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="development_days", verbose_name=_("cohort")
    )
    date = models.DateField(_("date"))
    topic = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DEVELOPMENT_DAY)
    start_time = models.TimeField(_("from"), null=True, blank=True)
    end_time = models.TimeField(_("until"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    hours = models.DecimalField(
        _("learning hours"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(24)],
        help_text=_("What a trainee who was present counts as learning time."),
    )
    learning_activity = models.ForeignKey(
        "competencies.LearningActivity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="group_sessions",
        verbose_name=_("activity of the inventory"),
    )
    competencies = models.ManyToManyField(
        "competencies.Competency", blank=True, related_name="group_sessions", verbose_name=_("competencies")
    )
    organiser = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_group_sessions",
        verbose_name=_("organiser"),
        help_text=_("Besides HR and the coordinator, the organiser registers who was there."),
    )

    objects = DevelopmentDayQuerySet.as_manager()

    class Meta:
        verbose_name = _("group activity")
        verbose_name_plural = _("group activities")
        ordering = ["date", "start_time", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__isnull=True)
                | Q(start_time__isnull=True)
                | Q(end_time__gt=models.F("start_time")),
                name="group_activity_ends_after_start",
                violation_error_message=_("The end time must be after the start time."),
            ),
        ]

    def __str__(self):
        return f"{self.date}: {self.topic}"
