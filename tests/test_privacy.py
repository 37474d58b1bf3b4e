"""A person's copy of their data, erasure on request, and the retention term."""

import io
import json
import zipfile
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from organisations import audit
from organisations.models import AuditEntry, Membership, User
from programmes.models import LearningGoal, Programme, Traineeship


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


@pytest.mark.django_db
class TestDataExport:
    def test_trainee_downloads_a_zip_with_their_goals(self, personas, client_for):
        traineeship = make_traineeship(personas.organisation, personas.trainee, status="active")
        LearningGoal.objects.create(traineeship=traineeship, title="Gespreksvoering met jongeren")
        response = client_for(personas.trainee).post(reverse("privacy_my_data_download"))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/zip"
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
        assert client.post(reverse("privacy_person_download", args=[ours.pk])).status_code == 200
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
            action=audit.Action.GOAL_APPROVED,
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
