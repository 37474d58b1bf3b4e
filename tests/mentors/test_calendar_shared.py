"""Meeting calendar files are written by the shared iCalendar helper, as coaching's are."""

from django.urls import reverse

from mentors import calendar
from tests.mentors.factories import MeetingFactory, mentored_traineeship


def test_mentors_encode_no_icalendar_of_their_own():
    assert not hasattr(calendar, "icalendar"), "mentors.calendar should use organisations.ical"


def test_meeting_file_comes_from_the_shared_helper(personas, client_for):
    traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)
    meeting = MeetingFactory(traineeship=traineeship, location="Zaal 2\nachter")
    text = client_for(personas.trainee).get(reverse("mentors:meeting_ics", kwargs={"pk": meeting.pk})).content.decode()
    assert "PRODID:-//Traineeship//Progress meetings//NL" in text
    assert f"UID:meeting-{meeting.pk}@" in text
    assert "LOCATION:Zaal 2 achter" in text
