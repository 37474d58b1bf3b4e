"""Reading the portfolio PDFs back in tests: text per page, structure, attachments."""

import io
import re

import pikepdf
from pypdf import PdfReader


def pages_text(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def text_of(content: bytes) -> str:
    return "\n".join(pages_text(content))


def flat_text(content: bytes) -> str:
    """The text on one line: words wrapped across lines (also after a hyphen) joined again."""
    return " ".join(re.sub(r"-\n", "-", text_of(content)).split())


def open_pdf(content: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(content))


def struct_elements(pdf: pikepdf.Pdf, tag: str) -> list:
    """Every structure element of type ``tag`` (e.g. "/Figure", "/TH")."""
    found, stack = [], [pdf.Root.StructTreeRoot]
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Dictionary):
            if node.get("/S") == tag:
                found.append(node)
            kids = node.get("/K")
            if kids is not None:
                stack.extend(kids if isinstance(kids, pikepdf.Array) else [kids])
        elif isinstance(node, pikepdf.Array):
            stack.extend(node)
    return found


def store_evidence(traineeship, title: str, content: bytes, name: str, **fields):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from portfolios.models import Evidence

    stored = default_storage.save(f"evidence/{title[:10].replace(' ', '-')}.pdf", ContentFile(content))
    return Evidence.objects.create(
        traineeship=traineeship,
        kind=Evidence.Kind.FILE,
        title=title,
        stored_name=stored,
        original_name=name,
        content_type="application/pdf",
        size=len(content),
        **fields,
    )
