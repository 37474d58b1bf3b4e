"""The PDF of a position profile for the vacancy, rendered by the task worker and kept while the
profile is unchanged (the stored-PDF pattern of ``portfolios.stored_pdfs``, keyed by profile and
language instead of traineeship and reader: a profile has no trainee and only its HR reads it)."""

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _

from portfolios.stored_pdfs import RenderedPdf
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


class PositionProfilePdf(RenderedPdf):
    profile = models.ForeignKey(PositionProfile, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("stored PDF of a position profile")
        verbose_name_plural = _("stored PDFs of position profiles")
        constraints = [
            models.UniqueConstraint(fields=["profile", "language"], name="position_profile_pdf_one_per_language")
        ]

    def __str__(self):
        return f"position profile {self.profile_id} {self.language} ({self.status})"
