import io
from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from mentors.models import Reminder
from tests.mentors.factories import AgreementFactory, MeetingFactory, mentored_traineeship, record


def test_reminders_are_sent_once_a_day_in_the_recipients_language(personas):
    personas.trainee.language = "en"
    personas.trainee.save()
    personas.mentor.language = "nl"
    personas.mentor.save()
    traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)
    today = timezone.localdate()
    soon = MeetingFactory(traineeship=traineeship, date=today + timedelta(days=1))
    soon.participants.set([personas.trainee, personas.mentor])
    held = record(MeetingFactory(traineeship=traineeship, date=today - timedelta(days=3)), personas.mentor)
    AgreementFactory(meeting=held, owner=personas.trainee, due_date=today, description="Logboek bijwerken")

    call_command("send_reminders", stdout=io.StringIO())
    by_recipient = {}
    for message in mail.outbox:
        by_recipient.setdefault(message.to[0], []).append(message)
    trainee_mail = "\n".join(m.subject + m.body for m in by_recipient[personas.trainee.email])
    mentor_mail = "\n".join(m.subject + m.body for m in by_recipient[personas.mentor.email])
    assert "Logboek bijwerken" in trainee_mail
    assert "Agreement due today" in trainee_mail  # English for the trainee
    assert "waits for your confirmation" in trainee_mail
    assert "Beste" in mentor_mail  # Dutch for the mentor
    assert len(by_recipient[personas.trainee.email]) == 1  # one digest groups it all
    kinds = set(Reminder.objects.values_list("kind", flat=True))
    assert kinds == {"meeting_soon", "agreement_due", "confirm"}

    sent = len(mail.outbox)
    call_command("send_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == sent


def test_overdue_meeting_reminder_goes_to_the_mentor(personas):
    traineeship = mentored_traineeship(
        personas.organisation,
        trainee=personas.trainee,
        mentor=personas.mentor,
        start_date=timezone.localdate() - timedelta(weeks=10),
    )
    record(MeetingFactory(traineeship=traineeship, date=timezone.localdate() - timedelta(weeks=6)), personas.mentor)
    from mentors.notices import notices

    found = [n for n in notices(today=timezone.localdate()) if n.kind == "meeting_overdue"]
    assert [n.recipient for n in found] == [personas.mentor]


def test_one_persons_notices_are_theirs_among_everyones(personas):
    """The navigation counts one recipient's notices, the daily reminders everyone's: the same rule,
    so each person's own list is exactly their part of the whole, every kind of notice included."""
    from mentors.notices import notices

    today = timezone.localdate()
    second_mentor = personas.other_mentor
    for mentor in (personas.mentor, second_mentor):
        organisation = personas.organisation if mentor is personas.mentor else personas.other_organisation
        traineeship = mentored_traineeship(organisation, mentor=mentor, start_date=today - timedelta(weeks=10))
        soon = MeetingFactory(traineeship=traineeship, date=today + timedelta(days=1))
        soon.participants.set([traineeship.trainee, mentor])
        held = record(MeetingFactory(traineeship=traineeship, date=today - timedelta(weeks=6)), mentor)
        AgreementFactory(meeting=held, owner=traineeship.trainee, due_date=today)
        AgreementFactory(meeting=held, owner=mentor, due_date=today - timedelta(days=2))
        overdue = mentored_traineeship(organisation, mentor=mentor, start_date=today - timedelta(weeks=10))
        record(MeetingFactory(traineeship=overdue, date=today - timedelta(weeks=6)), mentor)

    def keys(found):
        return sorted((n.kind, n.recipient.pk, n.object_key, n.url) for n in found)

    everyone = notices(today=today)
    assert {n.kind for n in everyone} == {"meeting_soon", "meeting_overdue", "agreement_due", "confirm"}
    people = {n.recipient for n in everyone}
    assert personas.mentor in people and second_mentor in people
    for person in people:
        assert keys(notices(today=today, recipient=person)) == keys(n for n in everyone if n.recipient == person)
