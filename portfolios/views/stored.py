"""Serving a stored PDF (``portfolios.stored_pdfs``): the file at once when fresh, else a progress page."""

from django.shortcuts import render
from django.utils import timezone, translation

from organisations.downloads import stored_download
from organisations.progress import file_ready
from portfolios import stored_pdfs
from portfolios.models import StoredPdf
from programmes import content_version
from programmes.permissions import portfolio_windows


def _queue(pdf: StoredPdf, version: int, reader) -> None:
    """Ask the worker for ``version``; of two requests at once only one queues the job."""
    from portfolios.tasks import render_stored_pdf

    claimed = StoredPdf.objects.filter(pk=pdf.pk, status=pdf.status, requested_version=pdf.requested_version).update(
        status=StoredPdf.Status.QUEUED,
        requested_version=version,
        reader=reader,
        error="",
        queued_at=timezone.now(),
    )
    if claimed:
        render_stored_pdf.enqueue(pdf_id=pdf.pk)


def deliver(request, *, traineeship, kind: str, relations, filename: str, on_download=None, language=None):
    """The stored ``kind`` PDF of ``traineeship`` for the requesting reader's view (access checked by the caller).

    ``on_download`` runs when the file is served (the audit trail); ``filename`` is the download's name."""
    language = language or translation.get_language()
    windows = portfolio_windows(request.user, traineeship, relations)
    key = stored_pdfs.view_key(kind, language, relations, windows)
    version = content_version.current(traineeship)
    pdf, _created = StoredPdf.objects.get_or_create(
        traineeship=traineeship,
        kind=kind,
        view_key=key,
        defaults={"language": language, "reader": request.user, "status": StoredPdf.Status.FAILED},
    )
    if not pdf.is_fresh(version) and not request.htmx and not pdf.is_pending(version):
        _queue(pdf, version, request.user)
        pdf.refresh_from_db()  # a worker that runs at once (tests, ImmediateBackend) has finished it
    if pdf.is_fresh(version):
        if request.htmx:  # the progress page's poll: let the browser fetch the file itself
            return file_ready(request, element_id="pdf-progress", download_url=request.path, name=filename)
        response = stored_download(pdf.stored_name, content_type="application/pdf", name=filename)
        if response is not None:
            if on_download:
                on_download()
            return response
        StoredPdf.objects.filter(pk=pdf.pk).update(stored_name="", file_version=None)
        _queue(StoredPdf.objects.get(pk=pdf.pk), version, request.user)
        pdf.refresh_from_db()
    template = "portfolios/pdf_progress.html#progress" if request.htmx else "portfolios/pdf_progress.html"
    return render(
        request,
        template,
        {"pdf": pdf, "traineeship": traineeship, "filename": filename, "failed": pdf.status == StoredPdf.Status.FAILED},
        status=202,
    )
