"""Coaching in a person's data copy and erasure: session content only in the trainee's and the
coach's own copy, never in one HR makes; erasure removes the trainee's coaching and ends the coach's."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from coaching.models import Coaching, CoachingSession
from organisations.models import Membership
from tests.coaching.factories import coached
from tests.mentors.factories import mentored_traineeship
from tests.privacy.test_privacy import download_copy


def data_of(response) -> dict:
    return json.loads(zipfile.ZipFile(io.BytesIO(response.content)).read("data.json"))


def find(data, key):
    """The coaching section wherever the copy nests it."""
    if isinstance(data, dict):
        if key in data:
            return data[key]
        for value in data.values():
            if (found := find(value, key)) is not None:
                return found
    if isinstance(data, list):
        for value in data:
            if (found := find(value, key)) is not None:
                return found
    return None


@pytest.fixture
def coaching(personas):
    traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee)
    return coached(traineeship, personas.coach)


@pytest.mark.django_db
class TestDataCopy:
    def test_the_trainees_own_copy_holds_the_sessions_with_notes(self, coaching, personas, client_for):
        data = data_of(download_copy(client_for(personas.trainee), reverse("privacy_my_data_download")))
        mine = find(data, "my_coaching")
        assert mine[0]["coach"] == personas.coach.name and mine[0]["sessions"] == 2
        assert {s["notes"] for s in mine[0]["session_records"]} >= {"Sessie een"}

    def test_the_coachs_own_copy_holds_their_sessions(self, coaching, personas, client_for):
        data = data_of(download_copy(client_for(personas.coach), reverse("privacy_my_data_download")))
        assert find(data, "coaching_as_coach")[0]["trainee"] == personas.trainee.name
        assert "Sessie een" in json.dumps(data)

    def test_a_copy_hr_makes_names_the_coach_never_the_content(self, coaching, personas, client_for):
        membership = Membership.objects.get(user=personas.trainee)
        response = download_copy(client_for(personas.hr), reverse("privacy_person_download", args=[membership.pk]))
        data = data_of(response)
        assert find(data, "my_coaching")[0]["sessions"] == 2
        text = json.dumps(data)
        assert "Sessie een" not in text and "Spreekkamer" not in text


@pytest.mark.django_db
class TestErasure:
    def test_erasing_the_coach_ends_the_coaching_and_keeps_the_trainees_sessions(self, coaching, personas, client_for):
        membership = Membership.objects.get(user=personas.coach)
        url = reverse("privacy_person_erase", args=[membership.pk])
        client = client_for(personas.hr)
        assert "coaching" in " ".join(client.get(url).context["summary"])
        client.post(url, {"confirm": "yes"})
        coaching.refresh_from_db()
        assert coaching.ended_on is not None
        assert CoachingSession.objects.filter(coaching=coaching).count() == 2
        trainee = client_for(personas.trainee)
        session = coaching.sessions.first()
        assert trainee.get(reverse("coaching:session_detail", args=[session.pk])).status_code == 200

    def test_erasing_the_trainee_removes_the_coaching_and_its_sessions(self, coaching, personas):
        from organisations.privacy import Scope
        from privacy.sections import sections

        scope = Scope(person=personas.trainee, reader=personas.hr, organisation=personas.organisation)
        for section in sections():
            if section.__name__ == "coaching.privacy":
                section.erase(scope)
        assert not Coaching.objects.filter(pk=coaching.pk).exists()
        assert not CoachingSession.objects.exists()
