"""Each demo account signs in, sees its own home in Dutch, and in English after switching."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

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
        expect(page.locator("h1")).to_have_count(1)
        expect(page.locator("body")).to_contain_text(name)
        switch_to_english(page)
        assert page.get_attribute("html", "lang") == "en", email
        expect(page.locator("button[name=language][value=nl]")).to_have_count(1)
        context.close()
