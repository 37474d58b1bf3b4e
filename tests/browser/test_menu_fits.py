"""At a laptop's 1280 px the main menu of every role stays on one row (the issue saw HR's on three)."""

import pytest

from tests.browser.conftest import ACCOUNTS, sign_in_by_cookie, switch_to_english

ROW_TOPS = """() => {
  const nav = document.querySelector('#main-nav');
  const items = [...nav.querySelectorAll(':scope > .navbar-nav > li, :scope > .account-menu > *')];
  return items.map((item) => Math.round(item.getBoundingClientRect().top + item.getBoundingClientRect().height / 2));
}"""


@pytest.mark.browser
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_menu_fits_on_one_row_at_1280(demo_site, page, language):
    page.set_viewport_size({"width": 1280, "height": 800})
    wrapped = []
    for email in ACCOUNTS:
        page.context.clear_cookies()
        sign_in_by_cookie(page.context, email, demo_site)
        page.goto(demo_site + "/")
        if language == "en":
            switch_to_english(page)
        centres = page.evaluate(ROW_TOPS)
        if max(centres) - min(centres) > 12:
            wrapped.append(f"{email}: {centres}")
    assert not wrapped, "\n".join(wrapped)
