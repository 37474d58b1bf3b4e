"""A manager downloads the filtered overview, made by the task worker, in the browser: once, not once a poll."""

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from organisations.models import Role
from overview import exports
from overview.models import OverviewExport
from tests.browser.steps import click_through, sign_in
from tests.mentors.factories import mentored_traineeship
from tests.organisations.factories import PASSWORD, OrganisationFactory, member

DUMMY_TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


@pytest.mark.browser
def test_manager_downloads_the_filtered_overview_once_it_is_made(live_server, page, transactional_db):
    organisation = OrganisationFactory(name="Welzijn Telgen", slug="telgen")
    manager = member(organisation, Role.MANAGER, email="manager@telgen.example", name="Mila Manager")
    trainee = member(organisation, Role.TRAINEE, email="tess@telgen.example", name="Tess Trainee")
    mentored_traineeship(organisation, trainee=trainee, manager=manager)  # no meeting yet: at risk
    sign_in(page, live_server.url, manager.email, PASSWORD)

    click_through(page.get_by_role("link", name="Overview", exact=True))
    page.get_by_label("At risk").select_option("true")
    click_through(page.get_by_role("button", name="Filter"))

    # The worker has not come to it yet: the page shows the progress and polls.
    with override_settings(TASKS=DUMMY_TASKS):
        click_through(page.get_by_role("button", name="CSV for Excel"))
    expect(page.get_by_role("heading", name="Download the overview")).to_be_visible()
    expect(page.locator("#export-progress")).to_contain_text("Waiting")
    export = OverviewExport.objects.get()
    assert export.query == "at_risk=true"

    downloads = []
    page.on("download", lambda download: downloads.append(download))
    with page.expect_download() as download:
        exports.build.call(export_id=export.pk)  # the worker
    assert download.value.suggested_filename == "traineeships overview.csv"
    with open(download.value.path(), encoding="utf-8-sig") as file:
        lines = file.read().splitlines()
    assert lines[0].startswith("Trainee;") and lines[1].startswith("Tess Trainee;")
    expect(page.get_by_role("link", name="Download traineeships overview")).to_be_visible()
    # The poll has ended: two poll intervals later there is still one download.
    page.wait_for_timeout(2500)
    assert len(downloads) == 1
