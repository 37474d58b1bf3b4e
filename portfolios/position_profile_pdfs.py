"""The PDF of a position profile for the vacancy, rendered by the task worker and kept while the
profile is unchanged (the stored-PDF pattern of ``portfolios.stored_pdfs``, keyed by profile and
language instead of traineeship and reader: a profile has no trainee and only its HR reads it)."""

import hashlib

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portfolios.stored_pdfs import LOST_AFTER
from programmes.models import PositionProfile


def profile_version(profile: PositionProfile) -> int:
    """What the PDF shows, as a number: it moves when the profile or its competencies are saved
    (``updated_at``, see ``services_position_profiles``) and when a name printed from elsewhere
    changes (programme, cohort, employer, organisation and its accent colour, the competencies)."""
    organisation = profile.organisation
    printed = [
        profile.updated_at.isoformat(),
        profile.programme.name,
        profile.cohort.name if profile.cohort_id else "",
        profile.employer.name if profile.employer_id else "",
        organisation.name,
        organisation.accent_colour or "",
        *(str(row.competency) for row in profile.competencies.select_related("competency")),
    ]
    digest = hashlib.sha256("\x1f".join(printed).encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1  # fits a signed 64-bit column


class PositionProfilePdf(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Being made")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    profile = models.ForeignKey(PositionProfile, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8, default="nl")
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.QUEUED)
    requested_version = models.BigIntegerField(default=0)
    file_version = models.BigIntegerField(null=True, blank=True)
    stored_name = models.CharField(max_length=300, blank=True, editable=False)
    error = models.TextField(blank=True)
    queued_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("stored PDF of a position profile")
        verbose_name_plural = _("stored PDFs of position profiles")
        constraints = [
            models.UniqueConstraint(fields=["profile", "language"], name="position_profile_pdf_one_per_language")
        ]

    def __str__(self):
        return f"position profile {self.profile_id} {self.language} ({self.status})"

    def is_fresh(self, version: int) -> bool:
        return bool(self.stored_name) and self.file_version == version

    def is_pending(self, version: int, now=None) -> bool:
        return (
            self.status in {self.Status.QUEUED, self.Status.RUNNING}
            and self.requested_version == version
            and (now or timezone.now()) - self.queued_at < LOST_AFTER
        )
