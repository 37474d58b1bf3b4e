from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from mentors.models import Agreement
from tests.mentors.factories import AgreementFactory, MeetingFactory, mentored_traineeship, record


def test_agreements_are_a_todo_list_per_owner(personas, client_for):
    traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)
    meeting = record(MeetingFactory(traineeship=traineeship), personas.mentor)
    mine = AgreementFactory(meeting=meeting, description="Casus uitwerken")
    theirs = AgreementFactory(meeting=meeting, owner=personas.mentor, description="Training regelen")
    page = client_for(personas.trainee).get(reverse("mentors:agreements")).content.decode()
    assert "Casus uitwerken" in page and "Training regelen" not in page
    response = client_for(personas.trainee).post(
        reverse("mentors:agreement_status", kwargs={"pk": mine.pk}), {"status": "done"}
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.status == "done"
    assert "Casus uitwerken" not in client_for(personas.trainee).get(reverse("mentors:agreements")).content.decode()
    done = client_for(personas.trainee).get(reverse("mentors:agreements") + "?status=done").content.decode()
    assert "Casus uitwerken" in done
    assert theirs.status == "open"


def test_overdue_agreement_on_owner_and_mentor_home(personas, client_for):
    traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)
    meeting = record(MeetingFactory(traineeship=traineeship), personas.mentor)
    AgreementFactory(meeting=meeting, description="Reflectieverslag", due_date=timezone.localdate() - timedelta(3))
    for user in (personas.trainee, personas.mentor):
        page = client_for(user).get(reverse("home")).content.decode()
        assert "Reflectieverslag" in page
    assert Agreement.objects.overdue().count() == 1
