"""Anonymous endpoints take no files; a file above the limit is refused while it is read."""

import io

import pytest
from django.core.files import uploadhandler
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter

from organisations.models import Invitation, hash_token
from portfolios import uploads
from portfolios.models import Evidence

pytestmark = pytest.mark.django_db


@pytest.fixture
def bytes_passed_on(monkeypatch):
    """How many bytes of uploaded files reached Django's memory and temporary-file handlers."""
    seen = {"bytes": 0, "files": 0}
    for handler in (uploadhandler.MemoryFileUploadHandler, uploadhandler.TemporaryFileUploadHandler):
        original_chunk, original_new = handler.receive_data_chunk, handler.new_file

        def receive(self, raw_data, start, _original=original_chunk):
            if getattr(self, "activated", True):  # the memory handler only keeps small bodies
                seen["bytes"] += len(raw_data)
            return _original(self, raw_data, start)

        def new_file(self, *args, _original=original_new, **kwargs):
            seen["files"] += 1
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(handler, "receive_data_chunk", receive)
        monkeypatch.setattr(handler, "new_file", new_file)
    return seen


def test_password_reset_takes_no_file(client_for, bytes_passed_on, personas):
    upload = SimpleUploadedFile("payload.bin", b"x" * 500_000)
    response = client_for(None).post(reverse("password_reset"), {"email": personas.trainee.email, "file": upload})
    assert response.status_code == 302
    assert bytes_passed_on == {"bytes": 0, "files": 0}


def test_invitation_acceptance_takes_no_file(client_for, bytes_passed_on, personas):
    invitation = Invitation.objects.create(
        organisation=personas.organisation,
        email="nina@example.org",
        name="Nina",
        role="trainee",
        token_hash=hash_token("the-token"),
        invited_by=personas.hr,
        expires_at="2099-01-01T00:00:00Z",
    )
    upload = SimpleUploadedFile("payload.bin", b"x" * 500_000)
    client_for(None).post(
        invitation.accept_url("the-token"),
        {"name": "Nina", "password1": "Een-sterk-wachtwoord-42", "password2": "Een-sterk-wachtwoord-42", "f": upload},
    )
    assert bytes_passed_on == {"bytes": 0, "files": 0}


def test_a_file_above_the_limit_is_not_passed_on_and_refused_in_words(
    traineeship, personas, client_for, settings, monkeypatch, bytes_passed_on
):
    from tests.portfolios.factories import GoalFactory

    limit = 1024 * 1024
    settings.UPLOAD_MAX_BYTES = limit
    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", limit)
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    big = buffer.getvalue() + b"%" * (3 * limit)
    goal = GoalFactory(traineeship=traineeship)
    response = client_for(personas.trainee, language="en").post(
        reverse("portfolios:evidence_create", kwargs={"pk": traineeship.pk}),
        {"title": "Groot", "goals": [goal.pk], "upload": SimpleUploadedFile("groot.pdf", big, "application/pdf")},
    )
    assert response.status_code == 200
    assert "the limit is 1.0" in response.content.decode()
    assert not Evidence.objects.exists()
    assert bytes_passed_on["bytes"] <= limit


def test_a_body_far_above_any_form_is_refused(client_for, personas, settings):
    settings.REQUEST_MAX_BYTES = 100_000
    upload = SimpleUploadedFile("payload.bin", b"x" * 200_000)
    response = client_for(personas.trainee).post(reverse("organisations:profile"), {"name": "X", "f": upload})
    assert response.status_code == 400
