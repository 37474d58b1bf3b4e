"""Every act on a person stays inside the acting organisation (issue 10, points 4 and 5).

The world's ``two_orgs`` person is a trainee in both organisations, with a finished traineeship
and a private reflection in each.
"""

import io
import json
import zipfile
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from mentors.models import MentorProfile
from organisations.models import AuditEntry, DataCopy, Membership, Role, User
from portfolios.models import Reflection
from programmes.models import Traineeship


def _archive(client, response) -> zipfile.ZipFile:
    """The copy the worker built (tasks run at once in the tests), downloaded as its reader would."""
    assert response.status_code == 302
    copy = DataCopy.objects.latest("pk")
    download = client.get(reverse("privacy_data_copy_download", args=[copy.pk]))
    return zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))


def _zip(client, response) -> tuple[dict, list[str]]:
    archive = _archive(client, response)
    return json.loads(archive.read("data.json")), archive.namelist()


@pytest.mark.django_db
class TestDataCopy:
    def test_hr_copy_holds_only_their_organisations_records_and_no_reflections(self, world, personas, client_for):
        person = world.people["two_orgs"]
        MentorProfile.objects.create(organisation=personas.other_organisation, user=person)
        url = reverse("privacy_person_download", args=[world["two_orgs_membership"].pk])
        hr = client_for(personas.hr)
        data, names = _zip(hr, hr.post(url))
        assert [t["id"] for t in data["traineeships"]] == [world["two_orgs_traineeship"].pk]
        assert [m["organisation"] for m in data["memberships"]] == [personas.organisation.name]
        assert data["mentor_profiles"] == []
        assert data["reflections"] == []
        assert "Privé gedachte" not in json.dumps(data)
        # Only this organisation's trail records the act.
        exported = AuditEntry.objects.filter(action="data.exported", subject=person)
        assert set(exported.values_list("organisation", flat=True)) == {personas.organisation.pk}

    def test_hr_copy_pdf_leaves_out_private_reflections(self, world, personas, client_for):
        from pypdf import PdfReader

        url = reverse("privacy_person_download", args=[world["two_orgs_membership"].pk])
        hr = client_for(personas.hr)
        archive = _archive(hr, hr.post(url))
        pdfs = [name for name in archive.namelist() if name.endswith(".pdf")]
        assert pdfs
        for name in pdfs:
            text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(archive.read(name))).pages)
            assert "Privé gedachte" not in text

    def test_own_copy_covers_everything(self, world, client_for):
        person = world.people["two_orgs"]
        client = client_for(person)
        data, _names = _zip(client, client.post(reverse("privacy_my_data_download")))
        assert {t["id"] for t in data["traineeships"]} == {
            world["two_orgs_traineeship"].pk,
            world["other:two_orgs_traineeship"].pk,
        }
        assert len(data["memberships"]) == 2
        assert len(data["reflections"]) == 2


@pytest.mark.django_db
class TestErasure:
    def test_erasure_by_one_organisation_leaves_the_other_alone(self, world, personas, client_for):
        person = world.people["two_orgs"]
        url = reverse("privacy_person_erase", args=[world["two_orgs_membership"].pk])
        page = client_for(personas.hr, "en").get(url)
        assert "another organisation" in " ".join(str(line) for line in page.context["summary"])
        response = client_for(personas.hr).post(url, {"confirm": "yes"})
        assert response.status_code == 302
        person.refresh_from_db()
        assert person.is_active and person.name == "Twee Organisaties"
        assert not Traineeship.objects.filter(pk=world["two_orgs_traineeship"].pk).exists()
        assert Traineeship.objects.filter(pk=world["other:two_orgs_traineeship"].pk).exists()
        assert Reflection.objects.filter(traineeship=world["other:two_orgs_traineeship"]).exists()
        assert list(Membership.objects.filter(user=person).values_list("organisation", flat=True)) == [
            personas.other_organisation.pk
        ]
        erased = AuditEntry.objects.filter(action="data.erased", subject=person)
        assert set(erased.values_list("organisation", flat=True)) == {personas.organisation.pk}
        # The person still signs in and reaches what the other organisation holds.
        assert (
            client_for(person).get(reverse("stappenplan", args=[world["other:two_orgs_traineeship"].pk])).status_code
            == 200
        )

    def test_the_last_organisation_erasing_disables_the_account(self, world, personas, client_for):
        person = world.people["two_orgs"]
        for hr, name in [(personas.hr, "two_orgs_membership"), (personas.other_hr, None)]:
            membership = world[name] if name else Membership.objects.get(user=person)
            client_for(hr).post(reverse("privacy_person_erase", args=[membership.pk]), {"confirm": "yes"})
        person.refresh_from_db()
        assert not person.is_active and "invalid" in person.email


@pytest.mark.django_db
class TestRoles:
    def test_removing_a_role_disables_only_an_account_without_any_role(self, world, personas, client_for):
        person = world.people["two_orgs"]
        client_for(personas.hr).post(reverse("organisations:membership_remove", args=[world["two_orgs_membership"].pk]))
        assert User.objects.get(pk=person.pk).is_active
        other = Membership.objects.get(user=person)
        client_for(personas.other_hr).post(reverse("organisations:membership_remove", args=[other.pk]))
        assert not User.objects.get(pk=person.pk).is_active

    def test_a_removed_mentor_reads_nothing_of_the_old_placement(self, world, client_for):
        client = client_for(world.people["former_mentor"])
        pk = world["formerly_mentored"].pk
        for name in ["stappenplan", "portfolios:portfolio", "portfolios:reflections", "portfolios:portfolio_pdf"]:
            assert client.get(reverse(name, args=[pk])).status_code == 404, name


@pytest.mark.django_db
def test_retention_of_one_organisation_keeps_roles_in_another(world, personas):
    person = world.people["two_orgs"]
    Traineeship.objects.filter(pk=world["two_orgs_traineeship"].pk).update(
        start_date=date(2020, 1, 1), end_date=date(2020, 12, 31)
    )
    Traineeship.objects.filter(pk=world["other:two_orgs_traineeship"].pk).update(end_date=date(2099, 1, 1))
    call_command("apply_retention", "--today", "2026-06-01", stdout=io.StringIO())
    assert not Traineeship.objects.filter(pk=world["two_orgs_traineeship"].pk).exists()
    roles = set(Membership.objects.filter(user=person).values_list("organisation", "role"))
    assert roles == {(personas.other_organisation.pk, Role.TRAINEE)}
    person.refresh_from_db()
    assert person.is_active


@pytest.mark.django_db
def test_privacy_page_is_the_rules(personas, world, client_for):
    """The page prints each registered read rule with exactly its readers."""
    from django.utils.html import escape

    from organisations.permissions import privacy_rules
    from portfolios.permissions import FEEDBACK, SELF_EVALUATIONS
    from programmes.permissions import Relation

    response = client_for(personas.trainee, "en").get(reverse("organisations:privacy"))
    assert [row.key for row in response.context["rules"]] == [rule.key for rule in privacy_rules()]
    html = response.content.decode()
    for rule in privacy_rules():
        assert escape(str(rule.data)) in html
    assert Relation.HR in FEEDBACK.readers and Relation.COORDINATOR not in SELF_EVALUATIONS.readers
    assert str(Relation.HR.label) in html
    # And the views do what the page says: the coordinator reads no self-evaluation or feedback.
    for name in ["portfolios:self_evaluations", "portfolios:feedback"]:
        url = reverse(name, args=[world["traineeship"].pk])
        assert client_for(personas.coordinator).get(url).status_code == 403
        assert client_for(personas.manager).get(url).status_code == 200
