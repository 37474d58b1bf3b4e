"""Attendance of a group activity, per trainee of the cohort (registered by HR, the coordinator or the organiser)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models import User
from programmes.models.programmes import DevelopmentDay
from programmes.models.traineeships import Traineeship, TraineeshipScopedQuerySet


class Attendance(models.TextChoices):
    PRESENT = "present", _("Present")
    EXCUSED = "excused", _("Absent with notice")
    ABSENT = "absent", _("Absent")


class GroupAttendance(models.Model):
    """Whether one trainee was at one group activity; only a trainee who was present counts its hours."""

    session = models.ForeignKey(
        DevelopmentDay, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("group activity")
    )
    traineeship = models.ForeignKey(
        Traineeship, on_delete=models.CASCADE, related_name="group_attendances", verbose_name=_("traineeship")
    )
    status = models.CharField(_("attendance"), max_length=10, choices=Attendance.choices)
    recorded_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(_("registered at"), auto_now=True)

    objects = TraineeshipScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(fields=["session", "traineeship"], name="one_attendance_per_trainee"),
        ]

    def __str__(self):
        return f"{self.session} · {self.traineeship}: {self.get_status_display()}"
