"""Serving a PDF the task worker renders and keeps (``portfolios.stored_pdfs``): the file at once
when fresh, else a progress page that polls until it is."""

from django.shortcuts import render
from django.utils import translation

from organisations.downloads import stored_download
from organisations.progress import file_ready
from portfolios import stored_pdfs
from portfolios.models import StoredPdf
from portfolios.stored_pdfs import RenderedPdf
from portfolios.tasks import render_stored_pdf
from programmes import content_version
from programmes.permissions import portfolio_windows


def serve_rendered(
    request,
    pdf: RenderedPdf,
    *,
    version: int,
    queue,
    filename: str,
    progress_template: str,
    context: dict,
    on_download=None,
):
    """``pdf`` (access checked by the caller) as a download when its file is of ``version``; else
    ``queue(pdf)`` asks the worker for it (unless a job for it is under way) and the progress page
    (``progress_template``, its ``progress`` partial for the page's poll) shows how far it is.

    ``on_download`` runs when the file is served (the audit trail); ``filename`` is the download's name."""
    if not pdf.is_fresh(version) and not request.htmx and not pdf.is_pending(version):
        queue(pdf)
        pdf.refresh_from_db()  # a worker that runs at once (tests, ImmediateBackend) has finished it
    if pdf.is_fresh(version):
        if request.htmx:  # the progress page's poll: let the browser fetch the file itself
            return file_ready(request, element_id="pdf-progress", download_url=request.path, name=filename)
        response = stored_download(pdf.stored_name, content_type="application/pdf", name=filename)
        if response is not None:
            if on_download:
                on_download()
            return response
        # The file is gone (a restore without the files): make it again.
        type(pdf).objects.filter(pk=pdf.pk).update(stored_name="", file_version=None)
        queue(type(pdf).objects.get(pk=pdf.pk))
        pdf.refresh_from_db()
    template = f"{progress_template}#progress" if request.htmx else progress_template
    failed = pdf.status == RenderedPdf.Status.FAILED
    return render(request, template, {**context, "pdf": pdf, "filename": filename, "failed": failed}, status=202)


def deliver(request, *, traineeship, kind: str, relations, filename: str, on_download=None, language=None):
    """The stored ``kind`` PDF of ``traineeship`` for the requesting reader's view (access checked by the caller)."""
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
    return serve_rendered(
        request,
        pdf,
        version=version,
        queue=lambda pdf: pdf.queue_render(version, render_stored_pdf, reader=request.user),
        filename=filename,
        progress_template="portfolios/pdf_progress.html",
        context={"traineeship": traineeship},
        on_download=on_download,
    )
