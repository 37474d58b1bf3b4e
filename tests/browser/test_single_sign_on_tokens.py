"""Bad ID tokens from a real OpenID Connect provider are refused: a clear page, nothing
created, an audit entry. The provider (npm ``oidc-provider``) is started misbehaving in
one way each time (``OIDC_TAMPER`` in scripts/oidc-dev-provider.mjs)."""

import pytest
from allauth.socialaccount.models import SocialAccount
from django.utils import timezone
from playwright.sync_api import expect

from organisations.models import AuditEntry, Invitation, Membership, Role, User
from tests.browser.test_single_sign_on import sign_in_at_provider
from tests.organisations.factories import OrganisationFactory
from tests.signin.oidc_provider import configure_sign_in, running_provider

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser, browser_context_args):
    context = browser.new_context(**browser_context_args)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(
    ("tamper", "reason", "error"),
    [
        ("audience", "token", "InvalidAudienceError"),
        ("expired", "expired", "ExpiredSignatureError"),
        ("signature", "token", "InvalidSignatureError"),
        ("nonce", "state", "nonce"),
    ],
)
def test_bad_id_token_is_refused_and_nothing_is_created(page, live_server, transactional_db, tamper, reason, error):
    callback = f"{live_server.url}/accounts/oidc/org-testdal/login/callback/"
    organisation = OrganisationFactory(name="Welzijn Testdal", slug="testdal")
    invitation = Invitation.objects.create(
        organisation=organisation,
        email="nieuw@testdal.example",
        name="Nieuwe Collega",
        role=Role.MENTOR,
        token_hash="y" * 64,
        expires_at=timezone.now() + timezone.timedelta(days=3),
    )
    with running_provider([callback], tamper=tamper) as issuer:
        configure_sign_in(organisation, issuer)
        sign_in_at_provider(page, live_server.url, "nieuw@testdal.example")

    expect(page.locator(f"[data-reason={reason}]")).to_have_count(1)
    assert "/accounts/oidc/" in page.url
    assert not User.objects.filter(email="nieuw@testdal.example").exists()
    assert not Membership.objects.filter(organisation=organisation).exists()
    assert not SocialAccount.objects.exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    entry = AuditEntry.objects.get(organisation=organisation, action="signin.failed", params__code=reason)
    assert error in entry.params["detail"]
    assert not AuditEntry.objects.filter(organisation=organisation, action="signin.signed_in").exists()
