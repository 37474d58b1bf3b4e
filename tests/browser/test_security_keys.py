"""A security key (WebAuthn) as second factor, with Chromium's virtual authenticator."""

import pytest
from allauth.mfa.models import Authenticator
from playwright.sync_api import expect

from organisations.models import Role
from tests.browser.steps import click_through, sign_in
from tests.organisations.factories import OrganisationFactory, member

pytestmark = pytest.mark.browser
PASSWORD = "test-password-123"


@pytest.fixture
def page(browser, browser_context_args):
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    yield page
    context.close()


def password_sign_in(page, base_url, email):
    sign_in(page, base_url, email, PASSWORD)


def test_security_key_is_added_and_asked_at_sign_in(page, live_server, transactional_db):
    person = member(OrganisationFactory(slug="sleutel"), Role.MENTOR, email="sleutel@testdal.example")
    password_sign_in(page, live_server.url, person.email)
    page.goto(f"{live_server.url}/accounts/2fa/webauthn/add/")
    if "/accounts/reauthenticate/" in page.url:
        page.fill("input[name=password]", PASSWORD)
        page.click("main form button[type=submit]")
        page.wait_for_url("**/webauthn/add/**")
    page.fill("input[name=name]", "Sleutel")
    with page.expect_navigation():
        page.click("#mfa_webauthn_add")
    assert Authenticator.objects.filter(user=person, type=Authenticator.Type.WEBAUTHN).exists()

    page.context.clear_cookies()
    password_sign_in(page, live_server.url, person.email)
    assert "/accounts/2fa/authenticate/" in page.url
    click_through(page.locator("#mfa_webauthn_authenticate"))
    assert page.url.rstrip("/") == live_server.url.rstrip("/"), page.url
    expect(page.locator("body")).to_contain_text(person.name)
