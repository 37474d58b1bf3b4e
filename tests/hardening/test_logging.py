"""A 403/404 is one log line without traceback; a 500 keeps it; no personal data in lines."""

import logging

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


def request_records(caplog):
    return [r for r in caplog.records if r.name == "django.request"]


def test_a_404_is_one_line_without_traceback_or_token(client_for, personas, caplog):
    token = "Zq3x_secret-token-of-a-colleague-0123456789"
    with caplog.at_level(logging.WARNING):
        response = client_for(None).get(f"/portfolio/feedback/{token}/")
        client_for(personas.trainee).get("/traineeships/999999/")
    assert response.status_code in (200, 404)
    records = request_records(caplog)
    assert records
    for record in records:
        assert record.exc_info is None
        assert "Traceback" not in caplog.text
        assert token not in record.getMessage()
        assert "\n" not in record.getMessage()


def test_a_403_is_one_line_without_traceback(client_for, personas, caplog):
    with caplog.at_level(logging.WARNING):
        response = client_for(personas.trainee).get("/organisation/people/")
    assert response.status_code == 403
    (record,) = request_records(caplog)
    assert record.levelname == "WARNING"
    assert record.exc_info is None
    assert "Traceback" not in caplog.text


def test_an_invitation_token_and_address_never_reach_the_log(client_for, personas, caplog):
    with caplog.at_level(logging.WARNING):
        client_for(personas.trainee).get("/organisation/invitation/abcdefghijklmnopqrstuvwxyz012345/")
        client_for(personas.trainee).get(f"/portfolio/no-such-page/{personas.hr.email}/")
    assert "abcdefghijklmnopqrstuvwxyz012345" not in caplog.text
    assert personas.hr.email not in caplog.text


@override_settings(ROOT_URLCONF="tests.hardening.urls_boom")
def test_a_500_keeps_its_traceback(personas, caplog):
    client = Client(raise_request_exception=False)
    client.force_login(personas.hr)
    with caplog.at_level(logging.ERROR):
        response = client.get("/boom/")
    assert response.status_code == 500
    (record,) = request_records(caplog)
    assert record.exc_info is not None
    assert "RuntimeError" in caplog.text


def test_a_failed_mail_is_logged_by_id_only(personas, caplog, settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.hardening.mailers.Unreachable"}}
    with caplog.at_level(logging.INFO):
        from organisations import mail

        queued = mail.queue(to="private.person@example.org", subject="Hallo Privé Persoon", body="x")
    assert f"mail {queued.pk}" in caplog.text
    assert "private.person" not in caplog.text
    assert "Privé" not in caplog.text
