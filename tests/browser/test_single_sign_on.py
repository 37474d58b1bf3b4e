"""Single sign-on through a real OpenID Connect provider, the whole redirect journey in Chromium."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.utils import timezone
from playwright.sync_api import expect

from organisations.models import AuditEntry, Invitation, Membership, Role, User
from tests.browser.steps import click_through
from tests.organisations.factories import OrganisationFactory, member
from tests.signin.oidc_provider import configure_sign_in, running_provider

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def issuer(live_server):
    callback = f"{live_server.url}/accounts/oidc/org-testdal/login/callback/"
    with running_provider([callback], [f"{live_server.url}/accounts/login/"]) as url:
        yield url


@pytest.fixture
def testdal(transactional_db, issuer):
    organisation = OrganisationFactory(name="Welzijn Testdal", slug="testdal")
    configure_sign_in(organisation, issuer)
    return organisation


@pytest.fixture
def page(browser, browser_context_args):
    context = browser.new_context(**browser_context_args)
    yield context.new_page()
    context.close()


def sign_in_at_provider(page, base_url: str, email: str) -> None:
    """Type only the e-mail address here, then sign in and consent at the provider."""
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=username]", email)
    page.click("main form button[type=submit]")
    page.wait_for_selector("input[name=login]")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", "anything")
    with page.expect_navigation():
        page.click("button[type=submit]")
    for _step in range(3):  # the provider's consent page, once per person
        if "/interaction/" not in page.url:
            break
        with page.expect_navigation():
            page.click("button[type=submit]")
    page.wait_for_url(lambda url: url.startswith(base_url))


def test_invited_person_signs_in_and_is_linked(page, live_server, testdal):
    invitation = Invitation.objects.create(
        organisation=testdal,
        email="nieuw@testdal.example",
        name="Nieuwe Collega",
        role=Role.MENTOR,
        token_hash="x" * 64,
        expires_at=timezone.now() + timezone.timedelta(days=3),
    )
    sign_in_at_provider(page, live_server.url, "nieuw@testdal.example")
    assert "/accounts/" not in page.url, page.inner_text("body")[:2000]
    user = User.objects.get(email="nieuw@testdal.example")
    assert not user.has_usable_password()
    assert Membership.objects.filter(user=user, organisation=testdal, role=Role.MENTOR).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    assert SocialAccount.objects.filter(user=user, provider="org-testdal").exists()
    actions = set(AuditEntry.objects.filter(organisation=testdal).values_list("action", flat=True))
    assert {"signin.identity_linked", "signin.signed_in", "invitation.accepted"} <= actions

    # Sign out here; the provider's sign-out is offered.
    page.click("header details.menu-end summary")  # the account menu
    click_through(page.locator("header form[action='/accounts/logout/'] button"))
    expect(page.locator("a[href*='/session/end']")).to_have_count(1)


def test_existing_member_is_linked_on_first_use_and_second_time_just_signs_in(page, live_server, testdal):
    person = member(testdal, Role.HR, email="hr@testdal.example")
    sign_in_at_provider(page, live_server.url, "HR@testdal.example")
    assert "/accounts/" not in page.url
    assert SocialAccount.objects.filter(user=person).count() == 1
    expect(page.locator("body")).to_contain_text(person.name)


def test_unknown_person_is_refused_and_nothing_is_created(page, live_server, testdal):
    sign_in_at_provider(page, live_server.url, "vreemde@testdal.example")
    expect(page.locator("[data-reason=unknown_person]")).to_have_count(1)
    assert page.get_attribute("html", "lang") == "nl"
    assert not User.objects.filter(email="vreemde@testdal.example").exists()
    assert not SocialAccount.objects.exists()
    assert AuditEntry.objects.filter(organisation=testdal, action="signin.failed").count() == 1


def test_member_of_another_organisation_gets_no_role_here(page, live_server, testdal):
    other = OrganisationFactory(slug="elders")
    person = member(other, Role.HR, email="hr2@testdal.example")
    sign_in_at_provider(page, live_server.url, "hr2@testdal.example")
    expect(page.locator("[data-reason=unknown_person]")).to_have_count(1)
    assert not Membership.objects.filter(user=person, organisation=testdal).exists()


def test_automatic_membership_gives_the_default_role(page, live_server, testdal):
    testdal.sign_in.auto_membership = True
    testdal.sign_in.auto_membership_role = Role.TRAINEE
    testdal.sign_in.save()
    sign_in_at_provider(page, live_server.url, "starter@testdal.example")
    assert "/accounts/" not in page.url
    assert Membership.objects.get(user__email="starter@testdal.example").role == Role.TRAINEE


def test_unverified_email_is_refused(page, live_server, testdal):
    testdal.sign_in.email_domains = "testdal.example"
    member(testdal, Role.MENTOR, email="unverified@testdal.example")
    sign_in_at_provider(page, live_server.url, "unverified@testdal.example")
    expect(page.locator("[data-reason=unverified_email]")).to_have_count(1)
    assert not SocialAccount.objects.exists()


def test_provider_managed_domain_counts_as_confirmed(page, live_server, testdal):
    """Entra ID sends no email_verified: the organisation may vouch for its own domains."""
    testdal.sign_in.trust_domain_addresses = True
    testdal.sign_in.save()
    person = member(testdal, Role.MENTOR, email="unverified.entra@testdal.example")
    sign_in_at_provider(page, live_server.url, "unverified.entra@testdal.example")
    assert SocialAccount.objects.filter(user=person).exists()


def test_disabled_account_is_refused(page, live_server, testdal):
    person = member(testdal, Role.MENTOR, email="weg@testdal.example")
    person.is_active = False
    person.save()
    sign_in_at_provider(page, live_server.url, "weg@testdal.example")
    expect(page.locator("[data-reason=disabled]")).to_have_count(1)
    assert not SocialAccount.objects.exists()


def test_replayed_callback_is_refused(page, live_server, testdal):
    member(testdal, Role.MENTOR, email="mentor@testdal.example")
    callbacks = []
    page.on("request", lambda request: callbacks.append(request.url) if "/login/callback/" in request.url else None)
    sign_in_at_provider(page, live_server.url, "mentor@testdal.example")
    assert callbacks
    page.click("header details.menu-end summary")  # the account menu
    page.click("header form[action='/accounts/logout/'] button")
    page.goto(callbacks[0])
    expect(page.locator("[data-reason=state]")).to_have_count(1)
    assert AuditEntry.objects.filter(organisation=testdal, action="signin.failed", params__code="state").exists()


def test_unreachable_issuer_gives_a_page(page, live_server, testdal):
    app = testdal.sign_in.social_app
    app.settings = {"server_url": "http://127.0.0.1:9"}
    app.save()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "mentor@testdal.example")
    click_through(page.locator("main form button[type=submit]"))
    expect(page.locator("[data-reason=unreachable]")).to_have_count(1)


def test_single_sign_on_is_the_providers_responsibility_for_the_second_factor(page, live_server, testdal):
    """A person with an authenticator app, in an organisation that requires one, is not asked
    for it after signing in through the organisation's provider."""
    testdal.sign_in.require_two_factor = True
    testdal.sign_in.save()
    person = member(testdal, Role.HR, email="hr3@testdal.example")
    Authenticator.objects.create(user=person, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
    sign_in_at_provider(page, live_server.url, "hr3@testdal.example")
    assert "/accounts/" not in page.url
    page.goto(f"{live_server.url}/organisation/people/")
    assert "/accounts/2fa/" not in page.url
    assert AuditEntry.objects.filter(action="signin.signed_in", subject=person, params__variant="sso").exists()
