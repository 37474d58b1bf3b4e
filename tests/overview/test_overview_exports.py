"""The manager's overview as a file: made by the task worker, followed on a page, kept for its requester."""

import io
from datetime import timedelta

from django.core.files.storage import default_storage
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from organisations.models import AuditEntry, Membership
from overview import exports
from overview.models import OverviewExport
from tests.mentors.factories import mentored_traineeship
from tests.overview.overview_exports import download_overview

DUMMY_TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
POLL = {"HX-Request": "true"}


def _ask(client, file_format="csv", query=""):
    return client.post(reverse(f"manager_overview_{file_format}"), {"query": query})


def test_asking_queues_the_worker_and_the_page_delivers_the_file_once_made(personas, client_for):
    mentored_traineeship(personas.organisation, mentor=personas.mentor, manager=personas.manager)
    client = client_for(personas.manager, "en")
    with override_settings(TASKS=DUMMY_TASKS):
        asked = _ask(client, "xlsx", "at_risk=true&page=3")
        export = OverviewExport.objects.get()
        assert asked["Location"] == reverse("manager_overview_export", kwargs={"pk": export.pk})
        # The page on screen is not part of the list; the filter is.
        assert (export.status, export.query, export.file_format) == ("queued", "at_risk=true", "xlsx")
        page = client.get(asked["Location"])
        assert 'data-hx-trigger="every 1s"' in page.content.decode()
        assert page.context["overview_url"] == reverse("manager_overview") + "?at_risk=true"
        poll = client.get(asked["Location"], headers=POLL)
        assert "<h1" not in poll.content.decode() and "data-download-now" not in poll.content.decode()
        assert client.get(reverse("manager_overview_export_download", kwargs={"pk": export.pk})).status_code == 404
        # Asked again before it was made: the same export, not a second job.
        assert _ask(client, "xlsx", "at_risk=true")["Location"] == asked["Location"]
        assert OverviewExport.objects.count() == 1

        exports.build.call(export_id=export.pk)  # the worker

    download_url = reverse("manager_overview_export_download", kwargs={"pk": export.pk})
    # The last poll ends the polling and brings the link app.js follows once.
    ready = client.get(asked["Location"], headers=POLL).content.decode()
    assert f'href="{download_url}" data-download-now' in ready and "data-hx-trigger" not in ready
    response = client.get(download_url)
    assert response["Content-Disposition"].startswith('attachment; filename="traineeships overview.xlsx"')
    assert response["Cache-Control"] == "private, no-store"
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 2
    entry = AuditEntry.objects.get(action="export.created")
    assert (entry.actor, entry.params["count"], entry.params["format"]) == (personas.manager, 1, "XLSX")


def test_the_file_holds_what_its_requester_sees_with_the_filter(personas, client_for):
    mine = mentored_traineeship(personas.organisation, mentor=personas.mentor, manager=personas.manager)
    mentored_traineeship(personas.other_organisation)
    rows = download_overview(client_for(personas.hr, "en"), "csv").content.decode("utf-8-sig").splitlines()
    assert rows[0].startswith("Trainee;") and len(rows) == 2 and rows[1].startswith(mine.trainee.name)
    on_track = download_overview(client_for(personas.hr, "en"), "csv", at_risk="false")
    assert len(on_track.content.decode("utf-8-sig").splitlines()) == 1  # it is at risk: no meeting yet


def test_only_the_requester_reaches_the_export_while_still_hr_or_manager_and_for_a_day(personas, client_for):
    manager = client_for(personas.manager)
    _ask(manager)
    export = OverviewExport.objects.get()
    names = ("manager_overview_export", "manager_overview_export_download")
    urls = [reverse(name, kwargs={"pk": export.pk}) for name in names]
    assert [manager.get(url).status_code for url in urls] == [200, 200]
    assert [client_for(personas.hr).get(url).status_code for url in urls] == [404, 404]
    assert [client_for(personas.other_manager).get(url).status_code for url in urls] == [404, 404]

    OverviewExport.objects.filter(pk=export.pk).update(created_at=timezone.now() - timedelta(days=1, minutes=1))
    assert [manager.get(url).status_code for url in urls] == [404, 404]
    OverviewExport.objects.filter(pk=export.pk).update(created_at=timezone.now())

    Membership.objects.filter(user=personas.manager, organisation=personas.organisation).update(role="mentor")
    assert [manager.get(url).status_code for url in urls] == [403, 403]


def test_a_new_export_replaces_the_earlier_ones_and_removes_expired_files(personas, client_for):
    client = client_for(personas.manager)
    _ask(client, "csv")
    first = OverviewExport.objects.get()
    _ask(client_for(personas.hr), "csv")
    expired = OverviewExport.objects.get(requested_by=personas.hr)
    OverviewExport.objects.filter(pk=expired.pk).update(created_at=timezone.now() - timedelta(days=2))
    assert default_storage.exists(first.stored_name) and default_storage.exists(expired.stored_name)

    _ask(client, "xlsx")
    assert list(OverviewExport.objects.values_list("requested_by", "file_format")) == [(personas.manager.pk, "xlsx")]
    assert not default_storage.exists(first.stored_name) and not default_storage.exists(expired.stored_name)


def test_a_requester_who_lost_the_role_gets_no_file(personas, client_for):
    with override_settings(TASKS=DUMMY_TASKS):
        _ask(client_for(personas.manager))
    Membership.objects.filter(user=personas.manager, organisation=personas.organisation).update(role="mentor")
    export = OverviewExport.objects.get()
    exports.build.call(export_id=export.pk)
    export.refresh_from_db()
    assert (export.status, export.stored_name) == ("failed", "")
    assert not AuditEntry.objects.filter(action="export.created").exists()


def test_the_overview_offers_both_files_for_its_filter(personas, client_for):
    page = client_for(personas.manager, "en").get(reverse("manager_overview"), {"at_risk": "true"}).content.decode()
    assert 'name="query" value="at_risk=true"' in page
    assert f'formaction="{reverse("manager_overview_xlsx")}"' in page
    assert f'formaction="{reverse("manager_overview_csv")}"' in page


def test_erasing_a_person_removes_the_overview_files_that_may_name_them(personas, client_for):
    from organisations.privacy import Scope
    from privacy import services as privacy

    _ask(client_for(personas.manager), "csv")
    _ask(client_for(personas.other_manager), "csv")
    mine, theirs = (
        OverviewExport.objects.get(organisation=personas.organisation),
        OverviewExport.objects.get(organisation=personas.other_organisation),
    )
    scope = Scope(person=personas.trainee, reader=personas.hr, organisation=personas.organisation)
    with translation.override("en"):
        assert "1 download of the overview from the last day, which may name the person" in privacy.erasure_summary(
            scope
        )

    privacy.erase_person(scope)
    assert list(OverviewExport.objects.all()) == [theirs]
    assert not default_storage.exists(mine.stored_name) and default_storage.exists(theirs.stored_name)


def test_a_traineeship_past_its_retention_term_takes_its_organisations_overview_files_along(personas, client_for):
    from overview import privacy

    traineeship = mentored_traineeship(personas.organisation, mentor=personas.mentor, manager=personas.manager)
    _ask(client_for(personas.manager), "xlsx")
    export = OverviewExport.objects.get()
    privacy.purge_traineeship(traineeship)
    assert not OverviewExport.objects.exists() and not default_storage.exists(export.stored_name)


def test_the_overview_links_the_persons_latest_file_while_it_is_kept(personas, client_for):
    client = client_for(personas.manager, "en")
    assert "Your latest file" not in client.get(reverse("manager_overview")).content.decode()
    _ask(client, "xlsx")
    _ask(client_for(personas.hr, "en"), "csv")  # someone else's: not linked for the manager
    export = OverviewExport.objects.get(requested_by=personas.manager)
    page = client.get(reverse("manager_overview")).content.decode()
    assert "Your latest file: Excel workbook (.xlsx)" in page
    assert f'href="{reverse("manager_overview_export", kwargs={"pk": export.pk})}"' in page
    assert (
        "You can download it until"
        in client.get(reverse("manager_overview_export", kwargs={"pk": export.pk})).content.decode()
    )
    OverviewExport.objects.filter(pk=export.pk).update(created_at=timezone.now() - timedelta(days=2))
    assert "Your latest file" not in client.get(reverse("manager_overview")).content.decode()
