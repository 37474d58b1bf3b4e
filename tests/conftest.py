"""Shared fixtures: personas in two organisations, and signed-in clients.

Every scoped test needs the same cast: HR, manager, mentor, trainee and coordinator
of one organisation, and the same roles in another organisation (the outsiders).
Apps add their objects to the ``world`` (see ``tests/world.py``).
"""

import os

import pytest
from django.core.cache import caches
from django.test import Client

from organisations.models import Role
from tests.organisations.factories import OrganisationFactory, member

ROLES = [Role.HR, Role.MANAGER, Role.MENTOR, Role.TRAINEE, Role.COORDINATOR, Role.COACH]

# Playwright's sync API runs an event loop in the test thread; the ORM must still work there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Browser tests drive Debian's chromium; Playwright never downloads a browser of its own.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


class Personas:
    def __init__(self):
        self.organisation = OrganisationFactory(name="Welzijn Testdal", slug="testdal")
        self.other_organisation = OrganisationFactory(name="Andere Organisatie", slug="andere")
        self.users = {}
        for role in ROLES:
            self.users[role.value] = member(self.organisation, role, email=f"{role.value}@testdal.example")
            self.users[f"other_{role.value}"] = member(
                self.other_organisation, role, email=f"{role.value}@andere.example"
            )

    def __getattr__(self, name):
        try:
            return self.__dict__["users"][name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def outsider(self):
        return self.users["other_hr"]


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with empty caches: a rolled-back test may leave ids a later test reuses."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def stored_state_checked(request, monkeypatch):
    """With CHECK_STORED_STATE=1 every service call of every test proves the stored state fresh."""
    if os.environ.get("CHECK_STORED_STATE") == "1" and "db" in request.fixturenames:
        from tests.state_guard import guard_services

        guard_services(monkeypatch)


@pytest.fixture
def personas(db) -> Personas:
    return Personas()


@pytest.fixture
def client_for():
    """``client_for(user)``: a test client signed in as ``user`` (or anonymous for None)."""

    def make(user=None, language="nl"):
        client = Client(HTTP_ACCEPT_LANGUAGE=language)
        if user is not None:
            client.force_login(user)
        return client

    return make
