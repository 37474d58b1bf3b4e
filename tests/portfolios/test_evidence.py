import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image
from pypdf import PdfWriter

from portfolios import uploads
from portfolios.models import Evidence
from tests.portfolios.factories import GoalFactory


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "blue").save(buffer, "PNG")
    return buffer.getvalue()


def docx_bytes(padding: int = 0) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        if padding:
            archive.writestr("word/media/zeros.bin", b"\0" * padding)
    return buffer.getvalue()


def stored_files() -> list[str]:
    try:
        return default_storage.listdir("evidence")[1]
    except FileNotFoundError:
        return []


@pytest.fixture
def post_evidence(traineeship, personas, client_for):
    goal = GoalFactory(traineeship=traineeship)

    def post(name, content, content_type="application/octet-stream", **extra):
        data = {"title": "Certificaat training", "description": "Behaald", "goals": [goal.pk]} | extra
        if content is not None:
            data["upload"] = SimpleUploadedFile(name, content, content_type=content_type)
        return client_for(personas.trainee, language="en").post(
            reverse("portfolios:evidence_create", kwargs={"pk": traineeship.pk}), data
        )

    return post


def test_a_real_pdf_is_stored_under_our_own_name(post_evidence, traineeship, personas, client_for):
    response = post_evidence("../../etc/mijn certificaat.pdf", pdf_bytes(), "application/pdf")
    assert response.status_code == 302
    item = Evidence.objects.get()
    assert item.original_name == "mijn certificaat.pdf"
    assert item.stored_name.startswith("evidence/") and "certificaat" not in item.stored_name
    assert item.content_type == "application/pdf"
    download = client_for(personas.mentor).get(reverse("portfolios:evidence_download", kwargs={"pk": item.pk}))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    outsider = client_for(personas.other_hr).get(reverse("portfolios:evidence_download", kwargs={"pk": item.pk}))
    assert outsider.status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("certificaat.pdf", b"\x7fELF\x02\x01\x01" + b"\0" * 200, "not accepted"),
        ("certificaat.pdf", b"MZ\x90\x00" + b"\0" * 200, "not accepted"),
        ("rapport.pdf", b"<html><body>PDF</body></html>", "not accepted"),
        ("kapot.pdf", b"%PDF-1.7\n this is not a pdf at all", "cannot be read"),
        ("foto.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 50, "damaged"),
        ("bom.docx", docx_bytes(padding=60 * 1024 * 1024), "unpacks"),
    ],
)
def test_files_that_are_not_what_they_claim_are_refused(post_evidence, name, content, message):
    response = post_evidence(name, content, "application/pdf")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Certificaat training" in body  # the rest of the form is kept
    assert "is-invalid" in body and message in body
    assert not Evidence.objects.exists()
    assert stored_files() == []


def test_oversized_file_is_refused_with_the_limit(post_evidence):
    response = post_evidence("groot.pdf", b"%PDF" + b"0" * (uploads.MAX_UPLOAD_BYTES + 1), "application/pdf")
    assert response.status_code == 200
    assert "the limit is 10.0\xa0MB" in response.content.decode()
    assert not Evidence.objects.exists()


def test_image_and_docx_and_link_are_accepted(post_evidence):
    assert post_evidence("foto.png", png_bytes(), "image/png").status_code == 302
    assert post_evidence("verslag.docx", docx_bytes(), "application/zip").status_code == 302
    assert post_evidence("", None, url="https://video.example.org/vlog-1").status_code == 302
    kinds = sorted(Evidence.objects.values_list("content_type", flat=True))
    assert kinds == ["", uploads.DOCX, "image/png"]


def test_path_in_the_file_name_is_refused():
    class Upload:
        name = "../../../etc/passwd.pdf"
        size = 10

        def seek(self, _):
            pass

        def read(self, _=None):
            return pdf_bytes()

    with translation.override("en"), pytest.raises(ValidationError, match="folder"):
        uploads.check_upload(Upload())
    assert stored_files() == []


def test_only_the_trainee_adds_evidence(traineeship, personas, client_for):
    url = reverse("portfolios:evidence_create", kwargs={"pk": traineeship.pk})
    assert client_for(personas.mentor).get(url).status_code == 403
    assert client_for(personas.other_trainee).get(url).status_code == 404


def odt_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", uploads.ODT)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def test_odt_is_recognised_by_its_mimetype_member(post_evidence):
    assert post_evidence("verslag.odt", odt_bytes(), "application/octet-stream").status_code == 302
    assert Evidence.objects.get().content_type == uploads.ODT
