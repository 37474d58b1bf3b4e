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
