"""Every upload form each role can reach refuses dangerous files with a message and stores nothing.

Upload forms are found by crawling (any POST form with ``<input type=file>``); the
roles reach the upload forms listed in ``tests/quality/reachable.py`` (none is a list too).
"""

import functools
import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.quality.conftest import ROLES, client_as, first_crawl_as
from tests.quality.forms import current_values
from tests.quality.reachable import UPLOADS, missing


@functools.cache
def zip_bomb() -> bytes:
    """A ~100 KB zip that inflates to 200 MB of zeros, dressed as a Word document."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\0" * (1024 * 1024)
            for _ in range(200):
                member.write(block)
    return buffer.getvalue()


def bad_files() -> list[tuple[str, str, bytes, str]]:
    limit = getattr(settings, "EVIDENCE_MAX_UPLOAD_BYTES", 11 * 1024 * 1024)
    pdf_start = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    return [
        ("renamed executable", "cv.pdf", b"\x7fELF\x02\x01\x01\x00" + b"\0" * 4096, "application/pdf"),
        ("HTML claiming to be a PDF", "verslag.pdf", b"<html><script>alert(1)</script></html>", "application/pdf"),
        ("oversized file", "groot.pdf", pdf_start + b"0" * (limit + 1024), "application/pdf"),
        (
            "zip bomb",
            "bom.docx",
            zip_bomb(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "path in the file name",
            "../../etc/passwd.pdf",
            pdf_start + b"1 0 obj\n<<>>\nendobj\n%%EOF\n",
            "application/pdf",
        ),
    ]


def stored_files() -> set[Path]:
    root = Path(settings.MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


@pytest.mark.parametrize("role", ROLES)
def test_upload_forms_refuse_dangerous_files(demo, role):
    client = client_as(role)
    forms = [form for form in first_crawl_as(client, role).forms if form.has_file]
    lost = missing(UPLOADS[role], forms)
    assert not lost, f"upload forms {role} should reach but the crawl did not find: {lost}"
    problems = []
    for form in forms:
        for label, name, content, content_type in bad_files():
            before = stored_files()
            data = current_values(form)
            for field in form.visible_fields():
                if field["type"] in ("text", "textarea") and not data.get(field["name"], [""])[0]:
                    data[field["name"]] = ["Bewijsstuk"]
            for field in form.fields:
                if field["type"] == "file":
                    data[field["name"]] = SimpleUploadedFile(name, content, content_type=content_type)
            response = client.post(form.action, data)
            where = f"{label} to {form.action} (form on {form.page})"
            if response.status_code not in (200, 400):
                problems.append(f"{where}: answered {response.status_code}, expected the form back with a message")
            new = stored_files() - before
            if new:
                problems.append(f"{where}: stored {sorted(str(path) for path in new)}")
    assert not problems, "\n".join(problems)
