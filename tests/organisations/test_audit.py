import pytest
from django.urls import reverse

from goals.audit import GoalAction
from organisations import audit
from organisations.models import AuditEntry
from privacy.audit import PrivacyAction


@pytest.mark.django_db
class TestAuditTrail:
    def test_hr_and_manager_read_their_own_organisations_trail(self, personas, client_for):
        audit.record(
            organisation=personas.organisation,
            actor=personas.hr,
            action=GoalAction.GOAL_APPROVED,
            subject=personas.trainee,
            summary="ours",
        )
        audit.record(
            organisation=personas.other_organisation,
            actor=personas.other_hr,
            action=GoalAction.GOAL_APPROVED,
            summary="theirs",
        )
        for user in (personas.hr, personas.manager):
            html = client_for(user).get(reverse("organisations:audit_trail")).content.decode()
            assert "ours" in html and "theirs" not in html

    def test_filters_by_action_and_person(self, personas, client_for):
        audit.record(
            organisation=personas.organisation,
            actor=personas.hr,
            action=GoalAction.GOAL_APPROVED,
            subject=personas.trainee,
            summary="approved-one",
        )
        audit.record(
            organisation=personas.organisation,
            actor=personas.hr,
            action=PrivacyAction.DATA_ERASED,
            summary="erased-one",
        )
        client = client_for(personas.hr)
        html = client.get(reverse("organisations:audit_trail"), {"action": "goal.approved"}).content.decode()
        assert "approved-one" in html and "erased-one" not in html
        html = client.get(reverse("organisations:audit_trail"), {"person": personas.trainee.name}).content.decode()
        assert "approved-one" in html and "erased-one" not in html

    def test_entries_cannot_be_changed_or_deleted(self, personas):
        entry = audit.record(organisation=personas.organisation, actor=personas.hr, action=PrivacyAction.DATA_ERASED)
        entry.params = {"text": "changed"}
        with pytest.raises(ValueError):
            entry.save()
        with pytest.raises(ValueError):
            entry.delete()
        assert AuditEntry.objects.get(pk=entry.pk).params == {}

    def test_labels_survive_when_people_are_gone(self, personas):
        entry = audit.record(
            organisation=personas.organisation,
            actor=personas.hr,
            action=GoalAction.GOAL_APPROVED,
            subject=personas.trainee,
        )
        name = personas.trainee.name
        personas.trainee.delete()
        entry.refresh_from_db()
        assert entry.subject is None and entry.subject_label == name


@pytest.mark.django_db
class TestSettingsAndPrivacyPage:
    def test_hr_sets_retention_and_the_privacy_page_says_it(self, personas, client_for):
        client = client_for(personas.hr)
        response = client.post(
            reverse("organisations:settings"),
            {
                "name": personas.organisation.name,
                "kind": "municipality",
                "retention_years": 5,
                "privacy_contact": "privacy@testdal.example",
            },
        )
        assert response.status_code == 302
        assert AuditEntry.objects.filter(action="organisation.settings_changed").exists()
        html = client_for(personas.trainee).get(reverse("organisations:privacy")).content.decode()
        assert "5 jaar" in html and "privacy@testdal.example" in html

    def test_retention_out_of_range_is_refused_at_the_field(self, personas, client_for):
        response = client_for(personas.hr).post(
            reverse("organisations:settings"),
            {
                "name": "X",
                "kind": "municipality",
                "retention_years": 0,
            },
        )
        assert response.status_code == 200
        assert response.context["form"].errors["retention_years"]
