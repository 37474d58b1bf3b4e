"""Playwright on Debian's chromium against ``live_server`` with the real demo data.

Every browser test is marked ``@pytest.mark.browser`` (``make test`` runs them once, on
SQLite). ``login_as(page, email)`` signs in through the real form.
"""

import io
import sqlite3
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import Client

from organisations.demo import DEMO_PASSWORD, demo_email
from organisations.models import User
from tests.browser.steps import click_through, sign_in

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ROLES = ["hr", "manager", "mentor", "trainee", "coordinator", "coach"]
ACCOUNTS = [demo_email(role, slug) for slug in ("zonnedal", "buurtkracht") for role in ROLES]


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True, "locale": "nl-NL"}


# The demo data as ``manage.py demo`` left it, per test database (one per xdist worker).
DEMO_SNAPSHOTS: dict[str, sqlite3.Connection] = {}


@pytest.fixture
def demo_site(live_server, transactional_db) -> str:
    """The live server's URL, with the demo data every app loads in its database.

    Every test starts from the pristine demo data. On SQLite's in-memory test database
    (shared with the live server's thread) ``demo`` runs once per worker; its result is
    copied aside with SQLite's backup API and copied back before each later test, which
    takes milliseconds instead of the command's second. Rows, ids and sequences are the
    same as just after the command; the caches are emptied so nothing of an earlier test
    is remembered.
    """
    in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
    snapshot = DEMO_SNAPSHOTS.get(connection.settings_dict["NAME"]) if in_memory else None
    if snapshot is None:
        call_command("demo", stdout=io.StringIO())
        if in_memory:
            connection.ensure_connection()
            snapshot = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(snapshot)
            DEMO_SNAPSHOTS[connection.settings_dict["NAME"]] = snapshot
    else:
        connection.ensure_connection()
        snapshot.backup(connection.connection)
    # Content types are cached by id, and the flush after the last test recreated them.
    ContentType.objects.clear_cache()
    for cache in caches.all():
        cache.clear()
    return live_server.url


def login_as(page, email: str, base_url: str) -> None:
    sign_in(page, base_url, email, DEMO_PASSWORD)
    assert "/accounts/login/" not in page.url, f"{email} could not sign in"


def sign_in_by_cookie(context, email: str, base_url: str) -> None:
    """A session for ``email`` in ``context`` without the sign-in form, for tests about what comes
    after signing in (the form itself is driven by ``login_as`` and the sign-in suites)."""
    client = Client()
    client.force_login(User.objects.get(email=email))
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url}])


def switch_to_english(page) -> None:
    click_through(page.locator("button[name=language][value=en]"))
