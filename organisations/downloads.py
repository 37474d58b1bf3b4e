"""A file the app stored (a PDF, a ZIP, evidence, the overview's list), sent back as a named download."""

from django.core.files.storage import default_storage
from django.http import FileResponse, HttpResponse

from organisations import encoding


def stored_download(stored_name: str, *, content_type: str, name: str, stream: bool = False) -> HttpResponse | None:
    """The stored file, named (and kept from caches) by ``encoding.attach``; None when the file is
    gone. Read at once (a few MB at most, so the handle closes here), or with ``stream`` sent in
    chunks (ZIPs and uploads, which may be large). ``nosniff`` is set on every answer by the
    security middleware (``SECURE_CONTENT_TYPE_NOSNIFF``)."""
    try:
        handle = default_storage.open(stored_name, "rb")
    except FileNotFoundError:
        return None
    if stream:
        response = FileResponse(handle, content_type=content_type)  # closes the handle when sent
    else:
        with handle:
            response = HttpResponse(handle.read(), content_type=content_type)
    return encoding.attach(response, name)
