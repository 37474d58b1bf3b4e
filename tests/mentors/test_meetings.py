from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from goals.models import GoalProgress
from mentors.models import Agreement, Meeting
from organisations.models import AuditEntry
from tests.mentors.factories import LearningGoalFactory, MeetingFactory, mentored_traineeship, record


@pytest.fixture
def traineeship(personas):
    return mentored_traineeship(
        personas.organisation, trainee=personas.trainee, mentor=personas.mentor, manager=personas.manager
    )


def record_data(meeting, **extra):
    data = {
        "version": meeting.version,
        "notes": "We bespraken de eerste casussen.",
        "workload": "3",
        "wellbeing": "4",
        "private_note": "Let op: twijfelt over het team.",
        "next_meeting_date": "",
        "agreements-TOTAL_FORMS": "2",
        "agreements-INITIAL_FORMS": "0",
        "agreements-MIN_NUM_FORMS": "0",
        "agreements-MAX_NUM_FORMS": "1000",
    }
    data.update(extra)
    return data


def test_mentor_records_trainee_confirms_and_record_locks(traineeship, personas, client_for):
    goal = LearningGoalFactory(traineeship=traineeship)
    meeting = MeetingFactory(traineeship=traineeship, kind="kick_off")
    mentor = client_for(personas.mentor)
    due = timezone.localdate() + timedelta(days=10)
    next_date = timezone.localdate() + timedelta(days=28)
    response = mentor.post(
        reverse("mentors:meeting_record", kwargs={"pk": meeting.pk}),
        record_data(
            meeting,
            **{
                f"goal_{goal.pk}": "40",
                f"goal_{goal.pk}_note": "Eerste gesprekken zelfstandig gevoerd.",
                "next_meeting_date": next_date.isoformat(),
                "agreements-0-description": "Verslag schrijven over de casus",
                "agreements-0-owner": str(personas.trainee.pk),
                "agreements-0-due_date": due.isoformat(),
                "agreements-0-status": "open",
            },
        ),
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.is_recorded and meeting.recorded_by == personas.mentor
    assert Agreement.objects.get(meeting=meeting).owner == personas.trainee
    progress = GoalProgress.objects.get(goal=goal)
    assert progress.source == "meeting" and progress.progress == 40
    assert progress.meeting_link.meeting == meeting
    assert Meeting.objects.filter(traineeship=traineeship, date=next_date, recorded_at__isnull=True).exists()

    trainee = client_for(personas.trainee)
    page = trainee.get(meeting.get_absolute_url()).content.decode()
    assert "We bespraken de eerste casussen." in page
    assert "twijfelt over het team" not in page
    read = {"digest": meeting.record_digest()}
    # The mentor's record is the mentor's confirmation: the trainee's confirmation locks it.
    assert meeting.mentor_confirmed_by == personas.mentor
    assert trainee.post(reverse("mentors:meeting_confirm", kwargs={"pk": meeting.pk}), read).status_code == 302
    meeting.refresh_from_db()
    assert meeting.is_locked
    assert AuditEntry.objects.filter(action="meeting.confirmed", object_id=str(meeting.pk)).count() == 2

    # Locked: a further edit is refused with a message, nothing changes.
    response = mentor.post(
        reverse("mentors:meeting_record", kwargs={"pk": meeting.pk}), record_data(meeting, notes="Anders"), follow=True
    )
    assert "cannot change" in response.content.decode() or "kan niet meer" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.notes == "We bespraken de eerste casussen."

    # A correction is a visible addendum.
    trainee.post(reverse("mentors:meeting_addendum", kwargs={"pk": meeting.pk}), {"text": "Datum verslag is 1 mei."})
    assert "Datum verslag is 1 mei." in client_for(personas.manager).get(meeting.get_absolute_url()).content.decode()


@pytest.mark.parametrize("role", ["trainee", "manager", "hr", "coordinator"])
def test_private_note_is_for_the_mentor_only(traineeship, personas, client_for, role):
    meeting = record(MeetingFactory(traineeship=traineeship), personas.mentor, private_note="GEHEIM-NOTITIE")
    assert "GEHEIM-NOTITIE" in client_for(personas.mentor).get(meeting.get_absolute_url()).content.decode()
    response = client_for(personas.users[role]).get(meeting.get_absolute_url())
    assert response.status_code == 200
    assert "GEHEIM-NOTITIE" not in response.content.decode()
    ics = client_for(personas.users[role]).get(reverse("mentors:meeting_ics", kwargs={"pk": meeting.pk}))
    assert "GEHEIM-NOTITIE" not in ics.content.decode()


def test_private_note_not_in_export_selector(traineeship, personas):
    from mentors.selectors import meeting_records_for_export

    record(MeetingFactory(traineeship=traineeship), personas.mentor, private_note="GEHEIM")
    rows = meeting_records_for_export(traineeship)
    assert rows and all("private_note" not in row for row in rows)


@pytest.mark.parametrize("name", ["meeting_detail", "meeting_ics", "meeting_agenda", "meeting_record"])
def test_outsiders_get_404(traineeship, personas, client_for, name):
    meeting = MeetingFactory(traineeship=traineeship)
    for user in [personas.other_hr, personas.other_mentor, personas.other_trainee, personas.other_manager]:
        assert client_for(user).get(reverse(f"mentors:{name}", kwargs={"pk": meeting.pk})).status_code == 404


def test_a_stale_save_is_refused_and_nothing_is_overwritten(traineeship, personas, client_for):
    meeting = MeetingFactory(traineeship=traineeship)
    url = reverse("mentors:meeting_record", kwargs={"pk": meeting.pk})
    stale_version = meeting.version
    mentor = client_for(personas.mentor)
    assert mentor.post(url, record_data(meeting, notes="Eerste versie")).status_code == 302
    response = mentor.post(url, record_data(meeting, version=stale_version, notes="Oude versie"))
    assert response.status_code == 200
    assert response.context["form"].errors
    meeting.refresh_from_db()
    assert meeting.notes == "Eerste versie"


def test_trainee_adds_agenda_topics(traineeship, personas, client_for):
    meeting = MeetingFactory(traineeship=traineeship, date=timezone.localdate() + timedelta(days=3))
    response = client_for(personas.trainee).post(
        reverse("mentors:meeting_agenda", kwargs={"pk": meeting.pk}),
        {"version": meeting.version, "trainee_topics": "Werkdruk", "trainee_reflection": "Drukke weken."},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.trainee_topics == "Werkdruk" and meeting.version == 2


def test_plan_a_meeting(traineeship, personas, client_for):
    day = timezone.localdate() + timedelta(days=5)
    response = client_for(personas.mentor).post(
        reverse("mentors:meeting_plan", kwargs={"pk": traineeship.pk}),
        {
            "kind": "kick_off",
            "date": day.isoformat(),
            "start_time": "14:30",
            "duration_minutes": "60",
            "location": "Kantoor, kamer 2",
            "participants": [personas.mentor.pk, personas.trainee.pk],
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get(traineeship=traineeship)
    assert set(meeting.participants.all()) == {personas.mentor, personas.trainee}


def test_ics_download(traineeship, personas, client_for):
    meeting = MeetingFactory(traineeship=traineeship, location="Zaal 1, tweede verdieping; achter")
    response = client_for(personas.trainee).get(reverse("mentors:meeting_ics", kwargs={"pk": meeting.pk}))
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert f"UID:meeting-{meeting.pk}@" in text
    assert "LOCATION:Zaal 1\\, tweede verdieping\\; achter" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert "DTSTART:" in text and "DTEND:" in text


def test_stale_agenda_save_is_refused_with_a_message_on_the_page(personas, client_for):
    traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)
    meeting = MeetingFactory(traineeship=traineeship, date=timezone.localdate() + timedelta(days=3))
    url = reverse("mentors:meeting_agenda", kwargs={"pk": meeting.pk})
    trainee = client_for(personas.trainee, "en")
    assert trainee.post(url, {"trainee_topics": "Werkdruk", "version": meeting.version}).status_code == 302
    stale = trainee.post(url, {"trainee_topics": "Iets anders", "version": meeting.version})
    assert stale.status_code == 200
    assert "Someone else saved this meeting after you opened it" in stale.content.decode()
    meeting.refresh_from_db()
    assert meeting.trainee_topics == "Werkdruk"


def _confirm(client, meeting, digest):
    return client.post(reverse("mentors:meeting_confirm", kwargs={"pk": meeting.pk}), {"digest": digest}, follow=True)


def test_confirm_form_carries_the_record_read(traineeship, personas, client_for):
    meeting = record(MeetingFactory(traineeship=traineeship), personas.mentor, notes="Eerste casus besproken.")
    html = client_for(personas.trainee).get(meeting.get_absolute_url()).content.decode()
    assert "Eerste casus besproken." in html
    assert f'name="digest" value="{meeting.record_digest()}"' in html


def test_confirming_a_record_that_changed_since_it_was_read_confirms_nothing(traineeship, personas, client_for):
    confirmer = "trainee"  # the mentor's own record is the mentor's confirmation
    meeting = MeetingFactory(traineeship=traineeship)
    mentor = client_for(personas.mentor)
    mentor.post(reverse("mentors:meeting_record", kwargs={"pk": meeting.pk}), record_data(meeting))
    meeting.refresh_from_db()
    client = client_for(personas.users[confirmer])
    read = client.get(meeting.get_absolute_url()).context["record_digest"]
    # The mentor changes the record after it was opened.
    mentor.post(
        reverse("mentors:meeting_record", kwargs={"pk": meeting.pk}),
        record_data(meeting, notes="Aangevuld: ook de tweede casus."),
    )
    response = _confirm(client, meeting, read)
    meeting.refresh_from_db()
    assert meeting.trainee_confirmed_at is None
    html = response.content.decode()
    assert "niets bevestigd" in html and "Aangevuld: ook de tweede casus." in html
    assert not AuditEntry.objects.filter(action="meeting.confirmed", actor=personas.trainee).exists()
    # Confirming the record now shown works.
    _confirm(client, meeting, response.context["record_digest"])
    meeting.refresh_from_db()
    assert meeting.trainee_confirmed_at is not None and meeting.is_locked


def test_a_changed_agreement_also_counts_as_a_changed_record(traineeship, personas, client_for):
    meeting = record(MeetingFactory(traineeship=traineeship), personas.mentor, notes="Afspraken gemaakt.")
    read = meeting.record_digest()
    Agreement.objects.create(meeting=meeting, traineeship=traineeship, description="Nieuw", owner=personas.trainee)
    _confirm(client_for(personas.trainee), meeting, read)
    meeting.refresh_from_db()
    assert meeting.trainee_confirmed_at is None
