"""A coach for a traineeship and the coaching sessions they plan with the trainee.

What is said in a session is the coach's and the trainee's alone (``coaching.permissions``):
HR, mentors, managers and coordinators see only that a coach is assigned and how many
sessions took place.
"""

from datetime import datetime, timedelta

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models import User
from programmes.models import Traineeship


class CoachingQuerySet(models.QuerySet):
    def current(self):
        """Assigned and not ended (a trainee's proposal waiting for HR is not current yet)."""
        return self.filter(started_on__isnull=False, ended_on__isnull=True)

    def proposed(self):
        return self.filter(started_on__isnull=True, ended_on__isnull=True)


class Coaching(models.Model):
    """One coach for one traineeship, from HR's assignment (``started_on``) until it ends.

    A trainee's proposal is a coaching without ``started_on`` until HR confirms it.
    """

    traineeship = models.ForeignKey(
        Traineeship, on_delete=models.CASCADE, related_name="coachings", verbose_name=_("traineeship")
    )
    coach = models.ForeignKey(User, on_delete=models.CASCADE, related_name="coachings", verbose_name=_("coach"))
    proposed_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("proposed by")
    )
    assigned_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("assigned by")
    )
    started_on = models.DateField(_("coach since"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CoachingQuerySet.as_manager()

    class Meta:
        verbose_name = _("coaching")
        verbose_name_plural = _("coachings")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One current coach per traineeship (and one open proposal).
            models.UniqueConstraint(
                fields=["traineeship"],
                condition=models.Q(ended_on__isnull=True, started_on__isnull=False),
                name="one_current_coach_per_traineeship",
            ),
            models.UniqueConstraint(
                fields=["traineeship"],
                condition=models.Q(ended_on__isnull=True, started_on__isnull=True),
                name="one_open_coach_proposal_per_traineeship",
            ),
        ]

    def __str__(self):
        return f"{self.coach} · {self.traineeship}"

    @property
    def is_current(self) -> bool:
        return self.started_on is not None and self.ended_on is None


class SessionMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")


class CoachingSessionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Only the trainee and the current coach: nobody else reaches a session, not even its address."""
        from coaching.permissions import session_scope

        return self.filter(session_scope(user))

    def upcoming(self, now=None):
        now = now or timezone.localtime()
        return self.filter(
            models.Q(date__gt=now.date()) | models.Q(date=now.date(), start_time__gte=now.time())
        ).order_by("date", "start_time")


class CoachingSession(models.Model):
    coaching = models.ForeignKey(
        Coaching, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("coaching")
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("time"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), default=60, validators=[MinValueValidator(15), MaxValueValidator(480)]
    )
    mode = models.CharField(_("in person or online"), max_length=10, choices=SessionMode.choices)
    location = models.CharField(
        _("place or video link"),
        max_length=300,
        blank=True,
        help_text=_("An address or room, or the link of the video call."),
    )
    notes = models.TextField(
        _("notes"),
        blank=True,
        max_length=5000,
        help_text=_("Only you and your coach or trainee read these. Facts and agreements, no health details."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CoachingSessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("coaching session")
        verbose_name_plural = _("coaching sessions")
        ordering = ["date", "start_time", "pk"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.start_time:%H:%M}"

    def get_absolute_url(self):
        return reverse("coaching:session_detail", kwargs={"pk": self.pk})

    @property
    def starts_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.date, self.start_time))

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def traineeship(self):
        return self.coaching.traineeship
