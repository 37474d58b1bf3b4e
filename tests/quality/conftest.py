"""Fixtures for the quality suites: the real demo data, and crawls of it as each role."""

import io

import pytest
from django.core.management import call_command
from django.test import Client

from organisations.demo import demo_email
from organisations.models import User
from tests.crawling import client_fetcher, crawl

ROLES = ["hr", "manager", "mentor", "trainee", "coordinator", "coach"]
ANONYMOUS_START = ("/accounts/login/", "/accounts/password_reset/", "/accessibility/")


@pytest.fixture
def demo(db):
    """A fresh database with the demo data every app loads (``manage.py demo``)."""
    call_command("demo", stdout=io.StringIO())


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
