"""Every mail is queued by the request and sent by the worker, with retries and a list for HR."""

from email import policy
from email.parser import BytesParser

import pytest
from django.core import mail as outbox
from django.urls import reverse

from organisations import mail
from organisations.models import OutgoingMail

pytestmark = pytest.mark.django_db


def invite(client, **data):
    payload = {"name": "Nina Nieuw", "email": "nina@example.org", "role": "trainee"} | data
    return client.post(reverse("organisations:invite"), payload)


def parsed(message):
    return BytesParser(policy=policy.default).parsebytes(message.message().as_bytes())


def test_the_request_only_queues_the_mail(personas, client_for, worker_not_running):
    response = invite(client_for(personas.hr))
    assert response.status_code == 302
    assert outbox.outbox == []  # nothing was sent during the request
    queued = OutgoingMail.objects.get()
    assert queued.status == OutgoingMail.Status.QUEUED and queued.recipient == "nina@example.org"
    assert [result.args for result in worker_not_running.results] == [[queued.pk]]
    mail.deliver(queued.pk)  # what the worker does
    assert len(outbox.outbox) == 1
    queued.refresh_from_db()
    assert queued.status == OutgoingMail.Status.SENT and queued.body == ""


def test_password_reset_is_queued_and_takes_no_mail_server(personas, client_for, worker_not_running):
    anonymous = client_for(None)
    known = anonymous.post(reverse("password_reset"), {"email": personas.trainee.email.upper()})
    unknown = anonymous.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert outbox.outbox == []
    queued = OutgoingMail.objects.get()
    assert queued.recipient == personas.trainee.email and queued.organisation == personas.organisation
    mail.deliver(queued.pk)
    assert "/accounts/reset/" in outbox.outbox[0].body


def test_an_unreachable_mail_server_gives_no_error_page(personas, client_for, unreachable_mail_server):
    assert invite(client_for(personas.hr)).status_code == 302
    assert client_for(None).post(reverse("password_reset"), {"email": personas.trainee.email}).status_code == 302
    assert OutgoingMail.objects.filter(status=OutgoingMail.Status.FAILED).count() == 2


def test_a_failed_delivery_is_retried_later(
    personas, client_for, worker_not_running, unreachable_mail_server, django_capture_on_commit_callbacks
):
    invite(client_for(personas.hr))
    queued = OutgoingMail.objects.get()
    worker_not_running.clear()
    with django_capture_on_commit_callbacks(execute=True):
        mail.deliver(queued.pk)
    queued.refresh_from_db()
    assert queued.status == OutgoingMail.Status.QUEUED and queued.attempts == 1
    assert queued.last_error == "ConnectionRefusedError"
    (retry,) = worker_not_running.results
    assert retry.args == [queued.pk] and retry.task.run_after is not None
    for _attempt in range(mail.MAX_ATTEMPTS - 1):
        with django_capture_on_commit_callbacks(execute=True):
            mail.deliver(queued.pk)
    queued.refresh_from_db()
    assert queued.status == OutgoingMail.Status.FAILED and queued.attempts == mail.MAX_ATTEMPTS


def test_hr_sees_failed_mails_and_sends_them_again(personas, client_for, unreachable_mail_server, settings):
    invite(client_for(personas.hr))
    page = client_for(personas.hr).get(reverse("organisations:failed_mail"))
    assert "nina@example.org" in page.content.decode()
    assert (
        "nina@example.org"
        not in client_for(personas.other_hr).get(reverse("organisations:failed_mail")).content.decode()
    )
    assert client_for(personas.trainee).get(reverse("organisations:failed_mail")).status_code == 403
    nav = client_for(personas.hr).get(reverse("home")).content.decode()
    assert reverse("organisations:failed_mail") in nav
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    failed = OutgoingMail.objects.get()
    response = client_for(personas.hr).post(reverse("organisations:failed_mail_retry", kwargs={"pk": failed.pk}))
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status == OutgoingMail.Status.SENT and len(outbox.outbox) == 1
    other = client_for(personas.other_hr).post(reverse("organisations:failed_mail_retry", kwargs={"pk": failed.pk}))
    assert other.status_code == 404


def test_a_name_with_line_breaks_never_breaks_a_header(traineeship, personas, client_for):
    personas.trainee.name = "Sanne\r\nBcc: evil@example.org\r\n\r\nHallo"
    personas.trainee.save()
    competency = traineeship.profile_competencies.first().competency
    response = client_for(personas.trainee).post(
        reverse("portfolios:feedback_request", kwargs={"pk": traineeship.pk}),
        {"colleague_name": "Fatima", "colleague_email": "fatima@example.org", "competencies": [competency.pk]},
    )
    assert response.status_code == 302
    message = parsed(outbox.outbox[-1])
    assert message["Bcc"] is None
    assert message["To"] == "fatima@example.org"
    assert "\n" not in message["Subject"] and "Sanne" in message["Subject"]


def test_a_name_too_odd_for_a_header_is_cleaned_not_a_500(personas, client_for):
    # (No NUL: PostgreSQL stores none, and every form refuses control characters.)
    personas.organisation.name = "Welzijn\u2028Zonnedal\x1f\r\n" + "ü🌷" * 85  # within the 200 characters of the field
    personas.organisation.save()
    response = invite(client_for(personas.hr))
    assert response.status_code == 302
    message = parsed(outbox.outbox[-1])
    assert "Welzijn Zonnedal" in message["Subject"]
    assert not any(char in message["Subject"] for char in "\r\n\x00\u2028")
    assert len(message["Subject"]) <= 255


def test_erasing_a_person_removes_the_mails_to_them(personas, client_for, unreachable_mail_server):
    client_for(None).post(reverse("password_reset"), {"email": personas.trainee.email})
    assert OutgoingMail.objects.filter(recipient=personas.trainee.email).exists()
    from organisations.models import Membership

    membership = Membership.objects.get(user=personas.trainee)
    response = client_for(personas.hr).post(
        reverse("privacy_person_erase", kwargs={"pk": membership.pk}), {"confirm": "yes"}
    )
    assert response.status_code == 302
    assert not OutgoingMail.objects.exists()
