"""Each demo account signs in, sees its own home in Dutch, and in English after switching."""

import pytest
from django.contrib.auth import get_user_model

from tests.browser.conftest import ACCOUNTS, login_as, switch_to_english


@pytest.mark.browser
def test_every_demo_account_sees_its_own_home_in_both_languages(demo_site, browser, browser_context_args):
    for email in ACCOUNTS:
        context = browser.new_context(**browser_context_args)
        page = context.new_page()
        login_as(page, email, demo_site)
        name = get_user_model().objects.get(email=email).name
        assert page.url.rstrip("/") == demo_site.rstrip("/"), f"{email} landed on {page.url}"
        assert page.get_attribute("html", "lang") == "nl", email
        assert page.locator("h1").count() == 1, f"{email}: the home page needs exactly one h1"
        assert name in page.content(), f"{email} does not see their own name"
        switch_to_english(page)
        assert page.get_attribute("html", "lang") == "en", email
        assert page.locator("button[name=language][value=nl]").count() == 1
        context.close()
