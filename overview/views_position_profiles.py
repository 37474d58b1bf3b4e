"""The PDF of a position profile for the vacancy: programmes' data through the PDF pipeline of
portfolios, composed here because the two apps may not import each other this way round.

Rendered by the task worker and kept while the profile is unchanged, like the other PDFs
(``portfolios.stored_pdfs``): a fresh file is served at once, otherwise a progress page polls.
"""

from django.utils import translation
from django.views.decorators.http import require_GET

from portfolios.position_profile_pdfs import PositionProfilePdf, profile_version
from portfolios.tasks_position_profiles import render_position_profile
from portfolios.views.stored import serve_rendered
from programmes.views_position_profiles import position_profile_of


def _filename(profile) -> str:
    # Always Dutch, like the portfolio's file names (the vacancy is Dutch); diacritics kept by
    # organisations.encoding.attach in filename*, with an ASCII fallback.
    return f"Functieprofiel {profile.title}"


@require_GET
def position_profile_pdf(request, pk):
    profile = position_profile_of(request, pk)
    version = profile_version(profile)
    pdf, _created = PositionProfilePdf.objects.get_or_create(
        profile=profile, language=translation.get_language(), defaults={"status": PositionProfilePdf.Status.FAILED}
    )
    return serve_rendered(
        request,
        pdf,
        version=version,
        queue=lambda pdf: pdf.queue_render(version, render_position_profile),
        filename=_filename(profile),
        progress_template="position_profiles/pdf_progress.html",
        context={"profile": profile},
    )
