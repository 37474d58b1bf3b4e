"""Single sign-on through SAML 2.0 against pysaml2's identity provider, in Chromium."""

import pytest
from allauth.socialaccount.models import SocialAccount
from playwright.sync_api import expect
from saml2.xmldsig import SIG_RSA_SHA1

from organisations.models import AuditEntry, Role
from tests.organisations.factories import OrganisationFactory, member
from tests.signin.saml_idp import configure_saml, running_idp, self_signed

pytestmark = pytest.mark.browser


@pytest.fixture
def idp(live_server, tmp_path):
    with running_idp(f"{live_server.url}/accounts/saml/org-testdal/metadata/", tmp_path) as server:
        yield server


@pytest.fixture
def testdal(transactional_db, idp):
    organisation = OrganisationFactory(name="Welzijn Testdal", slug="testdal")
    configure_saml(organisation, idp, trust_domain_addresses=True)
    return organisation


@pytest.fixture
def page(browser, browser_context_args):
    context = browser.new_context(**browser_context_args)
    yield context.new_page()
    context.close()


def sign_in_through_idp(page, base_url, idp, email):
    idp.email = email
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=username]", email)
    page.click("main form button[type=submit]")
    try:
        page.wait_for_url(
            lambda url: url.startswith(base_url) and ("/saml/" not in url or url.endswith("/acs/finish/")),
            timeout=15000,
        )
    except Exception:
        summaries = [entry.summary for entry in AuditEntry.objects.all()]
        raise AssertionError((page.url, summaries)) from None


def test_member_signs_in_through_saml_and_is_linked(page, live_server, idp, testdal):
    person = member(testdal, Role.MENTOR, email="mentor@testdal.example")
    sign_in_through_idp(page, live_server.url, idp, "mentor@testdal.example")
    assert "/accounts/" not in page.url, page.inner_text("main")[:500]
    assert SocialAccount.objects.filter(user=person, provider="org-testdal").exists()
    assert AuditEntry.objects.filter(action="signin.identity_linked", subject=person).exists()


def test_unknown_person_is_refused_through_saml(page, live_server, idp, testdal):
    sign_in_through_idp(page, live_server.url, idp, "vreemde@testdal.example")
    expect(page.locator("[data-reason=unknown_person]")).to_have_count(1)
    assert not SocialAccount.objects.exists()


def test_assertion_signed_with_another_key_is_refused(page, live_server, idp, testdal, tmp_path):
    member(testdal, Role.MENTOR, email="mentor@testdal.example")
    other = tmp_path / "other"
    other.mkdir()
    idp.signing_key = self_signed(other)
    sign_in_through_idp(page, live_server.url, idp, "mentor@testdal.example")
    expect(page.locator("[data-reason=token]")).to_have_count(1)
    assert not SocialAccount.objects.exists()
    assert AuditEntry.objects.filter(organisation=testdal, action="signin.failed").exists()


def test_sha1_signature_is_refused(page, live_server, idp, testdal):
    member(testdal, Role.MENTOR, email="mentor@testdal.example")
    idp.sign_alg = SIG_RSA_SHA1
    sign_in_through_idp(page, live_server.url, idp, "mentor@testdal.example")
    expect(page.locator("[data-reason=token]")).to_have_count(1)
    assert not SocialAccount.objects.exists()
