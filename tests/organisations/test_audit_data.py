"""Audit entries are data: rendered in the reader's language, scrubbed when a person is erased."""

import importlib

import pytest
from django.urls import reverse
from django.utils import translation

from goals.audit import GoalAction
from goals.models import LearningGoal
from mentors.audit import MentorAction
from organisations import audit
from organisations.models import AuditEntry, Membership
from privacy.audit import PrivacyAction
from tests.mentors.factories import LearningGoalFactory, MentorsTraineeshipFactory
from tests.programmes.factories import PlacementFactory

pytestmark = pytest.mark.django_db


def _mentored_goal(personas):
    traineeship = MentorsTraineeshipFactory(programme__owner=personas.organisation, trainee=personas.trainee)
    PlacementFactory(traineeship=traineeship, mentor=personas.mentor)
    return LearningGoalFactory(
        traineeship=traineeship, status=LearningGoal.Status.PROPOSED, approved_at=None, title="Netwerk versterken"
    )


def test_entry_written_in_english_reads_in_dutch(personas, client_for):
    goal = _mentored_goal(personas)
    url = reverse("portfolios:goal_approve", kwargs={"pk": goal.pk})
    response = client_for(personas.mentor, language="en").post(url, {"scope": "everyone", "version": goal.version})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="goal.approved")
    assert entry.params == {"goal": "Netwerk versterken", "scope": "everyone"}
    dutch = client_for(personas.hr, language="nl").get(reverse("organisations:audit_trail")).content.decode()
    assert "Netwerk versterken (Iets wat iedere werknemer moet leren)" in dutch
    assert "Leerdoel goedgekeurd" in dutch
    english = client_for(personas.hr, language="en").get(reverse("organisations:audit_trail")).content.decode()
    assert "Netwerk versterken (Something every employee must learn)" in english


def test_system_and_dates_follow_the_reader(personas):
    entry = audit.record(
        organisation=personas.organisation,
        actor=None,
        action=PrivacyAction.RETENTION_APPLIED,
        params={"ended": "2020-03-31"},
    )
    with translation.override("nl"):
        assert entry.actor_display == "systeem"
        assert "31-3-2020" in entry.summary
    with translation.override("en"):
        assert entry.actor_display == "system"
        assert "ended on" in entry.summary


def test_erasure_scrubs_name_address_and_free_text(personas, client_for):
    trainee = personas.trainee
    name, email = trainee.name, trainee.email
    invited = audit.record(
        organisation=personas.organisation,
        actor=personas.hr,
        action=audit.Action.INVITATION_SENT,
        params={"email": email, "role": "trainee"},
    )
    about = audit.record(
        organisation=personas.organisation,
        actor=personas.mentor,
        action=GoalAction.GOAL_APPROVED,
        subject=trainee,
        params={"goal": "Omgaan met mijn angst", "scope": "individual"},
    )
    mentioned = audit.record(
        organisation=personas.other_organisation,
        actor=personas.other_hr,
        action=MentorAction.MENTOR_ASSIGNED,
        params={"mentor": name},
    )
    unrelated = audit.record(
        organisation=personas.organisation,
        actor=personas.hr,
        action=MentorAction.MENTOR_ASSIGNED,
        params={"mentor": personas.mentor.name},
    )
    membership = Membership.objects.get(user=trainee)
    response = client_for(personas.hr).post(reverse("privacy_person_erase", args=[membership.pk]), {"confirm": "yes"})
    assert response.status_code == 302
    for entry in (invited, about, mentioned, unrelated):
        entry.refresh_from_db()
    assert email not in str(invited.params) and invited.params["role"] == "trainee"
    assert about.params == {"goal": audit.ERASED_TEXT, "scope": "individual"}
    assert name not in about.subject_label
    assert name not in str(mentioned.params)
    assert unrelated.params == {"mentor": personas.mentor.name}
    html = client_for(personas.hr).get(reverse("organisations:audit_trail")).content.decode()
    assert name not in html and email not in html and "Omgaan met mijn angst" not in html


def test_old_summaries_become_params():
    migration = importlib.import_module("organisations.migrations.0003_audit_entry_params")
    assert migration.params_of("evaluation.signed", "mentor") == {"signer": "mentor"}
    assert migration.params_of("goal.approved", "Netwerk (individual)") == {"goal": "Netwerk", "scope": "individual"}
    assert migration.params_of(
        "retention.applied", "traineeship ended 2020-03-31 removed after the retention term"
    ) == {"ended": "2020-03-31"}
    assert migration.params_of("export.created", "overview CSV, 3 traineeships") == {
        "variant": "overview",
        "count": "3",
    }
    assert migration.params_of("mentor.assigned", "iets anders") == {"text": "iets anders"}
    with translation.override("nl"):
        assert audit.render_summary("evaluation.signed", {"signer": "mentor"}) == "ondertekend als mentor"
        assert audit.render_summary("goal.approved", {"text": "oude tekst"}) == "oude tekst"


def test_settings_change_names_the_fields_in_the_readers_language(personas, client_for):
    client_for(personas.hr, language="en").post(
        reverse("organisations:settings"),
        {"name": personas.organisation.name, "kind": "municipality", "retention_years": 5},
    )
    entry = AuditEntry.objects.get(action="organisation.settings_changed")
    assert "retention_years" in entry.params["fields"]
    with translation.override("nl"):
        assert "bewaartermijn" in entry.summary and "retention_years" not in entry.summary


def test_old_role_labels_become_codes():
    migration = importlib.import_module("organisations.migrations.0003_audit_entry_params")
    assert migration.params_of("membership.removed", "HR-adviseur") == {"role": "hr"}
    assert migration.params_of("membership.added", "Mentor (invitation accepted)") == {"role": "mentor"}
    assert migration.params_of("organisation.settings_changed", "name, retention_years (retention 5y)") == {
        "fields": ["name", "retention_years"],
        "years": "5",
    }
