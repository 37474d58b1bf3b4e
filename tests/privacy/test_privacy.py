"""A person's copy of their data, erasure on request, and the retention term."""

import io
import json
import zipfile
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from goals.audit import GoalAction
from goals.models import LearningGoal
from organisations import audit
from organisations.models import AuditEntry, Membership, User
from programmes.models import Programme, Traineeship


def make_traineeship(organisation, trainee, *, start=date(2025, 1, 1), end=date(2025, 12, 31), status="finished"):
    programme, _ = Programme.objects.get_or_create(
        owner=organisation, name="Traineeship sociaal werk", defaults={"kind": "social_work"}
    )
    return Traineeship.objects.create(
        programme=programme,
        trainee=trainee,
        education_level="hbo",
        graduation_date=date(2024, 7, 1),
        scale=6,
        start_date=start,
        end_date=end,
        status=status,
    )


def download_copy(client, url):
    """Ask for a copy (the worker builds it; tasks run at once in tests) and download the ZIP."""
    from types import SimpleNamespace

    asked = client.post(url)
    assert asked.status_code == 302, asked.status_code
    page = client.get(asked["Location"])
    assert page.status_code == 200
    copy = page.context["copy"]
    assert copy.status == "done", copy.status
    download = client.get(reverse("privacy_data_copy_download", args=[copy.pk]))
    assert download.status_code == 200
    return SimpleNamespace(
        status_code=200, content=b"".join(download.streaming_content), headers=download.headers, copy=copy
    )


@pytest.mark.django_db
class TestDataExport:
    def test_trainee_downloads_a_zip_with_their_goals(self, personas, client_for):
        traineeship = make_traineeship(personas.organisation, personas.trainee, status="active")
        LearningGoal.objects.create(traineeship=traineeship, title="Gespreksvoering met jongeren")
        response = download_copy(client_for(personas.trainee), reverse("privacy_my_data_download"))
        assert response.headers["Content-Type"] == "application/zip"
        archive = zipfile.ZipFile(io.BytesIO(response.content))
        data = json.loads(archive.read("data.json"))
        assert data["account"]["email"] == personas.trainee.email
        goals = data["traineeships"][0]["learning_goals"]
        assert goals[0]["title"] == "Gespreksvoering met jongeren"
        assert AuditEntry.objects.filter(action="data.exported", subject=personas.trainee).exists()

    def test_hr_downloads_for_a_person_of_their_organisation_only(self, personas, client_for):
        ours = Membership.objects.get(user=personas.trainee)
        theirs = Membership.objects.get(user=personas.other_trainee)
        client = client_for(personas.hr)
        assert download_copy(client, reverse("privacy_person_download", args=[ours.pk])).status_code == 200
        assert client.post(reverse("privacy_person_download", args=[theirs.pk])).status_code == 404


@pytest.mark.django_db
class TestErasure:
    def test_running_traineeship_blocks_erasure(self, personas, client_for):
        make_traineeship(personas.organisation, personas.trainee, status="active", end=date(2099, 1, 1))
        membership = Membership.objects.get(user=personas.trainee)
        response = client_for(personas.hr).post(
            reverse("privacy_person_erase", args=[membership.pk]), {"confirm": "yes"}
        )
        assert response.status_code == 200
        assert "planned or running" in str(response.context["blockers"]) or response.context["blockers"]
        assert User.objects.get(pk=personas.trainee.pk).name == personas.trainee.name

    def test_confirmation_is_required(self, personas, client_for):
        membership = Membership.objects.get(user=personas.trainee)
        client_for(personas.hr).post(reverse("privacy_person_erase", args=[membership.pk]))
        assert User.objects.get(pk=personas.trainee.pk).is_active

    def test_erasure_names_what_goes_then_removes_the_name_everywhere(self, personas, client_for):
        traineeship = make_traineeship(personas.organisation, personas.trainee)
        LearningGoal.objects.create(traineeship=traineeship, title="Netwerk versterken")
        entry = audit.record(
            organisation=personas.organisation,
            actor=personas.mentor,
            action=GoalAction.GOAL_APPROVED,
            subject=personas.trainee,
        )
        membership = Membership.objects.get(user=personas.trainee)
        client = client_for(personas.hr)
        page = client.get(reverse("privacy_person_erase", args=[membership.pk]))
        assert "traineeship" in " ".join(page.context["summary"])
        name = personas.trainee.name
        response = client.post(reverse("privacy_person_erase", args=[membership.pk]), {"confirm": "yes"})
        assert response.status_code == 302
        erased = User.objects.get(pk=personas.trainee.pk)
        assert erased.name != name and not erased.is_active and "invalid" in erased.email
        assert not Traineeship.objects.filter(pk=traineeship.pk).exists()
        entry.refresh_from_db()
        assert name not in entry.subject_label
        # The trail still renders, without the name (after the confirmation message is shown).
        client.get(response["Location"])
        html = client.get(reverse("organisations:audit_trail")).content.decode()
        assert name not in html
        assert AuditEntry.objects.filter(action="data.erased").exists()

    def test_other_organisation_cannot_erase(self, personas, client_for):
        membership = Membership.objects.get(user=personas.trainee)
        response = client_for(personas.other_hr).post(
            reverse("privacy_person_erase", args=[membership.pk]), {"confirm": "yes"}
        )
        assert response.status_code == 404


@pytest.mark.django_db
class TestRetention:
    @pytest.fixture
    def ended(self, personas):
        personas.organisation.retention_years = 2
        personas.organisation.save()
        return make_traineeship(personas.organisation, personas.trainee, start=date(2023, 7, 1), end=date(2024, 6, 30))

    def run(self, today, *flags):
        out = io.StringIO()
        call_command("apply_retention", "--today", today, *flags, stdout=out)
        return out.getvalue()

    def test_last_day_of_the_term_is_kept(self, ended):
        output = self.run("2026-06-30")
        assert "0 traineeship(s) removed" in output
        assert Traineeship.objects.filter(pk=ended.pk).exists()

    def test_dry_run_lists_but_keeps(self, ended):
        output = self.run("2026-07-01", "--dry-run")
        assert f"would remove traineeship {ended.pk}" in output
        assert Traineeship.objects.filter(pk=ended.pk).exists()
        assert not AuditEntry.objects.filter(action="retention.applied").exists()

    def test_day_after_the_term_removes_and_records(self, ended, personas):
        output = self.run("2026-07-01")
        assert "1 traineeship(s) removed" in output
        assert not Traineeship.objects.filter(pk=ended.pk).exists()
        assert AuditEntry.objects.filter(action="retention.applied", organisation=personas.organisation).exists()
        # The former trainee had no other role: the account is anonymised.
        assert not User.objects.get(pk=personas.trainee.pk).is_active

    def test_longer_term_of_another_organisation_is_respected(self, personas):
        personas.other_organisation.retention_years = 5
        personas.other_organisation.save()
        kept = make_traineeship(
            personas.other_organisation, personas.other_trainee, start=date(2023, 7, 1), end=date(2024, 6, 30)
        )
        self.run("2026-07-01")
        assert Traineeship.objects.filter(pk=kept.pk).exists()


# The portfolio and mentor parts of the copy, erasure and retention -------------------------------


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def add_evidence_file(traineeship, *, name="Verslag huisbezoek.pdf", content=b"%PDF-1.4 evidence"):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from portfolios.models import Evidence

    stored = default_storage.save(f"evidence/{traineeship.pk}-test.pdf", ContentFile(content))
    return Evidence.objects.create(
        traineeship=traineeship,
        kind=Evidence.Kind.FILE,
        title="Verslag",
        stored_name=stored,
        original_name=name,
        content_type="application/pdf",
        size=len(content),
    )


def give_feedback(traineeship, *, name, anonymous, text="Luistert goed en vat samen.", email="collega@example.org"):
    from portfolios import services as portfolio_services

    competency = traineeship.profile_competencies.first().competency
    _request, token = portfolio_services.feedback_request_create(
        traineeship=traineeship,
        actor=traineeship.trainee,
        name=name,
        email=email,
        question="Hoe voer ik gesprekken?",
        competencies=[competency],
        base_url="https://app.example",
    )
    return portfolio_services.feedback_give(
        token=token, answers={competency.pk: text}, free_text="Veel succes", anonymous=anonymous
    )


@pytest.mark.django_db
class TestDemoTraineeCopy:
    def test_demo_trainee_downloads_goals_meetings_activities_feedback_files_and_pdf(self, client, media_root):
        call_command("demo", stdout=io.StringIO())
        trainee = User.objects.get(email="trainee@zonnedal.example")
        traineeship = Traineeship.objects.filter(trainee=trainee).order_by("-start_date").first()
        evidence = add_evidence_file(traineeship, name="../Verslag <huisbezoek>.pdf")
        client.force_login(trainee)
        response = download_copy(client, reverse("privacy_my_data_download"))
        archive = zipfile.ZipFile(io.BytesIO(response.content))
        data = json.loads(archive.read("data.json"))
        ours = next(t for t in data["traineeships"] if t["id"] == traineeship.pk)
        assert ours["learning_goals"] and ours["development_activities"]
        assert data["meetings"], "the demo trainee has recorded meetings"
        assert all("private_note" not in meeting for meeting in data["meetings"])
        assert data["feedback_received"]
        names = archive.namelist()
        assert f"evidence/{evidence.pk}-verslag-huisbezoek.pdf" in names
        assert archive.read(f"evidence/{evidence.pk}-verslag-huisbezoek.pdf") == b"%PDF-1.4 evidence"
        pdf_name = f"portfolio/portfolio-{traineeship.pk}.pdf"
        assert pdf_name in names and archive.read(pdf_name).startswith(b"%PDF")
        assert all(".." not in name and not name.startswith("/") for name in names)

    def test_private_note_never_in_the_copy(self, personas, client_for, media_root):
        from tests.mentors.factories import MeetingFactory, mentored_traineeship, record

        traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)
        record(
            MeetingFactory(traineeship=traineeship), personas.mentor, notes="Afspraak gemaakt", private_note="GEHEIM"
        )
        response = download_copy(client_for(personas.trainee), reverse("privacy_my_data_download"))
        data = response.content
        archive = zipfile.ZipFile(io.BytesIO(data))
        text = archive.read("data.json").decode()
        assert "Afspraak gemaakt" in text and "GEHEIM" not in text


@pytest.mark.django_db
class TestColleagueFeedbackInTheCopy:
    def test_anonymous_feedback_shows_the_text_without_the_giver(self, personas, client_for, media_root):
        from tests.portfolios.factories import traineeship_with_profile

        traineeship = traineeship_with_profile(personas.organisation, trainee=personas.trainee)
        give_feedback(traineeship, name="Karin Verborgen", anonymous=True, text="Stelt goede vragen.")
        give_feedback(
            traineeship, name="Piet Zichtbaar", anonymous=False, text="Neemt initiatief.", email="piet@example.org"
        )
        response = download_copy(client_for(personas.trainee), reverse("privacy_my_data_download"))
        text = zipfile.ZipFile(io.BytesIO(response.content)).read("data.json").decode()
        data = json.loads(text)
        received = {item["answers"][0]["answer"]: item["from"] for item in data["feedback_received"]}
        # The giver as verified: the address the link went to, not the name the trainee typed.
        assert received["Neemt initiatief."] == "piet@example.org"
        assert "Stelt goede vragen." in received
        assert "Karin" not in text and "collega@example.org" not in text


@pytest.mark.django_db
class TestErasureOfFilesAndNames:
    def test_erasing_a_trainee_with_a_finished_traineeship_removes_their_files(self, personas, client_for, media_root):
        from django.core.files.storage import default_storage

        traineeship = make_traineeship(personas.organisation, personas.trainee)
        evidence = add_evidence_file(traineeship)
        assert default_storage.exists(evidence.stored_name)
        membership = Membership.objects.get(user=personas.trainee)
        client = client_for(personas.hr, language="en")
        page = client.get(reverse("privacy_person_erase", args=[membership.pk]))
        assert "evidence file" in " ".join(page.context["summary"])
        response = client.post(reverse("privacy_person_erase", args=[membership.pk]), {"confirm": "yes"})
        assert response.status_code == 302
        assert not default_storage.exists(evidence.stored_name)
        assert not Traineeship.objects.filter(pk=traineeship.pk).exists()

    def test_recently_signed_final_evaluation_blocks_erasure(self, personas, client_for, media_root):
        from django.utils import timezone

        from portfolios.models import FinalEvaluation

        traineeship = make_traineeship(personas.organisation, personas.trainee)
        now = timezone.now()
        FinalEvaluation.objects.create(traineeship=traineeship, trainee_signed_at=now, mentor_signed_at=now)
        membership = Membership.objects.get(user=personas.trainee)
        response = client_for(personas.hr, language="en").post(
            reverse("privacy_person_erase", args=[membership.pk]), {"confirm": "yes"}
        )
        assert response.status_code == 200
        assert "retention term" in " ".join(str(b) for b in response.context["blockers"])
        assert Traineeship.objects.filter(pk=traineeship.pk).exists()

    def test_erasing_a_mentor_keeps_meetings_rendering_without_the_name(self, personas, client_for, media_root):
        from mentors.models import Agreement
        from tests.mentors.factories import MeetingFactory, mentored_traineeship, record

        traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)
        meeting = record(MeetingFactory(traineeship=traineeship), personas.mentor, notes="Besproken: planning")
        meeting.participants.add(personas.mentor, personas.trainee)
        Agreement.objects.create(
            meeting=meeting, traineeship=traineeship, description="Rooster delen", owner=personas.mentor
        )
        goal = LearningGoal.objects.create(traineeship=traineeship, title="Regie nemen")
        if hasattr(goal, "approved_by"):
            goal.approved_by = personas.mentor
            goal.save()
        name = personas.mentor.name
        membership = Membership.objects.get(user=personas.mentor)
        response = client_for(personas.hr).post(
            reverse("privacy_person_erase", args=[membership.pk]), {"confirm": "yes"}
        )
        assert response.status_code == 302
        assert Agreement.objects.filter(description="Rooster delen").exists()
        for viewer in (personas.trainee, personas.hr):
            page = client_for(viewer).get(reverse("mentors:meeting_detail", args=[meeting.pk]))
            assert page.status_code == 200
            html = page.content.decode()
            assert name not in html and "Besproken: planning" in html


@pytest.mark.django_db
class TestRetentionRemovesFiles:
    def test_purge_removes_evidence_and_export_files(self, personas, media_root):
        from django.core.files.base import ContentFile
        from django.core.files.storage import default_storage

        from portfolios.models import PortfolioExport
        from programmes.models import Cohort

        personas.organisation.retention_years = 2
        personas.organisation.save()
        traineeship = make_traineeship(
            personas.organisation, personas.trainee, start=date(2023, 7, 1), end=date(2024, 6, 30)
        )
        cohort = Cohort.objects.create(
            programme=traineeship.programme, name="Lichting 2023", start_date=date(2023, 7, 1)
        )
        traineeship.cohort = cohort
        traineeship.save()
        evidence = add_evidence_file(traineeship)
        stored = default_storage.save("exports/cohort.zip", ContentFile(b"zip"))
        PortfolioExport.objects.create(
            requested_by=personas.hr,
            organisation=personas.organisation,
            cohort=cohort,
            status="done",
            stored_name=stored,
        )
        call_command("apply_retention", "--today", "2026-07-01", stdout=io.StringIO())
        assert not Traineeship.objects.filter(pk=traineeship.pk).exists()
        assert not default_storage.exists(evidence.stored_name)
        assert not default_storage.exists(stored)
        assert not PortfolioExport.objects.filter(cohort=cohort).exists()


def test_no_health_or_sick_leave_fields_anywhere():
    from django.apps import apps

    words = ("sick", "health", "ill", "medical", "diagnos", "ziek", "verzuim", "absence")
    for model in apps.get_models():
        if model._meta.app_label not in {"organisations", "programmes", "mentors", "portfolios"}:
            continue
        for field in model._meta.get_fields():
            assert not any(word in field.name.lower().split("_") or word in field.name.lower() for word in words[:4]), (
                f"{model.__name__}.{field.name}"
            )
            assert not any(word in field.name.lower() for word in words[4:]), f"{model.__name__}.{field.name}"


def test_free_text_help_reminds_of_facts_not_diagnoses():
    from mentors.forms import AddendumForm, MeetingRecordForm
    from portfolios.forms import FinalEvaluationForm, ReflectionForm

    with translation.override("en"):
        assert "diagnoses" in str(MeetingRecordForm.base_fields["notes"].help_text)
        assert "diagnoses" in str(ReflectionForm.base_fields["text"].help_text)
        assert "diagnoses" in str(AddendumForm.base_fields["text"].help_text)
        assert "diagnoses" in str(FinalEvaluationForm.base_fields["trainee_development"].help_text)
