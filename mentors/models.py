"""Mentor profiles, progress meetings (voortgangsgesprekken), agreements and the reminder log."""

import hashlib
import json

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from goals.models import GoalProgress
from organisations.models import Membership, Organisation, Role, User
from organisations.querysets import any_of
from programmes.models import ReflectionForm, RegisterCategory, Traineeship, TraineeshipScopedQuerySet
from programmes.permissions import Relation


class MentorProfileQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A mentor's own profiles; every profile of an organisation where the user is HR or manager."""
        if not user.is_authenticated:
            return self.none()
        staff_orgs = Membership.objects.organisations_of(user, Role.HR, Role.MANAGER)
        return self.filter(Q(user=user) | Q(organisation__in=staff_orgs))


class MentorProfile(models.Model):
    """What a mentor brings to one organisation: experience, coaching training, capacity and agreed time."""

    class Training(models.TextChoices):
        DONE = "done", _("Coaching training done")
        PLANNED = "planned", _("Coaching training planned")
        NONE = "none", _("No coaching training")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="mentor_profiles", verbose_name=_("organisation")
    )
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="mentor_profiles", verbose_name=_("mentor"))
    experience_years = models.PositiveSmallIntegerField(
        _("years of experience"), default=0, validators=[MaxValueValidator(60)]
    )
    experience = models.TextField(_("experience"), blank=True, help_text=_("The work and the mentoring done before."))
    coaching_training = models.CharField(
        _("coaching training"), max_length=10, choices=Training.choices, default=Training.NONE
    )
    coaching_training_date = models.DateField(
        _("date of the coaching training"), null=True, blank=True, help_text=_("When it was done, or is planned.")
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity (number of mentees)"), default=2, validators=[MaxValueValidator(30)]
    )
    hours_per_week = models.DecimalField(
        _("agreed hours per week"),
        max_digits=4,
        decimal_places=1,
        default=2,
        validators=[MinValueValidator(0), MaxValueValidator(40)],
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = MentorProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("mentor profile")
        verbose_name_plural = _("mentor profiles")
        ordering = ["user__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"],
                name="one_mentor_profile_per_organisation",
                violation_error_message=_("This mentor already has a profile in this organisation."),
            ),
        ]

    def __str__(self):
        return f"{self.user} ({self.organisation})"

    @property
    def is_trained(self) -> bool:
        return self.coaching_training == self.Training.DONE


class MeetingKind(models.TextChoices):
    KICK_OFF = "kick_off", _("Kick-off meeting")
    REGULAR = "regular", _("Progress meeting")
    MID_TERM = "mid_term", _("Mid-term review")
    FINAL = "final", _("Final meeting")


class Signal(models.IntegerChoices):
    """A workload or wellbeing signal: how it is going, in words, not a diagnosis."""

    VERY_LOW = 1, _("1 – worrying")
    LOW = 2, _("2 – under pressure")
    OKAY = 3, _("3 – okay")
    GOOD = 4, _("4 – good")
    VERY_GOOD = 5, _("5 – very good")


LOW_SIGNAL = 2  # at or below: a worry


class MeetingQuerySet(TraineeshipScopedQuerySet):
    def recorded(self):
        return self.filter(recorded_at__isnull=False)

    def planned(self):
        return self.filter(recorded_at__isnull=True)

    def awaiting_confirmation_of(self, user, *, recorded_in=None):
        """Recorded meetings whose record waits for ``user``'s confirmation: as the trainee, or as
        the mentor who recorded it (of the traineeships ``recorded_in`` selects, when given)."""
        ids = Meeting.objects.recorded().values("pk")
        as_mentor = ids.filter(recorded_by=user, mentor_confirmed_at__isnull=True)
        if recorded_in is not None:
            as_mentor = as_mentor.filter(traineeship__in=recorded_in)
        as_trainee = ids.filter(traineeship__trainee=user, trainee_confirmed_at__isnull=True)
        return self.recorded().filter(pk__in=any_of(as_trainee, as_mentor))


class Meeting(models.Model):
    """A progress meeting: planned, then recorded by the mentor, then confirmed by trainee and mentor."""

    traineeship = models.ForeignKey(
        Traineeship, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("traineeship")
    )
    kind = models.CharField(_("kind of meeting"), max_length=10, choices=MeetingKind.choices, default="regular")
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("time"), default="10:00")
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), default=60, validators=[MinValueValidator(15), MaxValueValidator(480)]
    )
    location = models.CharField(_("place"), max_length=200, blank=True)
    participants = models.ManyToManyField(User, blank=True, related_name="meetings", verbose_name=_("who takes part"))
    # The agenda: the trainee's topics and reflection, the mentor's preparation.
    trainee_topics = models.TextField(_("topics I want to discuss"), blank=True)
    trainee_reflection = models.TextField(
        _("short reflection"), blank=True, help_text=_("How did the past weeks go? What went well, what was hard?")
    )
    mentor_preparation = models.TextField(_("mentor's preparation"), blank=True)
    # The record.
    notes = models.TextField(_("notes"), blank=True, help_text=_("What was discussed: facts and agreements."))
    workload = models.PositiveSmallIntegerField(
        _("workload"),
        null=True,
        blank=True,
        choices=Signal.choices,
        help_text=_("How the trainee experiences the workload. Record what was said, not a diagnosis."),
    )
    wellbeing = models.PositiveSmallIntegerField(
        _("wellbeing"),
        null=True,
        blank=True,
        choices=Signal.choices,
        help_text=_("How the trainee is doing at work, in their own words. No health data or diagnoses."),
    )
    private_note = models.TextField(
        _("private note"),
        blank=True,
        help_text=_("Only you, the mentor, ever see this. Never in exports. Still: facts, no health data."),
    )
    next_meeting_date = models.DateField(
        _("next meeting"), null=True, blank=True, help_text=_("A planned meeting is created for this date.")
    )
    # A meeting can count for a professional register as reflection (mentoring, coaching, supervision);
    # the record confirmed by trainee and mentor is the signed statement.
    register_category = models.ForeignKey(
        RegisterCategory,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
        verbose_name=_("counts for register category"),
    )
    reflection_form = models.CharField(
        _("form of reflection"), max_length=20, choices=ReflectionForm.choices, blank=True
    )
    face_to_face_hours = models.DecimalField(
        _("face-to-face hours"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(24)],
    )
    recorded_at = models.DateTimeField(_("recorded at"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("recorded by")
    )
    mentor_confirmed_at = models.DateTimeField(_("confirmed by the mentor"), null=True, blank=True)
    mentor_confirmed_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    trainee_confirmed_at = models.DateTimeField(_("confirmed by the trainee"), null=True, blank=True)
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # Optimistic locking: a save based on an older version is refused.
    version = models.PositiveIntegerField(default=1)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("progress meeting")
        verbose_name_plural = _("progress meetings")
        ordering = ["-date", "-start_time"]
        indexes = [
            models.Index(fields=["traineeship", "date"]),
            models.Index(fields=["date", "recorded_at"]),
            # The stappenplan asks per traineeship "was the kick-off held?" (PostgreSQL plans, issue 13).
            models.Index(
                fields=["traineeship"],
                condition=Q(kind="kick_off", recorded_at__isnull=False),
                name="meeting_kick_off_held",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(workload__isnull=True) | Q(workload__gte=1, workload__lte=5),
                name="meeting_workload_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(wellbeing__isnull=True) | Q(wellbeing__gte=1, wellbeing__lte=5),
                name="meeting_wellbeing_1_to_5",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.date:%d-%m-%Y}"

    def get_absolute_url(self):
        return reverse("mentors:meeting_detail", kwargs={"pk": self.pk})

    @property
    def is_recorded(self) -> bool:
        return self.recorded_at is not None

    @property
    def is_locked(self) -> bool:
        """Both confirmed: the record is final; corrections go in an addendum."""
        return self.mentor_confirmed_at is not None and self.trainee_confirmed_at is not None

    @property
    def awaits_trainee(self) -> bool:
        return self.is_recorded and self.trainee_confirmed_at is None

    @property
    def awaits_mentor(self) -> bool:
        return self.is_recorded and self.mentor_confirmed_at is None

    @property
    def starts_at(self):
        naive = timezone.datetime.combine(self.date, self.start_time)
        return timezone.make_aware(naive)

    def status_label(self) -> str:
        if self.is_locked:
            return _("Confirmed")
        if self.is_recorded:
            return _("Waiting for confirmation")
        if self.date < timezone.localdate():
            return _("Not recorded yet")
        return _("Planned")

    def record_digest(self) -> str:
        """A fingerprint of the record as both read it (not the mentor's private note): the
        confirm form carries the one read, so a confirmation covers exactly that text."""
        goals = self.goal_links.order_by("pk").values_list(
            "progress__goal__title", "progress__progress", "progress__note"
        )
        agreements = self.agreements.order_by("pk").values_list("description", "owner__name", "due_date")
        content = [
            self.notes,
            self.workload,
            self.wellbeing,
            self.next_meeting_date,
            [list(row) for row in goals],
            [list(row) for row in agreements],
        ]
        text = json.dumps(content, default=str, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()

    def can_record(self, relations) -> bool:
        return Relation.MENTOR in relations and not self.is_locked

    def can_confirm(self, relations) -> bool:
        if not self.is_recorded or self.is_locked:
            return False
        return (Relation.TRAINEE in relations and self.trainee_confirmed_at is None) or (
            Relation.MENTOR in relations and self.mentor_confirmed_at is None
        )


class MeetingGoalProgress(models.Model):
    """Links the GoalProgress rows a meeting recorded to that meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="goal_links")
    progress = models.OneToOneField(GoalProgress, on_delete=models.CASCADE, related_name="meeting_link")

    class Meta:
        verbose_name = _("progress recorded in a meeting")
        verbose_name_plural = _("progress recorded in meetings")

    def __str__(self):
        return f"{self.meeting}: {self.progress}"


class Addendum(models.Model):
    """A correction to a confirmed record: visible to all who read it, with author and date."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="addenda", verbose_name=_("meeting"))
    author = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("author"))
    text = models.TextField(_("addendum"))
    created_at = models.DateTimeField(_("date"), auto_now_add=True)

    class Meta:
        verbose_name = _("addendum")
        verbose_name_plural = _("addenda")
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.meeting} · {self.created_at:%d-%m-%Y}"


class AgreementStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("agreement status", "Open")
    DONE = "done", pgettext_lazy("agreement status", "Done")
    CANCELLED = "cancelled", pgettext_lazy("agreement status", "Cancelled")


class AgreementQuerySet(TraineeshipScopedQuerySet):
    def open(self):
        return self.filter(status=AgreementStatus.OPEN)

    def overdue(self, today=None):
        return self.open().filter(due_date__lt=today or timezone.localdate())


class Agreement(models.Model):
    """An agreement made in a meeting: who does what by when."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agreements", verbose_name=_("meeting"))
    traineeship = models.ForeignKey(
        Traineeship, on_delete=models.CASCADE, related_name="agreements", verbose_name=_("traineeship")
    )
    description = models.CharField(pgettext_lazy("made in a meeting", "agreement"), max_length=500)
    owner = models.ForeignKey(User, on_delete=models.PROTECT, related_name="agreements", verbose_name=_("who"))
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=AgreementStatus.choices, default="open")
    updated_at = models.DateTimeField(auto_now=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = pgettext_lazy("made in a meeting", "agreement")
        verbose_name_plural = _("agreements")
        ordering = ["due_date", "pk"]
        indexes = [
            models.Index(fields=["owner", "status", "due_date"]),
            models.Index(fields=["traineeship", "status", "due_date"]),
            # The mentor's home lists the first open agreements by due date: read in order, stop early.
            models.Index(fields=["due_date", "id"], condition=Q(status="open"), name="agreement_open_by_due_date"),
        ]

    def __str__(self):
        return self.description

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.status == AgreementStatus.OPEN and self.due_date is not None and self.due_date < today


class Reminder(models.Model):
    """A reminder sent: so the daily run sends each notice at most once a day."""

    class Kind(models.TextChoices):
        MEETING_SOON = "meeting_soon", _("Meeting coming up")
        MEETING_OVERDUE = "meeting_overdue", _("Meeting overdue")
        AGREEMENT_DUE = "agreement_due", _("Agreement due")
        CONFIRM = "confirm", _("Record waiting for confirmation")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="reminders")
    object_key = models.CharField(max_length=60)  # e.g. "meeting:12"
    sent_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(fields=["kind", "recipient", "object_key", "sent_on"], name="one_reminder_per_day"),
        ]

    def __str__(self):
        return f"{self.kind} → {self.recipient} ({self.sent_on})"


class Escalation(models.Model):
    """One step of the ladder sent to one person: never sent twice (see ``mentors.escalation``)."""

    class Step(models.IntegerChoices):
        PERSON = 1, _("the person who must act")
        SUPERVISOR = 2, _("the mentor or manager")
        HR = 3, _("HR")

    notice_key = models.CharField(max_length=120)  # e.g. "agreement_due:agreement:12:2026-11-02"
    kind = models.CharField(_("kind"), max_length=20, choices=Reminder.Kind.choices)
    step = models.PositiveSmallIntegerField(_("step"), choices=Step.choices)
    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="escalations")
    traineeship = models.ForeignKey(
        "programmes.Traineeship", on_delete=models.CASCADE, related_name="escalations", verbose_name=_("traineeship")
    )
    text = models.TextField(_("what waits"))  # in the recipient's language, as mailed
    url = models.CharField(max_length=300)
    waiting_since = models.DateField(_("waiting since"))
    sent_on = models.DateField(_("sent on"))
    resolved_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("escalation")
        verbose_name_plural = _("escalations")
        ordering = ["-sent_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "notice_key", "step"], name="one_escalation_per_step"),
        ]

    def __str__(self):
        return f"{self.notice_key} step {self.step} → {self.recipient}"


class Digest(models.Model):
    """The one reminder e-mail of a day for a person: the unique day makes a second run send nothing."""

    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="digests")
    sent_on = models.DateField()
    items = models.PositiveSmallIntegerField(default=0)
    urgent_only = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["recipient", "sent_on"], name="one_digest_per_day")]

    def __str__(self):
        return f"{self.recipient} ({self.sent_on})"


class ReminderPreference(models.Model):
    class Frequency(models.TextChoices):
        DAILY = "daily", _("Once a day")
        WEEKLY = "weekly", _("Once a week")

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="reminder_preference")
    frequency = models.CharField(
        _("reminder e-mail"), max_length=10, choices=Frequency.choices, default=Frequency.DAILY
    )
    email_enabled = models.BooleanField(
        _("send me reminders by e-mail"),
        default=True,
        help_text=_(
            "Without e-mail you still see every reminder under Notifications. Escalations to you as mentor,"
            " manager or HR always come by e-mail."
        ),
    )

    class Meta:
        verbose_name = _("reminder preference")
        verbose_name_plural = _("reminder preferences")

    def __str__(self):
        return f"{self.user}: {self.frequency}"


class NotificationRead(models.Model):
    """Which notifications a person has read; the notifications themselves come from the notices."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications_read")
    key = models.CharField(max_length=120)
    read_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="notification_read_once")]

    def __str__(self):
        return f"{self.user}: {self.key}"


class CalendarFeed(models.Model):
    """A private iCalendar feed of a person's meetings; only a hash of its token is kept."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="calendar_feed")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.user}"


class ChangeMark(models.Model):
    """A row written after each change that may alter what someone is notified of.

    The newest mark's id is part of the key under which a person's notification count is cached
    (``mentors.notification_cache``): every app server sees a change at once, and the notices are
    not recomputed on every page. Old marks are pruned; only the newest one matters.
    """

    class Meta:
        verbose_name = _("change mark")

    def __str__(self):
        return str(self.pk)
