"""Fixtures for the quality suites: the real demo data, and crawls of it as each role."""

import copy
import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from organisations.demo import demo_email
from organisations.models import User
from tests.crawling import Crawl, client_fetcher, crawl
from tests.kept_files import KeptFiles

ROLES = ["hr", "manager", "mentor", "trainee", "coordinator", "coach"]
ANONYMOUS_START = ("/accounts/login/", "/accounts/password_reset/", "/accessibility/")


@pytest.fixture(scope="package")
def demo_data(django_db_setup, django_db_blocker):
    """The demo data, loaded once per worker in a transaction rolled back after these suites."""
    with django_db_blocker.unblock(), transaction.atomic():
        kept = KeptFiles(lambda: call_command("demo", stdout=io.StringIO()))
        _first_crawls.clear()  # crawls of an earlier load of the demo data are not of this one
        yield kept
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_data, db):
    """The database as ``manage.py demo`` leaves it: each test's changes are rolled back with its
    savepoint, files the demo stored and a test deleted are put back, and the cache (sessions,
    rate limits per user) starts empty, so every test sees what a fresh demo load gave it."""
    demo_data.restore()
    cache.clear()


def demo_user(role: str) -> User:
    return User.objects.get(email=demo_email(role, "zonnedal"))


def client_as(role: str | None, language: str = "nl") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    if role:
        client.force_login(demo_user(role))
    return client


def crawl_as(client: Client, role: str | None, **options):
    start = ("/",) if role else ANONYMOUS_START
    return crawl(client_fetcher(client), start, **options)


# The crawl the quality suites start from: every kind of page first, then second records.
FIRST_CRAWL = {"per_pattern": 2, "limit": 150}
_first_crawls: dict[tuple, Crawl] = {}


def first_crawl_as(client: Client, role: str | None, organisation: str = "zonnedal") -> Crawl:
    """``crawl_as`` on the untouched demo data, crawled once per account and reused: a crawl only
    reads (it writes no row), so every test that crawls before changing anything gets the same.
    The quality suites run on one worker (``tests/conftest.py``), so each account is crawled once."""
    key = (role, organisation)
    if key not in _first_crawls:
        _first_crawls[key] = crawl_as(client, role, **FIRST_CRAWL)
    return copy.deepcopy(_first_crawls[key])
