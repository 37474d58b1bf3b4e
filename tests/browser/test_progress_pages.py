"""Pages the crawls never reach because a form leads there: those of files made in the background,
waiting and ready, and what a form's address shows when opened as a page (405), in Dutch on a
phone and at 1280 px, with the demo data. No axe-core violations
of WCAG 2.1 A/AA, nothing wider than the screen, and valid HTML (the Nu Html Checker)."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings
from django.urls import reverse

from organisations.demo import demo_email
from organisations.models import DataCopy, Organisation, User
from overview.models import OverviewExport
from portfolios.models import PortfolioExport
from programmes.models import Cohort, Traineeship
from tests.browser.conftest import sign_in_by_cookie
from tests.browser.test_accessibility import PHONE, check_open_page, validate_html, with_axe

DUMMY_TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


def _jobs(manager: User, hr: User, organisation: Organisation) -> dict[str, list[str]]:
    """Per signed-in person, the pages of their jobs: one waiting and one ready of each kind."""
    stored = default_storage.save("exports/progress-pages.csv", ContentFile(b"\xef\xbb\xbfDeelnemer\r\n"))
    cohort = Cohort.objects.filter(programme__owner=organisation).first()
    urls = {manager.email: [], hr.email: []}
    for status in (OverviewExport.Status.QUEUED, OverviewExport.Status.DONE):
        ready = {"status": status, "stored_name": stored if status == "done" else "", "total": 12, "done": 12}
        export = OverviewExport.objects.create(
            requested_by=manager, organisation=organisation, file_format="xlsx", query="at_risk=true", **ready
        )
        urls[manager.email].append(reverse("manager_overview_export", kwargs={"pk": export.pk}))
        portfolios = PortfolioExport.objects.create(
            requested_by=manager, organisation=organisation, cohort=cohort, **ready
        )
        urls[manager.email].append(reverse("portfolios:export_detail", kwargs={"pk": portfolios.pk}))
        copy = DataCopy.objects.create(
            requested_by=hr,
            person=User.objects.get(email=demo_email("trainee", "zonnedal")),
            organisation=organisation,
            **ready,
        )
        urls[hr.email].append(reverse("privacy_data_copy", kwargs={"pk": copy.pk}))
    # A PDF the worker has not made yet: its progress page.
    traineeship = Traineeship.objects.filter(programme__owner=organisation).order_by("pk").first()
    urls[manager.email].append(reverse("portfolios:portfolio_pdf", kwargs={"pk": traineeship.pk}))
    urls[manager.email].append(reverse("manager_overview_csv"))  # a form's address opened as a page
    return urls


@pytest.mark.browser
def test_pages_behind_forms_are_accessible(demo_site, browser, browser_context_args, tmp_path):
    organisation = Organisation.objects.get(slug="zonnedal")
    manager = User.objects.get(email=demo_email("manager", "zonnedal"))
    hr = User.objects.get(email=demo_email("hr", "zonnedal"))
    pages = _jobs(manager, hr, organisation)
    saved, problems = {}, []
    with override_settings(TASKS=DUMMY_TASKS):  # the PDF waits for a worker that does not come
        for email, urls in pages.items():
            context = with_axe(browser.new_context(**browser_context_args | {"viewport": PHONE}))
            sign_in_by_cookie(context, email, demo_site)
            page = context.new_page()
            for url in urls:
                response = page.goto(demo_site + url)
                assert response.status in (200, 202, 405), (url, response.status)
                html = response.text()
                assert '<html lang="nl">' in html and "<h1" in html
                problems += check_open_page(page, url, html, tmp_path, saved)
            context.close()
    problems += validate_html(saved)
    assert not problems, "\n".join(problems)
