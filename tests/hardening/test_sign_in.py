"""Sign-in throttling (django-axes) through the login view."""

import pytest
from django.test import Client, override_settings

PASSWORD = "test-password-123"
LOGIN = "/accounts/login/"

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("axes_on")]


@pytest.fixture
def axes_on():
    with override_settings(AXES_ENABLED=True):
        yield


def attempt(email, password="wrong", ip="10.0.0.1", **headers):
    return Client(REMOTE_ADDR=ip, HTTP_ACCEPT_LANGUAGE="en", **headers).post(
        LOGIN, {"username": email, "password": password}
    )


def test_case_variants_of_the_address_share_one_throttle(personas):
    email = personas.hr.email
    for variant in [email, email.upper(), email.title(), f"  {email.upper()} "]:
        assert attempt(variant).status_code == 200
    # The fifth failure, in yet another spelling, locks the account at this address.
    assert attempt(email.swapcase()).status_code == 429
    assert attempt(email.upper(), PASSWORD).status_code == 429
    assert attempt(email, PASSWORD).status_code == 429


def test_failures_from_another_address_do_not_lock_the_person_out(personas):
    for _ in range(5):
        attempt(personas.hr.email, ip="203.0.113.9")
    assert attempt(personas.hr.email, ip="203.0.113.9").status_code == 429
    assert attempt(personas.hr.email, PASSWORD, ip="10.0.0.1").status_code == 302


def test_forwarded_header_is_ignored_without_a_proxy(personas):
    for number in range(5):
        attempt(personas.hr.email, HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")
    assert attempt(personas.hr.email, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.77").status_code == 429


@override_settings(
    AXES_IPWARE_META_PRECEDENCE_ORDER=("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"),
    AXES_IPWARE_PROXY_ORDER="right-most",
    AXES_IPWARE_PROXY_COUNT=0,
)
def test_behind_a_proxy_the_client_address_comes_from_its_header(personas):
    # The proxy (REMOTE_ADDR 10.0.0.1) sets the header to the address it saw.
    for _ in range(5):
        attempt(personas.hr.email, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert attempt(personas.hr.email, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 429
    # The person at their own address is not locked out.
    assert attempt(personas.hr.email, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.10").status_code == 302


@override_settings(
    AXES_IPWARE_META_PRECEDENCE_ORDER=("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"),
    AXES_IPWARE_PROXY_ORDER="right-most",
    AXES_IPWARE_PROXY_COUNT=0,
)
def test_behind_a_proxy_a_forged_chain_counts_as_the_proxy(personas):
    for number in range(5):
        attempt(personas.hr.email, HTTP_X_FORWARDED_FOR=f"1.2.3.{number}, 192.0.2.10")
    assert attempt(personas.hr.email, PASSWORD, HTTP_X_FORWARDED_FOR="9.9.9.9, 192.0.2.10").status_code == 429
    assert attempt(personas.hr.email, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.10").status_code == 302


def test_the_error_says_the_address_is_not_case_sensitive(personas):
    response = attempt(personas.hr.email.upper())
    assert "not case-sensitive" in response.content.decode()
    response = Client(HTTP_ACCEPT_LANGUAGE="nl").post(LOGIN, {"username": "x@example.org", "password": "nope"})
    assert "niet hoofdlettergevoelig" in response.content.decode()
