import io
import zipfile

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from pypdf import PdfReader

from organisations.models import AuditEntry
from portfolios import services
from portfolios.models import FeedbackAnswer, FeedbackRequest, FinalEvaluation, PortfolioExport, Reflection
from portfolios.pdf import base
from portfolios.pdf.portfolio import render_portfolio_pdf
from tests.portfolios.factories import CohortFactory, GoalFactory


def text_of(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def full_portfolio(traineeship, personas):
    competency = traineeship.profile_competencies.first().competency
    goal = GoalFactory(traineeship=traineeship, title="Leerdoel huisbezoeken zelfstandig afleggen")
    goal.competencies.add(competency)
    services.goal_progress_add(goal=goal, actor=personas.trainee, progress=60, note="Goed op weg")
    request = FeedbackRequest.objects.create(
        traineeship=traineeship,
        colleague_name="Karim",
        colleague_email="karim@example.org",
        token_hash="x" * 64,
        expires_at="2030-01-01T00:00Z",
        answered_at="2026-10-01T10:00Z",
        free_text="Je bent een fijne collega",
    )
    FeedbackAnswer.objects.create(request=request, competency=competency, answer="Luistert aandachtig naar cliënten")
    Reflection.objects.create(traineeship=traineeship, text="Privé reflectie over mijn twijfels")
    FinalEvaluation.objects.create(
        traineeship=traineeship,
        trainee_development="Ik ben enorm gegroeid in outreachend werken",
        future_in_sector="Doorgroeien tot wijkcoach",
    )
    return traineeship


def test_manager_downloads_portfolio_pdf_with_goals_feedback_and_evaluation(full_portfolio, personas, client_for):
    response = client_for(personas.manager).get(reverse("portfolios:portfolio_pdf", kwargs={"pk": full_portfolio.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    text = text_of(response.content)
    assert "Leerdoel huisbezoeken zelfstandig afleggen" in text
    assert "Luistert aandachtig naar cliënten" in text
    assert "Ik ben enorm gegroeid in outreachend werken" in text
    assert "Privé reflectie" not in text  # the manager may not read reflections
    assert AuditEntry.objects.filter(action="portfolio.downloaded", actor=personas.manager).exists()
    root = PdfReader(io.BytesIO(response.content)).trailer["/Root"]
    assert "/OutputIntents" in root and "/Metadata" in root  # PDF/A


def test_final_evaluation_pdf_and_outsiders(full_portfolio, personas, client_for):
    url = reverse("portfolios:final_evaluation_pdf", kwargs={"pk": full_portfolio.pk})
    response = client_for(personas.mentor).get(url)
    assert response.status_code == 200
    assert "Doorgroeien tot wijkcoach" in text_of(response.content)
    for actor in ["other_manager", "other_hr", "other_trainee"]:
        assert client_for(personas.users[actor]).get(url).status_code == 404
        pdf = reverse("portfolios:portfolio_pdf", kwargs={"pk": full_portfolio.pk})
        assert client_for(personas.users[actor]).get(pdf).status_code == 404


def test_trainee_pdf_holds_own_reflections_in_english(full_portfolio):
    text = text_of(render_portfolio_pdf(traineeship=full_portfolio, language="en", reader=full_portfolio.trainee))
    assert "Privé reflectie over mijn twijfels" in text
    assert "Development plan" in text


def test_stylesheet_is_parsed_once_and_fetcher_refuses_others():
    assert base.print_stylesheet() is base.print_stylesheet()
    fetcher = base.StaticOnlyFetcher()
    with pytest.raises(ValueError):
        fetcher.fetch("file:///etc/passwd")
    with pytest.raises(ValueError):
        fetcher.fetch("https://example.org/evil.css")
    assert fetcher.fetch(base.STATIC_PREFIX + "portfolios/print.css").read().startswith(b"/*")


def test_manager_exports_a_cohort_as_zip(personas, client_for, django_capture_on_commit_callbacks):
    from tests.portfolios.factories import traineeship_with_profile

    cohort = CohortFactory(programme__owner=personas.organisation)
    for index in range(2):
        trainee = personas.trainee if index == 0 else None
        from tests.organisations.factories import member

        trainee = trainee or member(personas.organisation, "trainee", email=f"t{index}@testdal.example")
        traineeship_with_profile(personas.organisation, trainee=trainee, mentor=personas.mentor, cohort=cohort)
    manager = client_for(personas.manager)
    page = manager.get(reverse("portfolios:exports"))
    assert cohort.name in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = manager.post(reverse("portfolios:exports"), {"cohort": cohort.pk})
    assert response.status_code == 302
    export = PortfolioExport.objects.get()
    assert export.status == PortfolioExport.Status.DONE and export.done == export.total == 2
    detail = manager.get(reverse("portfolios:export_detail", kwargs={"pk": export.pk}), headers={"HX-Request": "true"})
    assert "every 2s" not in detail.content.decode() and "<h1" not in detail.content.decode()
    download = manager.get(reverse("portfolios:export_download", kwargs={"pk": export.pk}))
    assert download.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert len(archive.namelist()) == 2
    assert default_storage.exists(export.stored_name)
    assert (
        client_for(personas.hr).get(reverse("portfolios:export_download", kwargs={"pk": export.pk})).status_code == 404
    )
    assert client_for(personas.trainee).get(reverse("portfolios:exports")).status_code == 403


def test_running_export_page_polls_and_offers_a_refresh_link(personas, client_for):
    export = PortfolioExport.objects.create(
        requested_by=personas.manager, organisation=personas.organisation, status="running", done=1, total=4
    )
    client = client_for(personas.manager)
    page = client.get(reverse("portfolios:export_detail", kwargs={"pk": export.pk})).content.decode()
    assert 'data-hx-trigger="every 2s"' in page and "<h1" in page
    assert reverse("portfolios:export_detail", kwargs={"pk": export.pk}) in page
    assert 'value="25"' in page


def test_portfolio_pdf_shows_recorded_meetings_without_the_private_note(traineeship, personas):
    from mentors.models import Meeting

    Meeting.objects.create(
        traineeship=traineeship,
        kind="kick_off",
        date="2026-09-01",
        notes="Kennismaking en ritme van de voortgangsgesprekken",
        private_note="Alleen voor mij: let op de werkdruk",
        workload=2,
        recorded_at="2026-09-01T12:00Z",
    )
    Meeting.objects.create(traineeship=traineeship, kind="regular", date="2030-01-01", notes="Nog niet gehouden")
    text = text_of(render_portfolio_pdf(traineeship=traineeship, language="nl", reader=personas.trainee))
    assert "Kennismaking en ritme van de voortgangsgesprekken" in text
    assert "Alleen voor mij" not in text
    assert "Nog niet gehouden" not in text
