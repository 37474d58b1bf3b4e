"""A position profile as a PDF for the vacancy: the work and the competencies (step 1 before hiring)."""

from django.utils import timezone

from organisations.branding import DEFAULT_ACCENT
from portfolios.pdf.base import render_pdf
from programmes.models import PositionProfile


def render_position_profile_pdf(*, profile: PositionProfile, language: str) -> bytes:
    profile = PositionProfile.objects.select_related("programme", "organisation", "cohort", "employer").get(
        pk=profile.pk
    )
    context = {
        "profile": profile,
        "organisation": profile.organisation,
        "competencies": profile.competencies.select_related("competency"),
        "generated_at": timezone.localtime(),
    }
    return render_pdf(
        "portfolios/pdf/position_profile.html",
        context,
        language=language,
        accent=profile.organisation.accent_colour or DEFAULT_ACCENT,
    )
