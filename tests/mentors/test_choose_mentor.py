from django.contrib.messages import get_messages
from django.urls import reverse

from mentors.models import MentorProfile
from organisations.models import Role
from tests.mentors.factories import MentorProfileFactory, mentored_traineeship
from tests.organisations.factories import member


def test_choosing_a_full_untrained_mentor_warns_but_saves(personas, client_for):
    first = mentored_traineeship(personas.organisation, mentor=personas.mentor)
    MentorProfileFactory(
        organisation=personas.organisation,
        user=personas.mentor,
        capacity=1,
        coaching_training=MentorProfile.Training.NONE,
        coaching_training_date=None,
    )
    second = mentored_traineeship(personas.organisation, mentor=None)
    placement = second.placements.get()
    url = reverse("mentors:traineeship_mentors", kwargs={"pk": second.pk})
    hr = client_for(personas.hr, language="en")
    page = hr.get(url).content.decode()
    assert personas.mentor.name in page and "Full" in page
    response = hr.post(url, {"placement": placement.pk, f"placement-{placement.pk}-mentor": personas.mentor.pk})
    assert response.status_code == 302
    placement.refresh_from_db()
    assert placement.mentor == personas.mentor
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("capacity of 1" in t for t in texts)
    assert any("coaching training" in t for t in texts)
    assert first.placements.get().mentor == personas.mentor


def test_only_mentors_of_the_placement_organisation_can_be_chosen(personas, client_for):
    traineeship = mentored_traineeship(personas.organisation, mentor=None)
    placement = traineeship.placements.get()
    url = reverse("mentors:traineeship_mentors", kwargs={"pk": traineeship.pk})
    response = client_for(personas.hr).post(
        url, {"placement": placement.pk, f"placement-{placement.pk}-mentor": personas.other_mentor.pk}
    )
    assert response.status_code == 200
    placement.refresh_from_db()
    assert placement.mentor is None


def test_mentor_and_trainee_cannot_choose(personas, client_for):
    traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)
    url = reverse("mentors:traineeship_mentors", kwargs={"pk": traineeship.pk})
    assert client_for(personas.mentor).get(url).status_code == 403
    assert client_for(personas.trainee).get(url).status_code == 403


def test_hr_edits_a_mentor_profile_and_mentor_edits_their_own(personas, client_for):
    data = {
        "experience_years": "5",
        "experience": "Ambulant hulpverlener",
        "coaching_training": "done",
        "coaching_training_date": "",
        "capacity": "3",
        "hours_per_week": "2.5",
    }
    url = reverse("mentors:profile_edit", kwargs={"user_pk": personas.mentor.pk})
    response = client_for(personas.hr).post(url, data)
    assert response.status_code == 200 and "coaching_training_date" in response.context["form"].errors
    data["coaching_training_date"] = "2024-05-01"
    assert client_for(personas.hr).post(url, data).status_code == 302
    assert MentorProfile.objects.get(user=personas.mentor).capacity == 3
    data["capacity"] = "4"
    assert client_for(personas.mentor).post(reverse("mentors:my_profile"), data).status_code == 302
    assert MentorProfile.objects.get(user=personas.mentor).capacity == 4
    # Someone who is not a mentor in HR's organisation: 404.
    stranger = member(personas.other_organisation, Role.MENTOR)
    assert (
        client_for(personas.hr).get(reverse("mentors:profile_edit", kwargs={"user_pk": stranger.pk})).status_code == 404
    )
