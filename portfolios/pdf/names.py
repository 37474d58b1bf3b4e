"""Dutch, ASCII-safe file names for the PDF downloads, in one place."""

import datetime

from django.utils import timezone
from django.utils.text import slugify

PORTFOLIO = "portfolio"
FINAL_EVALUATION = "eindevaluatie"
BLANK_FINAL_EVALUATION = "eindevaluatie-formulier"


def pdf_filename(kind: str, name: str, on: datetime.date | None = None) -> str:
    """``portfolio-<naam>-<datum>.pdf``, ``eindevaluatie-<naam>.pdf`` or the blank form's name.

    slugify drops accents and anything outside ASCII letters, digits and hyphens, so the name
    is safe in a Content-Disposition header and on every file system."""
    slug = slugify(name) or "trainee"
    if kind == PORTFOLIO:
        return f"{PORTFOLIO}-{slug}-{(on or timezone.localdate()):%Y-%m-%d}.pdf"
    return f"{kind}-{slug}.pdf"
