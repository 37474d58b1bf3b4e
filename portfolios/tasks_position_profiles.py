"""The worker's part of a position profile's PDF (``portfolios.position_profile_pdfs``)."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.tasks import task
from django.utils import timezone, translation

from portfolios.pdf.position_profile import render_position_profile_pdf
from portfolios.position_profile_pdfs import PositionProfilePdf, profile_version


@task
def render_position_profile(*, pdf_id: int) -> None:
    pdf = PositionProfilePdf.objects.select_related("profile").filter(pk=pdf_id).first()
    if pdf is None:
        return
    rows = PositionProfilePdf.objects.filter(pk=pdf.pk)
    version = profile_version(pdf.profile)
    rows.update(status=PositionProfilePdf.Status.RUNNING)
    try:
        with translation.override(pdf.language):
            content = render_position_profile_pdf(profile=pdf.profile, language=pdf.language)
        stored = default_storage.save(
            f"pdfs/position-profiles/{pdf.profile_id}-{pdf.language}-{version}.pdf", ContentFile(content)
        )
    except Exception as error:
        rows.update(status=PositionProfilePdf.Status.FAILED, error=str(error)[:2000], finished_at=timezone.now())
        raise
    rows.update(
        status=PositionProfilePdf.Status.DONE, stored_name=stored, file_version=version, finished_at=timezone.now()
    )
    if pdf.stored_name and pdf.stored_name != stored:
        default_storage.delete(pdf.stored_name)
