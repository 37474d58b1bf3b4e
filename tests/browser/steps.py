"""Steps that every browser test shares.

A click that loads another page returns before that page is there: read at once, the page is
still the old one, or the new one before its body has arrived (a CI run read an empty page so).
So a step that leaves the page waits for the next one (``click_through``, ``press_through``),
and what a test checks on a page it checks with Playwright's ``expect``, which waits for it.
``tests/browser/test_steps_are_awaited.py`` keeps every browser test to this.
"""

from playwright.sync_api import Locator, Page, Response


def click_through(locator: Locator) -> Response | None:
    """Click a link or a submit button and wait until the page it leads to has loaded; its answer."""
    with locator.page.expect_navigation() as navigation:
        locator.click()
    return navigation.value


def press_through(page: Page, key: str) -> None:
    """Press a key that follows a link or sends a form, and wait for the page it leads to."""
    with page.expect_navigation():
        page.keyboard.press(key)


def sign_in(page: Page, base_url: str, email: str, password: str) -> None:
    """Sign in through the real form; the page is then the one the sign-in leads to."""
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    click_through(page.locator("main form button[type=submit]"))
