"""Position profiles and group-activity attendance in the audit trail: who created, changed, archived
or reopened a profile and who saved attendance, filterable by act on the audit trail page."""

from django.urls import reverse

from organisations.models import AuditEntry
from programmes.audit import ProgrammeAction
from programmes.models import DevelopmentDay, PositionProfile
from tests.programmes.factories import ProgrammeFactory
from tests.programmes.test_group_activities import cohort_with_trainees
from tests.programmes.test_position_profiles import profile_data


def acts(organisation):
    return list(AuditEntry.objects.filter(organisation=organisation).order_by("pk").values_list("action", "actor"))


def test_a_position_profile_life_is_in_the_audit_trail(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation)
    hr = client_for(personas.hr, "en")
    hr.post(reverse("programmes:position_profile_create", kwargs={"pk": programme.pk}), profile_data())
    profile = PositionProfile.objects.get()
    hr.post(reverse("programmes:position_profile_edit", kwargs={"pk": profile.pk}), profile_data(title="Wijkteam"))
    status = reverse("programmes:position_profile_status", kwargs={"pk": profile.pk})
    hr.post(status, {"status": "archived"})
    hr.post(status, {"status": "archived"})  # already archived: nothing happens, nothing recorded
    hr.post(status, {"status": "open"})
    assert acts(personas.organisation) == [
        (ProgrammeAction.POSITION_PROFILE_CREATED, personas.hr.pk),
        (ProgrammeAction.POSITION_PROFILE_CHANGED, personas.hr.pk),
        (ProgrammeAction.POSITION_PROFILE_ARCHIVED, personas.hr.pk),
        (ProgrammeAction.POSITION_PROFILE_REOPENED, personas.hr.pk),
    ]
    trail = hr.get(reverse("organisations:audit_trail"), {"action": ProgrammeAction.POSITION_PROFILE_ARCHIVED})
    page = trail.content.decode()
    assert trail.status_code == 200
    assert "Position profile archived" in page and "position profile “Wijkteam”" in page
    assert "Position profile created" not in page.split("</select>")[-1]


def test_saving_attendance_is_in_the_audit_trail(personas, client_for):
    cohort, (mine, other) = cohort_with_trainees(personas)
    session = DevelopmentDay.objects.create(cohort=cohort, date=mine.start_date, topic="Trainingsdag", hours=6)
    url = reverse("programmes:group_attendance", kwargs={"pk": session.pk})
    client_for(personas.coordinator).post(url, {f"t{mine.pk}": "present", f"t{other.pk}": "excused"})
    entry = AuditEntry.objects.get(action=ProgrammeAction.ATTENDANCE_SAVED)
    assert (entry.organisation, entry.actor) == (personas.organisation, personas.coordinator)
    trail = client_for(personas.hr).get(
        reverse("organisations:audit_trail"), {"action": ProgrammeAction.ATTENDANCE_SAVED}
    )
    page = trail.content.decode()
    assert "Aanwezigheid van een groepsactiviteit opgeslagen" in page
    assert "Trainingsdag" in page and "2 trainees aangemeld" in page
