"""One journey per role with the keyboard alone: sign in, skip to the content, open a
main navigation item; HR also invites someone. Elements are found by focus order, so
pages and navigation items added later do not break the journeys."""

import pytest
from playwright.sync_api import expect

from organisations.demo import DEMO_PASSWORD, demo_email
from tests.browser.conftest import ROLES
from tests.browser.steps import press_through

ACTIVE = """() => {
  const e = document.activeElement;
  return {tag: e.tagName.toLowerCase(), name: e.getAttribute("name") || "", id: e.id || "",
          href: e.getAttribute("href") || "", type: e.getAttribute("type") || "",
          classes: e.className || "", inNav: !!e.closest("#main-nav .navbar-nav"), inMain: !!e.closest("main")};
}"""


def active(page) -> dict:
    return page.evaluate(ACTIVE)


def tab_until(page, matches, *, backwards=False, limit=60) -> dict:
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        element = active(page)
        if matches(element):
            return element
    raise AssertionError(f"no element reached with {key} after {limit} presses; last was {element}")


def sign_in_with_keyboard(page, base_url, email):
    page.goto(f"{base_url}/accounts/login/")
    tab_until(page, lambda e: e["name"] == "username")
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    assert active(page)["name"] == "password"
    page.keyboard.type(DEMO_PASSWORD)
    press_through(page, "Enter")
    assert "/accounts/login/" not in page.url


def skip_to_content(page):
    page.keyboard.press("Tab")
    assert "skip-link" in active(page)["classes"], "the first Tab should reach the skip link"
    page.keyboard.press("Enter")
    assert active(page)["id"] == "main", "the skip link should move focus to the main content"


@pytest.mark.browser
@pytest.mark.parametrize("role", ROLES)
def test_keyboard_journey(demo_site, page, role):
    sign_in_with_keyboard(page, demo_site, demo_email(role, "zonnedal"))
    skip_to_content(page)
    item = tab_until(page, lambda e: e["inNav"] and e["tag"] == "a", backwards=True)
    press_through(page, "Enter")
    assert page.url.split("#")[0].endswith(item["href"]), f"Enter on {item['href']} led to {page.url}"
    expect(page.locator("h1")).to_have_count(1)


@pytest.mark.browser
def test_hr_invites_someone_with_the_keyboard(demo_site, page):
    sign_in_with_keyboard(page, demo_site, demo_email("hr", "zonnedal"))
    tab_until(page, lambda e: e["inNav"] and e["href"].endswith("/people/"))
    press_through(page, "Enter")
    skip_to_content(page)
    tab_until(page, lambda e: e["inMain"] and e["href"].endswith("/invite/"))
    press_through(page, "Enter")
    skip_to_content(page)
    assert page.url.split("#")[0].endswith("/invite/"), page.url
    tab_until(page, lambda e: e["name"] == "name")
    page.keyboard.type("Kees Toetsenbord")
    tab_until(page, lambda e: e["name"] == "email")
    page.keyboard.type("kees.toetsenbord@example.org")
    tab_until(page, lambda e: e["name"] == "role")
    page.keyboard.press("ArrowDown")
    chosen = page.evaluate("() => document.activeElement.value")
    tab_until(page, lambda e: e["inMain"] and e["tag"] == "button" and e["type"] == "submit")
    press_through(page, "Space")
    assert page.url.split("#")[0].endswith("/people/"), f"after sending the invitation the page is {page.url}"
    expect(page.locator("main")).to_contain_text("kees.toetsenbord@example.org")
    from organisations.models import Invitation

    invitation = Invitation.objects.get(email="kees.toetsenbord@example.org")
    assert invitation.role == chosen
