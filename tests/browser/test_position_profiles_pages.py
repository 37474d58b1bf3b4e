"""The position profile pages HR uses, with the demo data, in Dutch on a phone and at 1280 px: no axe-core
violations of WCAG 2.1 A/AA, nothing wider than the screen, and valid HTML (the Nu Html Checker)."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from organisations.demo import demo_email
from programmes.models import PositionProfile
from tests.browser.conftest import login_as
from tests.browser.steps import click_through
from tests.browser.test_accessibility import PHONE, check_open_page, validate_html, with_axe


@pytest.mark.browser
def test_position_profile_pages_are_accessible(demo_site, browser, browser_context_args, tmp_path):
    profile = PositionProfile.objects.get(organisation__slug="zonnedal", title="Trainee sociaal werk in het buurtteam")
    urls = [
        reverse("programmes:position_profile_list"),
        reverse("programmes:position_profile_list") + "?status=archived",
        profile.get_absolute_url(),
        reverse("programmes:position_profile_edit", kwargs={"pk": profile.pk}),
        reverse("programmes:position_profile_create", kwargs={"pk": profile.programme_id}),
        reverse("programmes:traineeship_create", kwargs={"pk": profile.programme_id}) + f"?profile={profile.pk}",
    ]
    saved, problems = {}, []
    context = with_axe(browser.new_context(**browser_context_args | {"viewport": PHONE}))
    page = context.new_page()
    login_as(page, demo_email("hr", "zonnedal"), demo_site)
    for url in urls:
        response = page.goto(demo_site + url)
        assert response.status == 200, url
        html = response.text()
        assert '<html lang="nl">' in html
        problems += check_open_page(page, url, html, tmp_path, saved)
    # A form sent back with a mistake: the error at the field, what was typed kept.
    page.goto(demo_site + urls[3])
    page.locator("#id_tasks").fill("")
    answer = click_through(page.locator("main form button[type=submit]"))
    expect(page.locator("main")).to_contain_text("Beschrijf de taken die de trainee gaat doen.")
    problems += check_open_page(page, "edit with an error", answer.text(), tmp_path, saved)
    context.close()
    problems += validate_html(saved)
    assert not problems, "\n".join(problems)
