"""Shared fixtures: personas in two organisations, and signed-in clients.

Every scoped test needs the same cast: HR, manager, mentor, trainee and coordinator
of one organisation, and the same roles in another organisation (the outsiders).
Apps add their objects to the ``world`` (see ``tests/world.py``).
"""

import copy
import gc
import os

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.test import Client
from django.utils import translation

from organisations.models import Role
from tests.kept_files import KeptFiles
from tests.organisations.factories import OrganisationFactory, member

ROLES = [Role.HR, Role.MANAGER, Role.MENTOR, Role.TRAINEE, Role.COORDINATOR, Role.COACH]

# Playwright's sync API runs an event loop in the test thread; the ORM must still work there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Browser tests drive Debian's headless build of chromium (the one Playwright itself runs headless:
# the same engine without the desktop browser around it, half the CPU of ``/usr/bin/chromium
# --headless``); Playwright never downloads a browser of its own.
CHROMIUM = "/usr/bin/chromium-headless-shell"
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


def pytest_configure(config):
    """Fewer garbage collections: the demo data and the worlds make hundreds of thousands of objects,
    and the default threshold collects every 700 allocations (tests/portfolios and tests/privacy took
    about 9% less CPU with this). What is loaded at start-up is never collected (``freeze``)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


# With whole files per worker (``--dist loadfile``) these packages go whole to one worker instead:
# their tests share what is costly to make (the quality suites: the demo data and one crawl per account).
ONE_WORKER_PACKAGES = ("tests/quality/",)


def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class WholeFilesAndPackages(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            package = next((package for package in ONE_WORKER_PACKAGES if nodeid.startswith(package)), None)
            return package or super()._split_scope(nodeid)

    return WholeFilesAndPackages(config, log)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Journeys name buttons and links in English unless a suite asks for Dutch (``tests/browser``):
    the language is said, never left to what the browser build happens to send."""
    return {**browser_context_args, "locale": "en-GB"}


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
    # Nor has it read a notification count in its transaction (``mentors.notification_cache.cached``):
    # the module's transaction around the tests is one transaction for that rule.
    connection.notifications_cached = None


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's language: a request in English leaves English active in the
    thread (the locale middleware activates a request's language and nothing resets it), and what a
    later test makes outside a request (a programme's default questions) would be made in English."""
    translation.deactivate()


@pytest.fixture(autouse=True)
def stored_state_checked(request, monkeypatch):
    """With CHECK_STORED_STATE=1 every service call of every test proves the stored state fresh."""
    if os.environ.get("CHECK_STORED_STATE") == "1" and "db" in request.fixturenames:
        from tests.state_guard import guard_services

        guard_services(monkeypatch)


# Modules with a test that commits (the fixtures with which pytest-django runs a test outside a
# transaction, or the marker's ``transaction=True``): their personas are made per test.
_COMMITTING_MODULES: set[str] = set()
COMMITTING_FIXTURES = {"transactional_db", "live_server", "django_db_reset_sequences", "django_db_serialized_rollback"}


def _commits(item) -> bool:
    marker = item.get_closest_marker("django_db")
    wants_transaction = marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
    return bool(wants_transaction) or bool(COMMITTING_FIXTURES & set(item.fixturenames))


def pytest_collection_modifyitems(items):
    _COMMITTING_MODULES.update(item.module.__name__ for item in items if _commits(item))


@pytest.fixture(scope="module")
def _module_personas(request, django_db_setup, django_db_blocker):
    """The personas of a module, made once in a transaction rolled back at the module's end: each
    test's own savepoint nests inside it, so every test sees them as made (about 75 ms a test).
    None in a module with a test that commits: a transaction around it would change what it tests."""
    if request.module.__name__ in _COMMITTING_MODULES:
        yield None
        return
    with django_db_blocker.unblock(), transaction.atomic():
        yield Personas()
        transaction.set_rollback(True)


@pytest.fixture
def personas(_module_personas, db) -> Personas:
    # Module-scoped, so set up before any test's own transaction (pytest orders fixtures by scope).
    if _module_personas is None:
        return Personas()
    # A copy per test: what a test changes on the objects (not only in the database) stays with it.
    return copy.deepcopy(_module_personas)


@pytest.fixture(scope="module")
def _module_world(_module_personas):
    """The world (``tests/world.py``) of a module, built once on its personas, like them."""
    if _module_personas is None:
        yield None
        return
    from tests.world import World

    yield KeptFiles(lambda: World(_module_personas))


@pytest.fixture
def world(_module_world, personas):
    """Objects of every kind in both organisations; files it stored and a test deleted are put back."""
    if _module_world is None:
        from tests.world import World

        return World(personas)
    _module_world.restore()
    return copy.deepcopy(_module_world.built)


@pytest.fixture
def client_for():
    """``client_for(user)``: a test client signed in as ``user`` (or anonymous for None)."""

    def make(user=None, language="nl"):
        client = Client(HTTP_ACCEPT_LANGUAGE=language)
        if user is not None:
            client.force_login(user)
        return client

    return make
