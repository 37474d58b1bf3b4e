"""Heavy work off the request path: a cohort's portfolios as one ZIP."""

import io
import zipfile

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import F
from django.tasks import task
from django.utils import timezone

from portfolios import stored_pdfs
from portfolios.models import PortfolioExport, StoredPdf
from portfolios.pdf import names
from portfolios.pdf.portfolio import render_portfolio_pdf
from programmes.models import Traineeship
from programmes.permissions import portfolio_scope


@task
def build_export(*, export_id: int) -> None:
    export = PortfolioExport.objects.select_related("cohort", "requested_by").get(pk=export_id)
    traineeships = list(
        Traineeship.objects.filter(cohort=export.cohort)
        .of_organisation(export.organisation)
        # Only portfolios the person who asked may read (the same rule as the portfolio page).
        .filter(portfolio_scope(export.requested_by))
        .select_related("trainee", "programme__owner")
        .order_by("trainee__name", "pk")
    )
    PortfolioExport.objects.filter(pk=export.pk).update(
        status=PortfolioExport.Status.RUNNING, total=len(traineeships), done=0, started_at=timezone.now()
    )
    try:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            used = set()
            for traineeship in traineeships:
                pdf = render_portfolio_pdf(
                    traineeship=traineeship,
                    language=export.language,
                    reader=export.requested_by,
                    made_by=export.requested_by,
                )
                name = names.pdf_filename(names.PORTFOLIO, traineeship.trainee.name)
                if name in used:  # two trainees of the same name
                    name = name.removesuffix(".pdf") + f"-{traineeship.pk}.pdf"
                used.add(name)
                archive.writestr(name, pdf)
                PortfolioExport.objects.filter(pk=export.pk).update(done=F("done") + 1)
        stored = default_storage.save(
            f"exports/{export.pk}-{timezone.now():%Y%m%d%H%M%S}.zip", ContentFile(buffer.getvalue())
        )
    except Exception as error:
        PortfolioExport.objects.filter(pk=export.pk).update(
            status=PortfolioExport.Status.FAILED, error=str(error)[:2000], finished_at=timezone.now()
        )
        raise
    PortfolioExport.objects.filter(pk=export.pk).update(
        status=PortfolioExport.Status.DONE, stored_name=stored, finished_at=timezone.now()
    )


@task
def render_stored_pdf(*, pdf_id: int) -> None:
    """Render one stored PDF for its view; a reader whose view changed meanwhile gets no file."""
    from django.utils import translation

    from programmes import content_version
    from programmes.permissions import portfolio_windows, relations_of

    pdf = StoredPdf.objects.select_related("traineeship", "reader").filter(pk=pdf_id).first()
    if pdf is None:
        return
    rows = StoredPdf.objects.filter(pk=pdf.pk)
    traineeship, reader = pdf.traineeship, pdf.reader
    version = content_version.current(traineeship)
    relations = relations_of(reader, traineeship) if reader else frozenset()
    windows = portfolio_windows(reader, traineeship, relations) if relations else None
    if not relations or stored_pdfs.view_key(pdf.kind, pdf.language, relations, windows) != pdf.view_key:
        rows.update(status=StoredPdf.Status.FAILED, error="the reader's view changed", finished_at=timezone.now())
        return
    rows.update(status=StoredPdf.Status.RUNNING)
    try:
        with translation.override(pdf.language):
            content = stored_pdfs.KINDS[pdf.kind].render(traineeship=traineeship, language=pdf.language, reader=reader)
        stored = default_storage.save(f"pdfs/{traineeship.pk}/{pdf.kind}-{pdf.pk}-{version}.pdf", ContentFile(content))
    except Exception as error:
        rows.update(status=StoredPdf.Status.FAILED, error=str(error)[:2000], finished_at=timezone.now())
        raise
    rows.update(status=StoredPdf.Status.DONE, stored_name=stored, file_version=version, finished_at=timezone.now())
    if pdf.stored_name and pdf.stored_name != stored:
        default_storage.delete(pdf.stored_name)
