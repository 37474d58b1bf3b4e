"""Values leave in iCalendar, e-mail headers and file names encoded for that format.

Hostile values go in through the views; the output is parsed back with the standard
parser of the format.
"""

import email
import email.utils
import io

import icalendar
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter

from organisations.encoding import content_disposition
from portfolios.models import Evidence
from tests.mentors.factories import MeetingFactory
from tests.portfolios.factories import GoalFactory

pytestmark = pytest.mark.django_db

HOSTILE = 'Zoë, "de" Vries;\r\nATTENDEE:mailto:evil@example.org\r\nEND:VEVENT\\n'


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def disposition_filename(value: str) -> str:
    """The file name a browser reads from the header: ``filename*`` (RFC 5987) before ``filename``."""
    message = email.message_from_string(f"Content-Disposition: {value}\n\n")
    names = [v for k, v in message.get_params(header="content-disposition") if k == "filename"]
    extended = [v for v in names if isinstance(v, tuple)]
    return email.utils.collapse_rfc2231_value(extended[0] if extended else names[0])


def test_calendar_file_with_hostile_names_parses_to_one_event(traineeship, personas, client_for):
    personas.trainee.name = HOSTILE
    personas.trainee.save()
    meeting = MeetingFactory(traineeship=traineeship, location=(HOSTILE + "x" * 200)[:200])  # the field holds 200
    response = client_for(personas.trainee).get(reverse("mentors:meeting_ics", kwargs={"pk": meeting.pk}))
    calendar = icalendar.Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    (event,) = events
    assert "ATTENDEE" not in event
    assert "mailto:evil@example.org" in str(event["LOCATION"])  # kept as text, not as a property
    assert "\n" not in str(event["LOCATION"]) and "\n" not in str(event["SUMMARY"])
    assert 'Zoë, "de" Vries;' in str(event["SUMMARY"])
    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))
    assert disposition_filename(response["Content-Disposition"]) == f"gesprek-{meeting.pk}.ics"


def test_evidence_accepted_as_pdf_always_downloads_as_pdf(traineeship, personas, client_for):
    goal = GoalFactory(traineeship=traineeship)
    upload = SimpleUploadedFile('Zoë\'s "rapport";.exe', pdf_bytes(), content_type="application/x-msdownload")
    response = client_for(personas.trainee).post(
        reverse("portfolios:evidence_create", kwargs={"pk": traineeship.pk}),
        {"title": "Rapport", "description": "", "goals": [goal.pk], "upload": upload},
    )
    assert response.status_code == 302
    item = Evidence.objects.get()
    download = client_for(personas.mentor).get(reverse("portfolios:evidence_download", kwargs={"pk": item.pk}))
    header = download["Content-Disposition"]
    assert header.isascii() and "\n" not in header
    name = disposition_filename(header)
    assert name.endswith(".pdf") and "Zoë" in name and '"' not in name


def test_pdf_download_is_named_after_the_trainee_in_dutch(traineeship, personas, client_for):
    personas.trainee.name = "Zoë\r\nX-Evil: 1"
    personas.trainee.save()
    response = client_for(personas.mentor).get(
        reverse("portfolios:final_evaluation_pdf", kwargs={"pk": traineeship.pk})
    )
    assert response.status_code == 200
    assert "X-Evil" not in response.headers or response.headers.get("X-Evil") is None
    name = disposition_filename(response["Content-Disposition"])
    # Not started yet: the blank form, named in Dutch after the trainee (accents folded away).
    assert name == "eindevaluatie-formulier-zoe-x-evil-1.pdf"


@pytest.mark.parametrize(
    ("stem", "content_type", "expected"),
    [
        ("rapport.exe", "application/pdf", "rapport.exe.pdf"),
        ("../../etc/passwd", "image/png", "etc-passwd.png"),
        ("beoordeling Zoë", "application/pdf", "beoordeling Zoë.pdf"),
        ("\r\n", "application/zip", "download.zip"),
        ("notitie.PDF", "application/pdf", "notitie.pdf"),
    ],
)
def test_download_names(stem, content_type, expected):
    assert disposition_filename(content_disposition(stem, content_type)) == expected
