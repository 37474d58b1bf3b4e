"""PDF downloads off the request path: rendered by the task worker, kept per content version and
reader view, served at once while fresh, with a progress page while they are being made."""

from unittest import mock

import pytest
from django.core.files.storage import default_storage
from django.test import override_settings
from django.urls import reverse

from portfolios import stored_pdfs
from portfolios.models import FinalEvaluation, Reflection, StoredPdf
from portfolios.tasks import render_stored_pdf
from programmes import content_version
from tests.organisations.factories import member
from tests.portfolios.factories import GoalFactory
from tests.portfolios.pdf_helpers import flat_text

DUMMY_TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


def url(traineeship, name="portfolios:portfolio_pdf"):
    return reverse(name, kwargs={"pk": traineeship.pk})


def no_render(*args, **kwargs):
    raise AssertionError("rendered inside the request")


def test_fresh_file_is_served_at_once_without_rendering(traineeship, personas, client_for):
    manager = client_for(personas.manager, "en")
    first = manager.get(url(traineeship))
    assert first.status_code == 200 and first["Content-Type"] == "application/pdf"
    stored = StoredPdf.objects.get()
    assert default_storage.exists(stored.stored_name)
    with mock.patch.dict(stored_pdfs.KINDS, {"portfolio": stored_pdfs.Kind(no_render)}):
        again = manager.get(url(traineeship))
    assert again.status_code == 200 and again.content == first.content
    assert again["Content-Disposition"].startswith("attachment; filename=")


def test_changed_input_renders_a_new_file(traineeship, personas, client_for):
    manager = client_for(personas.manager, "en")
    before = manager.get(url(traineeship)).content
    version = content_version.current(traineeship)
    GoalFactory(traineeship=traineeship, title="Leerdoel groepswerk begeleiden")
    assert content_version.current(traineeship) != version
    after = manager.get(url(traineeship))
    assert after.content != before
    assert "Leerdoel groepswerk begeleiden" in flat_text(after.content)
    assert StoredPdf.objects.count() == 1  # the view's file is replaced, not added


def test_readers_with_different_views_get_different_files(traineeship, personas, client_for):
    Reflection.objects.create(traineeship=traineeship, text="Privé reflectie over mijn twijfels")
    trainee_copy = client_for(personas.trainee, "en").get(url(traineeship)).content
    hr_copy = client_for(personas.hr, "en").get(url(traineeship)).content
    assert "Privé reflectie" in flat_text(trainee_copy)
    assert "Privé reflectie" not in flat_text(hr_copy)
    assert StoredPdf.objects.count() == 2
    # Another HR adviser has the same view: the same file, not a new render.
    colleague = member(personas.organisation, "hr", email="hr2@testdal.example")
    with mock.patch.dict(stored_pdfs.KINDS, {"portfolio": stored_pdfs.Kind(no_render)}):
        shared = client_for(colleague, "en").get(url(traineeship))
    assert shared.status_code == 200 and shared.content == hr_copy
    # The language is part of the view.
    client_for(personas.hr, "nl").get(url(traineeship))
    assert StoredPdf.objects.count() == 3


@override_settings(TASKS=DUMMY_TASKS)
def test_progress_page_polls_until_the_worker_has_made_the_file(traineeship, personas, client_for):
    FinalEvaluation.objects.create(traineeship=traineeship, future_in_sector="Doorgroeien tot wijkcoach")
    client = client_for(personas.manager, "en")
    target = url(traineeship, "portfolios:final_evaluation_pdf")
    page = client.get(target)
    assert page.status_code == 202
    html = page.content.decode()
    assert "<h1" in html and 'data-hx-trigger="every 2s"' in html and f'data-hx-get="{target}"' in html
    assert 'aria-live="polite"' in html and "<script" not in html.split("</header>")[-1]
    poll = client.get(target, headers={"HX-Request": "true"})
    assert poll.status_code == 202 and "<h1" not in poll.content.decode()
    assert StoredPdf.objects.get().status == StoredPdf.Status.QUEUED
    client.get(target)  # asking again while it is queued queues nothing new
    render_stored_pdf.call(pdf_id=StoredPdf.objects.get().pk)  # the worker
    ready = client.get(target, headers={"HX-Request": "true"}).content.decode()
    # The last poll ends the polling (no trigger left) and brings the link app.js follows once.
    assert f'href="{target}" data-download-now' in ready and "data-hx-trigger" not in ready
    download = client.get(target)
    assert download.status_code == 200 and "Doorgroeien tot wijkcoach" in flat_text(download.content)


def test_stored_files_respect_the_permissions(traineeship, personas, client_for):
    assert client_for(personas.manager).get(url(traineeship)).status_code == 200
    assert client_for(personas.manager).get(url(traineeship, "portfolios:final_evaluation_pdf")).status_code == 200
    for actor in ["other_manager", "other_hr", "other_trainee"]:
        assert client_for(personas.users[actor]).get(url(traineeship)).status_code == 404
    assert client_for(None).get(url(traineeship)).status_code in (302, 404)


def test_a_render_for_a_view_that_changed_meanwhile_stores_nothing(traineeship, personas, client_for):
    with override_settings(TASKS=DUMMY_TASKS):
        client_for(personas.manager).get(url(traineeship))
    pdf = StoredPdf.objects.get()
    StoredPdf.objects.filter(pk=pdf.pk).update(view_key="0" * 64)
    render_stored_pdf.call(pdf_id=pdf.pk)
    pdf.refresh_from_db()
    assert pdf.status == StoredPdf.Status.FAILED and not pdf.stored_name


@pytest.mark.parametrize("change", ["reflection", "goal_delete", "traineeship_delete"])
def test_content_version_follows_saves_and_deletes(traineeship, change):
    before = content_version.current(traineeship)
    if change == "reflection":
        Reflection.objects.create(traineeship=traineeship, text="Nieuw")
    elif change == "goal_delete":
        goal = GoalFactory(traineeship=traineeship)
        before = content_version.current(traineeship)
        goal.delete()
    else:
        Reflection.objects.create(traineeship=traineeship, text="Nieuw")
        traineeship.delete()  # its records go with it, and stamping them must not fail
        return
    assert content_version.current(traineeship) != before
