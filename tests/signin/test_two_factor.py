"""Two-factor authentication through the views: TOTP, recovery codes, and an
organisation that requires a second factor for the roles that read personal data."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from organisations.models import AuditEntry
from signin.models import OrganisationSignIn

PASSWORD = "test-password-123"


def totp_now(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in(client, user):
    return client.post("/accounts/login/", {"username": user.email, "password": PASSWORD})


def activate_totp(client) -> str:
    """Set up an authenticator app through allauth's pages; returns its secret."""
    response = client.get("/accounts/2fa/totp/activate/")
    if response.status_code == 302 and response["Location"].startswith("/accounts/reauthenticate/"):
        # Changing second factors asks for the password again (allauth's re-authentication).
        assert client.get(response["Location"]).status_code == 200
        client.post(response["Location"], {"password": PASSWORD})
        response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 200
    secret = client.session["mfa.totp.secret"]
    response = client.post("/accounts/2fa/totp/activate/", {"code": totp_now(secret)})
    assert response.status_code == 302, response.content.decode()[:500]
    return secret


@pytest.fixture
def hr_with_totp(client, personas, django_capture_on_commit_callbacks):
    sign_in(client, personas.hr)
    with django_capture_on_commit_callbacks(execute=True):
        secret = activate_totp(client)
    client.post("/accounts/logout/")
    return personas.hr, secret


def test_password_sign_in_is_one_post_without_a_second_factor(client, personas):
    response = sign_in(client, personas.hr)
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").status_code == 200
    signed_in = AuditEntry.objects.filter(action="signin.signed_in", subject=personas.hr)
    assert signed_in.filter(params__variant="password").exists()


def test_totp_is_asked_after_the_password_and_signs_in(client, hr_with_totp):
    user, secret = hr_with_totp
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert AuditEntry.objects.filter(action="signin.two_factor_changed", subject=user).exists()
    response = sign_in(client, user)
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert client.get("/").status_code == 302  # not signed in yet
    response = client.post("/accounts/2fa/authenticate/", {"code": "000000" if totp_now(secret) != "000000" else "1"})
    assert response.status_code == 200  # a wrong code stays on the form with a message
    time.sleep(0)  # the same code may not be used twice within its period; use the next one if needed
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_now(secret)})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").status_code == 200
    assert AuditEntry.objects.filter(action="signin.signed_in", subject=user, params__variant="password_mfa").exists()


def test_recovery_code_signs_in_once(client, hr_with_totp):
    user, _secret = hr_with_totp
    code = RecoveryCodes(
        Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    ).get_unused_codes()[0]
    sign_in(client, user)
    response = client.post("/accounts/2fa/authenticate/", {"code": code})
    assert response.status_code == 302 and response["Location"] == "/"
    client.post("/accounts/logout/")
    sign_in(client, user)
    response = client.post("/accounts/2fa/authenticate/", {"code": code})
    assert response.status_code == 200  # used up


def test_required_two_factor_sends_staff_to_set_it_up(client, personas, client_for):
    OrganisationSignIn.objects.create(organisation=personas.organisation, require_two_factor=True)
    sign_in(client, personas.mentor)
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/accounts/2fa/"
    assert client.get("/accounts/2fa/").status_code == 200
    activate_totp(client)
    assert client.get("/").status_code == 200


def test_required_two_factor_does_not_apply_to_trainees(client, personas):
    OrganisationSignIn.objects.create(organisation=personas.organisation, require_two_factor=True)
    sign_in(client, personas.trainee)
    assert client.get("/").status_code == 200


def test_other_organisations_requirement_does_not_apply(client, personas):
    OrganisationSignIn.objects.create(organisation=personas.other_organisation, require_two_factor=True)
    sign_in(client, personas.hr)
    assert client.get("/").status_code == 200
