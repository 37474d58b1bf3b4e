"""Checking uploaded evidence by its content, and storing it under a name of our own.

A file is accepted for what it is, not for what its name says: the first bytes are
sniffed with ``filetype``, PDFs must open with pypdf, images must pass Pillow's
``verify()``, and DOCX/ODT are zip archives whose members say what they are (with a
cap on the total uncompressed size against zip bombs).
"""

import io
import re
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# The same limit the upload handler applies while the body is read (organisations.upload_limits).
MAX_UPLOAD_BYTES = settings.UPLOAD_MAX_BYTES
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
MAX_ZIP_MEMBERS = 2000

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
EXTENSIONS = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg", DOCX: "docx", ODT: "odt"}


@dataclass(frozen=True)
class CheckedFile:
    content: bytes
    content_type: str
    extension: str
    display_name: str


def display_name(name: str) -> str:
    """The user's file name as harmless display text: no folders, no control characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = unicodedata.normalize("NFC", base)
    base = "".join(ch for ch in base if ch.isprintable() and ch not in '<>:"|?*')
    return base.strip(" .")[:150] or "file"


def _check_pdf(content: bytes) -> None:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(content))
        if len(reader.pages) < 1:
            raise ValueError("no pages")
    except Exception as error:
        raise ValidationError(_("This file says it is a PDF but cannot be read as one.")) from error


def _check_image(content: bytes) -> None:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
    except Exception as error:
        raise ValidationError(_("This image is damaged or not really an image.")) from error


def _sniff_office(content: bytes) -> str | None:
    """DOCX or ODT when the zip says so; refuse archives that unpack to too much."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if len(members) > MAX_ZIP_MEMBERS or sum(m.file_size for m in members) > MAX_UNCOMPRESSED_BYTES:
        raise ValidationError(_("This archive unpacks to far more than it weighs; it is refused."))
    names = {m.filename for m in members}
    if "mimetype" in names:
        try:
            with archive.open("mimetype") as member:
                declared = member.read(len(ODT) + 2)
            if declared.strip() == ODT.encode():
                return ODT
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError):
            return None
    if "[Content_Types].xml" in names and "word/document.xml" in names:
        return DOCX
    return None


def check_upload(upload) -> CheckedFile:
    """Validate ``upload`` (an UploadedFile) by size and content; raise ValidationError in words."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_UPLOAD_BYTES)}
        )
    name = upload.name or ""
    if "/" in name or "\\" in name or "\x00" in name or name.startswith(".."):
        raise ValidationError(_("The file name may not contain a folder path; rename the file and try again."))
    upload.seek(0)
    content = upload.read(MAX_UPLOAD_BYTES + 1)
    if len(content) > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The file is larger than %(limit)s.") % {"limit": filesizeformat(MAX_UPLOAD_BYTES)})
    if not content:
        raise ValidationError(_("The file is empty."))
    kind = filetype.guess(content)
    mime = kind.mime if kind else None
    if mime == "application/pdf":
        _check_pdf(content)
    elif mime in {"image/png", "image/jpeg"}:
        _check_image(content)
    elif mime in {"application/zip", DOCX, ODT} or content[:4] == b"PK\x03\x04":
        mime = _sniff_office(content)
    else:
        mime = None
    if mime not in EXTENSIONS:
        raise ValidationError(
            _("This kind of file is not accepted. Upload a PDF, PNG, JPEG, Word (.docx) or OpenDocument (.odt) file.")
        )
    return CheckedFile(content=content, content_type=mime, extension=EXTENSIONS[mime], display_name=display_name(name))


def store(checked: CheckedFile, folder: str = "evidence") -> str:
    """Save under a uuid-based name of our own and return the storage name."""
    return default_storage.save(f"{folder}/{uuid.uuid4().hex}.{checked.extension}", ContentFile(checked.content))
