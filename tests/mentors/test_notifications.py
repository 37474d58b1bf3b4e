"""Notifications in the application, reminder preferences and the private calendar feed, through the views."""

import re
from datetime import timedelta

import icalendar
from django.urls import reverse
from django.utils import timezone

from mentors.models import Agreement, AgreementStatus, CalendarFeed, Escalation, ReminderPreference
from tests.mentors.factories import AgreementFactory, MeetingFactory, mentored_traineeship, record


def _agreement(personas, description="Logboek bijwerken"):
    traineeship = mentored_traineeship(
        personas.organisation, trainee=personas.trainee, mentor=personas.mentor, manager=personas.manager
    )
    held = record(MeetingFactory(traineeship=traineeship), personas.mentor)
    held.trainee_confirmed_at = held.mentor_confirmed_at = timezone.now()
    held.save()
    return AgreementFactory(
        meeting=held, owner=personas.trainee, due_date=timezone.localdate() - timedelta(days=1), description=description
    )


def test_notifications_are_read_and_unread_and_disappear_when_done(personas, client_for):
    agreement = _agreement(personas)
    client = client_for(personas.trainee, language="en")
    home = client.get(reverse("home")).content.decode()
    assert "(1 unread)" in home  # the count in the navigation, for screen readers too
    page = client.get(reverse("mentors:notifications")).content.decode()
    assert "Logboek bijwerken" in page and "New" in page
    key = re.search(r'name="key" value="([^"]+)"', page).group(1)

    client.post(reverse("mentors:notification_read"), {"key": key})
    page = client.get(reverse("mentors:notifications")).content.decode()
    assert "Logboek bijwerken" in page and "Mark as unread" in page
    assert "unread)" not in page

    client.post(reverse("mentors:notification_read"), {"key": key, "unread": "1"})
    assert "(1 unread)" in client.get(reverse("mentors:notifications")).content.decode()

    Agreement.objects.filter(pk=agreement.pk).update(status=AgreementStatus.DONE)
    page = client.get(reverse("mentors:notifications")).content.decode()
    assert "Logboek bijwerken" not in page
    assert "unread)" not in page


def test_escalations_show_as_signals_for_the_mentor_and_hr_until_done(personas, client_for):
    from django.core.management import call_command

    agreement = _agreement(personas)
    agreement.due_date = timezone.localdate() - timedelta(days=20)
    agreement.save()
    call_command("send_reminders", stdout=__import__("io").StringIO())
    assert Escalation.objects.filter(recipient=personas.hr, step=3).exists()
    hr_home = client_for(personas.hr, language="en").get(reverse("home")).content.decode()
    assert "Signals" in hr_home and "Logboek bijwerken" in hr_home
    assert "Logboek bijwerken" in client_for(personas.hr).get(reverse("mentors:notifications")).content.decode()
    assert "Logboek bijwerken" in client_for(personas.mentor).get(reverse("home")).content.decode()
    # Someone else in HR of another organisation sees nothing of it.
    assert "Logboek bijwerken" not in client_for(personas.other_hr).get(reverse("home")).content.decode()

    Agreement.objects.filter(pk=agreement.pk).update(status=AgreementStatus.DONE)
    assert "Logboek bijwerken" not in client_for(personas.hr).get(reverse("home")).content.decode()


def test_preferences_choose_the_digest_but_escalations_stay(personas, client_for):
    client = client_for(personas.manager, language="en")
    page = client.get(reverse("organisations:profile")).content.decode()
    assert reverse("mentors:notification_preferences") in page
    page = client.get(reverse("mentors:notification_preferences")).content.decode()
    assert "always come by e-mail" in page
    response = client.post(reverse("mentors:notification_preferences"), {"frequency": "weekly"})
    assert response.status_code == 302
    preference = ReminderPreference.objects.get(user=personas.manager)
    assert preference.frequency == "weekly" and preference.email_enabled is False
    response = client.post(reverse("mentors:notification_preferences"), {"frequency": "hourly"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_calendar_feed_token_reset_and_wrong_token(personas, client_for):
    traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)
    meeting = MeetingFactory(
        traineeship=traineeship, date=timezone.localdate() + timedelta(days=5), location="Zaal 1, vleugel B;\nX-EVIL:1"
    )
    meeting.participants.set([personas.trainee, personas.mentor])
    other = MeetingFactory(date=timezone.localdate() + timedelta(days=5))

    client = client_for(personas.trainee, language="en")
    client.post(reverse("mentors:calendar_feed_reset"))
    page = client.get(reverse("mentors:notification_preferences")).content.decode()
    url = re.search(r'id="feed-url" type="text" readonly value="([^"]+)"', page).group(1)
    token = url.rsplit("/", 1)[-1].removesuffix(".ics")
    assert token not in CalendarFeed.objects.get(user=personas.trainee).token_hash  # only a hash is kept
    # The address is shown once.
    assert url not in client.get(reverse("mentors:notification_preferences")).content.decode()

    anonymous = client_for(None)
    feed = anonymous.get(reverse("mentors:calendar_feed", kwargs={"token": token}))
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(feed.content)
    events = calendar.walk("VEVENT")
    assert [str(e["uid"]).split("@")[0] for e in events] == [f"meeting-{meeting.pk}"]
    assert f"meeting-{other.pk}" not in feed.content.decode()
    assert "\r\nX-EVIL" not in feed.content.decode()  # a typed value cannot add a property
    assert str(events[0]["location"]).startswith("Zaal 1, vleugel B;")

    assert anonymous.get(reverse("mentors:calendar_feed", kwargs={"token": token + "x"})).status_code == 404
    client.post(reverse("mentors:calendar_feed_reset"))
    assert anonymous.get(reverse("mentors:calendar_feed", kwargs={"token": token})).status_code == 404
    client.post(reverse("mentors:calendar_feed_reset"), {"remove": "1"})
    assert not CalendarFeed.objects.filter(user=personas.trainee).exists()
