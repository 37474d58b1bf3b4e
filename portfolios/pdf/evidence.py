"""Evidence files inside the portfolio PDF: embedded as associated files (PDF/A-3 allows it),
up to a stated total size per PDF; what does not fit is listed with a note instead."""

import io
from dataclasses import dataclass

import weasyprint
from django.conf import settings
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _

from portfolios.models import Evidence
from portfolios.pdf.base import StaticOnlyFetcher

# How an evidence file relates to the portfolio (ISO 32000-2, 7.11.3): it supplements it.
RELATIONSHIP = "Supplement"


@dataclass
class EvidenceRow:
    number: int
    evidence: Evidence
    attachment_name: str = ""  # set when the file is inside the PDF
    note: str = ""  # why a file is not inside


def limit_bytes() -> int:
    return settings.PORTFOLIO_PDF_ATTACHMENTS_MAX_BYTES


def _linked_to(evidence: Evidence) -> str:
    goals = [goal.title for goal in evidence.goals.all()]
    competencies = [competency.code for competency in evidence.competencies.all()]
    return "; ".join(goals + competencies)


def _read(evidence: Evidence) -> bytes | None:
    try:
        with default_storage.open(evidence.stored_name, "rb") as handle:
            return handle.read()
    except (FileNotFoundError, OSError):
        return None


def embed_evidence(evidence_list) -> tuple[list[EvidenceRow], list[weasyprint.Attachment]]:
    """Rows for the evidence section and the attachments, oldest first, within ``limit_bytes()``."""
    rows, attachments, total = [], [], 0
    fetcher = StaticOnlyFetcher()  # WeasyPrint's default would be made anew (with a TLS context) per file
    for number, evidence in enumerate(sorted(evidence_list, key=lambda e: (e.created_at, e.pk)), start=1):
        row = EvidenceRow(number, evidence)
        rows.append(row)
        if evidence.kind != Evidence.Kind.FILE:
            continue
        if total + evidence.size > limit_bytes():
            row.note = _("Not inside this PDF: the files together would exceed the limit; see the portfolio online.")
            continue
        content = _read(evidence)
        if content is None:
            row.note = _("The file could not be found in storage.")
            continue
        total += len(content)
        row.attachment_name = f"{number:02d}-{evidence.original_name or evidence.stored_name.rsplit('/', 1)[-1]}"
        linked = _linked_to(evidence)
        description = f"{evidence.title} ({linked})" if linked else evidence.title
        attachments.append(
            weasyprint.Attachment(
                file_obj=io.BytesIO(content),
                name=row.attachment_name,
                description=description,
                created=evidence.created_at,
                modified=evidence.created_at,
                relationship=RELATIONSHIP,
                url_fetcher=fetcher,
            )
        )
    return rows, attachments
