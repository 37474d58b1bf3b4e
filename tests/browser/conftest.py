"""Playwright on Debian's chromium against ``live_server`` with the real demo data.

Every browser test is marked ``@pytest.mark.browser`` (``make test`` runs them once, on
SQLite). ``login_as(page, email)`` signs in through the real form.
"""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from organisations.demo import DEMO_PASSWORD, demo_email

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ROLES = ["hr", "manager", "mentor", "trainee", "coordinator", "coach"]
ACCOUNTS = [demo_email(role, slug) for slug in ("zonnedal", "buurtkracht") for role in ROLES]


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True, "locale": "nl-NL"}


@pytest.fixture
def demo_site(live_server, transactional_db) -> str:
    """The live server's URL, with the demo data every app loads in its database."""
    call_command("demo", stdout=io.StringIO())
    return live_server.url


def login_as(page, email: str, base_url: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert "/accounts/login/" not in page.url, f"{email} could not sign in"


def switch_to_english(page) -> None:
    page.click("button[name=language][value=en]")
    page.wait_for_load_state()
