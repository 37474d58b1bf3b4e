"""The PDF of a position profile for the vacancy: programmes' data through the PDF pipeline of
portfolios, composed here because the two apps may not import each other this way round.

Rendered by the task worker and kept while the profile is unchanged, like the other PDFs
(``portfolios.stored_pdfs``): a fresh file is served at once, otherwise a progress page polls.
"""

from django.shortcuts import render
from django.utils import timezone, translation
from django.views.decorators.http import require_GET

from organisations.downloads import stored_download
from organisations.progress import file_ready
from portfolios.position_profile_pdfs import PositionProfilePdf, profile_version
from portfolios.tasks_position_profiles import render_position_profile
from programmes.views_position_profiles import position_profile_of


def _filename(profile) -> str:
    # Always Dutch, like the portfolio's file names (the vacancy is Dutch); diacritics kept by
    # organisations.encoding.attach in filename*, with an ASCII fallback.
    return f"Functieprofiel {profile.title}"


def _queue(pdf: PositionProfilePdf, version: int) -> None:
    """Of two requests at once only one queues the job."""
    claimed = PositionProfilePdf.objects.filter(
        pk=pdf.pk, status=pdf.status, requested_version=pdf.requested_version
    ).update(status=PositionProfilePdf.Status.QUEUED, requested_version=version, error="", queued_at=timezone.now())
    if claimed:
        render_position_profile.enqueue(pdf_id=pdf.pk)


@require_GET
def position_profile_pdf(request, pk):
    profile = position_profile_of(request, pk)
    language = translation.get_language()
    version = profile_version(profile)
    pdf, _created = PositionProfilePdf.objects.get_or_create(
        profile=profile, language=language, defaults={"status": PositionProfilePdf.Status.FAILED}
    )
    if not pdf.is_fresh(version) and not request.htmx and not pdf.is_pending(version):
        _queue(pdf, version)
        pdf.refresh_from_db()  # a worker that runs at once (tests, ImmediateBackend) has finished it
    filename = _filename(profile)
    if pdf.is_fresh(version):
        if request.htmx:  # the progress page's poll: let the browser fetch the file itself
            return file_ready(request, element_id="pdf-progress", download_url=request.path, name=filename)
        response = stored_download(pdf.stored_name, content_type="application/pdf", name=filename)
        if response is not None:
            return response
        PositionProfilePdf.objects.filter(pk=pdf.pk).update(stored_name="", file_version=None)
        _queue(PositionProfilePdf.objects.get(pk=pdf.pk), version)
        pdf.refresh_from_db()
    template = "position_profiles/pdf_progress.html#progress" if request.htmx else "position_profiles/pdf_progress.html"
    return render(
        request,
        template,
        {
            "pdf": pdf,
            "profile": profile,
            "filename": filename,
            "failed": pdf.status == PositionProfilePdf.Status.FAILED,
        },
        status=202,
    )
