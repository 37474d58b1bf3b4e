"""Submitting a create form twice makes one record; the second lands on the first result."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfWriter

from organisations.models import Invitation
from portfolios.models import Evidence, FeedbackRequest, Reflection

pytestmark = pytest.mark.django_db


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_double_invitation_sends_one_mail(personas, client_for):
    hr = client_for(personas.hr)
    data = {"name": "Nina Nieuw", "email": "nina@example.org", "role": "trainee"}
    first = hr.post(reverse("organisations:invite"), data)
    second = hr.post(reverse("organisations:invite"), data)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert Invitation.objects.count() == 1 and len(mail.outbox) == 1


def test_a_double_reflection_is_saved_once_but_a_later_one_again(traineeship, personas, client_for):
    trainee = client_for(personas.trainee)
    url = reverse("portfolios:reflections", kwargs={"pk": traineeship.pk})
    data = {"text": "Vandaag leerde ik veel.", "written_on": "2026-11-01"}
    assert trainee.post(url, data).status_code == 302
    assert trainee.post(url, data).status_code == 302
    assert Reflection.objects.count() == 1
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        assert trainee.post(url, data).status_code == 302
    assert Reflection.objects.count() == 2


def test_different_people_or_content_are_not_duplicates(traineeship, personas, client_for):
    url = reverse("portfolios:reflections", kwargs={"pk": traineeship.pk})
    trainee = client_for(personas.trainee)
    trainee.post(url, {"text": "Eerste", "written_on": "2026-11-01"})
    trainee.post(url, {"text": "Tweede", "written_on": "2026-11-01"})
    assert Reflection.objects.count() == 2


def test_a_double_upload_stores_one_file(traineeship, personas, client_for):
    from tests.portfolios.factories import GoalFactory

    goal = GoalFactory(traineeship=traineeship)
    trainee = client_for(personas.trainee)
    url = reverse("portfolios:evidence_create", kwargs={"pk": traineeship.pk})
    for _ in range(2):
        upload = SimpleUploadedFile("certificaat.pdf", pdf_bytes(), content_type="application/pdf")
        response = trainee.post(url, {"title": "Certificaat", "goals": [goal.pk], "upload": upload})
        assert response.status_code == 302
    assert Evidence.objects.count() == 1


def test_a_double_feedback_request_asks_the_colleague_once(traineeship, personas, client_for):
    competency = traineeship.profile_competencies.first().competency
    trainee = client_for(personas.trainee)
    url = reverse("portfolios:feedback_request", kwargs={"pk": traineeship.pk})
    data = {"colleague_name": "Fatima", "colleague_email": "fatima@example.org", "competencies": [competency.pk]}
    assert trainee.post(url, data).status_code == 302
    assert trainee.post(url, data).status_code == 302
    assert FeedbackRequest.objects.count() == 1 and len(mail.outbox) == 1


def test_a_form_with_errors_can_be_sent_again(personas, client_for):
    hr = client_for(personas.hr)
    data = {"name": "Nina", "email": "geen-adres", "role": "trainee"}
    assert hr.post(reverse("organisations:invite"), data).status_code == 200
    assert hr.post(reverse("organisations:invite"), data).status_code == 200


def _has_single_submission(view) -> bool:
    while view is not None:
        if getattr(view, "single_submission", False):
            return True
        view = getattr(view, "__wrapped__", None)
    return False


def test_every_create_view_is_guarded():
    """A new create view (its address ends in new/ or its name in _create) without the guard fails here."""
    from django.urls import get_resolver

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern), pattern

    unguarded = [
        route
        for route, pattern in walk(get_resolver().url_patterns)
        if not route.startswith("admin/")
        and (route.endswith("new/") or (pattern.name or "").endswith("_create"))
        and not _has_single_submission(pattern.callback)
    ]
    assert unguarded == []
