"""Output encoding for the formats other than HTML: one helper per format.

HTML is escaped by Django's templates. E-mail headers and download file names are
written only through the helpers here, so a name with a line break or a quote
cannot break out of its header. iCalendar goes through the ``icalendar`` package
(``mentors.calendar``).
"""

import mimetypes
import re
import unicodedata
from urllib.parse import quote

# The extension a download gets follows the content type the upload check found,
# never the name the uploader typed.
EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "text/plain": ".txt",
    "text/csv": ".csv",
    "text/calendar": ".ics",
    "application/json": ".json",
    "application/zip": ".zip",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "audio/mpeg": ".mp3",
    "video/mp4": ".mp4",
}

_WHITESPACE = re.compile(r"\s+")
# Characters that have a meaning in a quoted header value or a file system path.
_FILENAME_UNSAFE = re.compile(r'[\\/:*?"<>|;]')


def one_line(value) -> str:
    """``value`` as one line of printable text: control characters and line breaks become spaces."""
    text = "".join(" " if unicodedata.category(char) in {"Cc", "Zl", "Zp"} else char for char in str(value or ""))
    return _WHITESPACE.sub(" ", text).strip()


def header_text(value, *, max_length: int = 200) -> str:
    """Text for an e-mail header (subject, display name): one line, never a header break."""
    text = one_line(value)
    return text[: max_length - 1] + "…" if len(text) > max_length else text


def extension_for(content_type: str) -> str:
    content_type = (content_type or "").split(";")[0].strip().lower()
    return EXTENSIONS.get(content_type) or mimetypes.guess_extension(content_type) or ".bin"


def download_name(stem: str, content_type: str) -> str:
    """A file name for a download: ``stem`` made safe, with the extension of the checked content type."""
    extension = extension_for(content_type)
    stem = one_line(stem)
    if stem.lower().endswith(extension):
        stem = stem[: -len(extension)]
    stem = _FILENAME_UNSAFE.sub("-", stem).strip(" .-") or "download"
    return stem[:120] + extension


def content_disposition(stem: str, content_type: str, *, attachment: bool = True) -> str:
    """A ``Content-Disposition`` value (RFC 6266) with an ASCII fallback and a UTF-8 ``filename*`` (RFC 5987).

    "Beoordeling Zoë.pdf" keeps its diacritic for browsers that read ``filename*`` and falls
    back to "Beoordeling Zoe.pdf" elsewhere.
    """
    name = download_name(stem, content_type)
    fallback = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    fallback = fallback.replace("\\", "-").replace('"', "-")
    if not fallback.strip(" .") or fallback.startswith("."):
        fallback = "download" + extension_for(content_type)
    disposition = "attachment" if attachment else "inline"
    value = f'{disposition}; filename="{fallback}"'
    if fallback != name:
        value += f"; filename*=UTF-8''{quote(name, safe='')}"
    return value


def attach(response, stem: str, *, attachment: bool = True):
    """Set the response's ``Content-Disposition`` from ``stem`` and its own content type.

    Every file the app hands out holds someone's data (a portfolio, a data copy, evidence, a meeting
    in a calendar), so it is for its reader only and never kept by a browser or proxy on the way."""
    response["Content-Disposition"] = content_disposition(stem, response["Content-Type"], attachment=attachment)
    response["Cache-Control"] = "private, no-store"
    return response
