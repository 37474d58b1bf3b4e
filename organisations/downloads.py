"""A file the app stored (a PDF, the overview's list), sent back as a named download."""

from django.core.files.storage import default_storage
from django.http import HttpResponse

from organisations import encoding


def stored_download(stored_name: str, *, content_type: str, name: str) -> HttpResponse | None:
    """The stored file, read at once (a few MB at most, so the handle closes here), named (and kept
    from caches) by ``encoding.attach``; None when the file is gone. ``nosniff`` is set on every
    answer by the security middleware (``SECURE_CONTENT_TYPE_NOSNIFF``)."""
    try:
        with default_storage.open(stored_name, "rb") as handle:
            content = handle.read()
    except FileNotFoundError:
        return None
    return encoding.attach(HttpResponse(content, content_type=content_type), name)
