"""The position profile's PDF for the vacancy: a tagged PDF/A with a Dutch file name, for its HR only."""

from django.urls import reverse

from programmes.models import PositionProfileCompetency
from tests.portfolios.pdf_helpers import flat_text, open_pdf
from tests.programmes.factories import CompetencyFactory, PositionProfileFactory


def test_pdf_downloads_as_a_tagged_pdf_a_with_a_dutch_name(personas, client_for):
    profile = PositionProfileFactory(programme__owner=personas.organisation, title="Trainee jeugdzorg Zoë-team")
    competency = CompetencyFactory(framework=profile.programme.framework, name="Samenwerken")
    PositionProfileCompetency.objects.create(profile=profile, competency=competency, purpose="required")
    response = client_for(personas.hr).get(reverse("position_profile_pdf", kwargs={"pk": profile.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    content = response.content
    assert content.startswith(b"%PDF")
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="Functieprofiel Trainee jeugdzorg Zoe-team.pdf"')
    assert "filename*=UTF-8''Functieprofiel%20Trainee%20jeugdzorg%20Zo%C3%AB-team.pdf" in disposition
    pdf = open_pdf(content)
    assert bool(pdf.Root.MarkInfo.Marked) is True and "/StructTreeRoot" in pdf.Root
    metadata = pdf.open_metadata()
    assert metadata.get("pdfaid:part") == "3" and metadata.get("pdfaid:conformance") == "A"
    text = flat_text(content)
    assert "Trainee jeugdzorg Zoë-team" in text and profile.tasks in text
    assert "Samenwerken" in text and "Vereist bij de start" in text


def test_pdf_is_kept_until_the_profile_changes(personas, client_for):
    profile = PositionProfileFactory(programme__owner=personas.organisation)
    client = client_for(personas.hr)
    url = reverse("position_profile_pdf", kwargs={"pk": profile.pk})
    assert profile.tasks in flat_text(client.get(url).content)
    client.post(
        reverse("programmes:position_profile_edit", kwargs={"pk": profile.pk}),
        {"title": profile.title, "kind": "tasks", "tasks": "Nieuwe taken in de wijk"},
    )
    assert "Nieuwe taken in de wijk" in flat_text(client.get(url).content)


def test_pdf_scoping(personas, client_for):
    profile = PositionProfileFactory(programme__owner=personas.organisation)
    url = reverse("position_profile_pdf", kwargs={"pk": profile.pk})
    assert client_for(personas.other_hr).get(url).status_code == 404
    assert client_for(personas.manager).get(url).status_code == 403
    assert client_for(personas.trainee).get(url).status_code == 403


DUMMY_TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


def test_progress_page_until_the_worker_has_made_the_file_then_served_without_rendering(personas, client_for):
    from unittest import mock

    from django.test import override_settings

    from portfolios.position_profile_pdfs import PositionProfilePdf
    from portfolios.tasks_position_profiles import render_position_profile

    profile = PositionProfileFactory(programme__owner=personas.organisation)
    client = client_for(personas.hr, "en")
    target = reverse("position_profile_pdf", kwargs={"pk": profile.pk})
    with override_settings(TASKS=DUMMY_TASKS):
        page = client.get(target)
        assert page.status_code == 202
        html = page.content.decode()
        assert 'data-hx-trigger="every 2s"' in html and 'aria-live="polite"' in html and profile.title in html
        poll = client.get(target, headers={"HX-Request": "true"})
        assert poll.status_code == 202 and "<h1" not in poll.content.decode()
        assert PositionProfilePdf.objects.get().status == PositionProfilePdf.Status.QUEUED
        render_position_profile.call(pdf_id=PositionProfilePdf.objects.get().pk)  # the worker
        ready = client.get(target, headers={"HX-Request": "true"}).content.decode()
        assert f'href="{target}" data-download-now' in ready and "data-hx-trigger" not in ready

        def no_render(**kwargs):
            raise AssertionError("rendered again though the profile is unchanged")

        with mock.patch("portfolios.tasks_position_profiles.render_position_profile_pdf", no_render):
            download = client.get(target)
    assert download.status_code == 200 and download.content.startswith(b"%PDF")


def test_pdf_is_made_again_when_a_printed_name_changes(personas, client_for):
    profile = PositionProfileFactory(programme__owner=personas.organisation)
    client = client_for(personas.hr)
    url = reverse("position_profile_pdf", kwargs={"pk": profile.pk})
    client.get(url)
    profile.programme.name = "Traineeship Jeugd en Gezin"
    profile.programme.save()
    assert "Traineeship Jeugd en Gezin" in flat_text(client.get(url).content)


def test_a_file_gone_from_storage_is_made_again(personas, client_for, settings, tmp_path):
    """Both kinds of kept PDF (``portfolios.views.stored.serve_rendered``): a file lost from storage
    (a restore without the files) is asked of the worker again, and served once it is made."""
    from django.core.files.storage import default_storage

    from portfolios.models import StoredPdf
    from portfolios.position_profile_pdfs import PositionProfilePdf
    from tests.portfolios.factories import traineeship_with_profile

    settings.MEDIA_ROOT = tmp_path
    traineeship = traineeship_with_profile(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)
    profile = PositionProfileFactory(programme__owner=personas.organisation)
    for model, user, url in [
        (PositionProfilePdf, personas.hr, reverse("position_profile_pdf", kwargs={"pk": profile.pk})),
        (StoredPdf, personas.manager, reverse("portfolios:portfolio_pdf", kwargs={"pk": traineeship.pk})),
    ]:
        client = client_for(user)
        assert client.get(url).status_code == 200
        default_storage.delete(model.objects.get().stored_name)
        again = client.get(url)  # the worker runs at once here: made again while asked
        assert again.status_code == 202 and model.objects.get().is_fresh(model.objects.get().file_version)
        assert default_storage.exists(model.objects.get().stored_name)
        assert client.get(url).content.startswith(b"%PDF")
