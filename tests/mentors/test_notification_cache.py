"""The navigation's notification count is cached until a write it may depend on, whichever way
the write is made: a save, an update, a bulk insert, a delete, by anyone."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mentors import notification_cache
from mentors.models import ChangeMark, Meeting
from mentors.notifications import unread_count
from organisations.models import AuditEntry
from tests.mentors.factories import MeetingFactory, mentored_traineeship, record
from tests.organisations.factories import PASSWORD


def _count_queries(user) -> int:
    with CaptureQueriesContext(connection) as captured:
        unread_count(user, timezone.localdate())
    return len(captured)


def test_the_count_is_computed_once_until_something_changes(personas):
    traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)
    first = _count_queries(personas.trainee)
    assert _count_queries(personas.trainee) == 1 < first  # the newest mark only
    assert unread_count(personas.trainee, timezone.localdate()) == 0

    # Another person's write, made with an update the model's signals never see.
    meeting = MeetingFactory(traineeship=traineeship)
    Meeting.objects.filter(pk=meeting.pk).update(recorded_at=timezone.now(), recorded_by=personas.mentor)
    assert unread_count(personas.trainee, timezone.localdate()) == 1  # the record waits for confirmation

    Meeting.objects.filter(pk=meeting.pk).delete()
    assert unread_count(personas.trainee, timezone.localdate()) == 0


def test_the_count_in_the_navigation_follows_another_persons_record(personas, client_for):
    traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)
    client = client_for(personas.trainee, language="en")
    assert "unread)" not in client.get(reverse("home")).content.decode()
    record(MeetingFactory(traineeship=traineeship), personas.mentor)
    assert "(1 unread)" in client.get(reverse("home")).content.decode()


def test_a_write_marks_after_the_commit_once_per_transaction(personas):
    before = notification_cache.latest_mark()
    traineeship = mentored_traineeship(personas.organisation, mentor=personas.mentor)
    MeetingFactory(traineeship=traineeship)
    # No count was read in this transaction: nothing to mark before the commit, one mark after it.
    assert notification_cache.latest_mark() == before
    after_commit = [func for _sids, func, *_rest in connection.run_on_commit if func is notification_cache._write_mark]
    assert len(after_commit) == 1
    after_commit[0]()
    assert notification_cache.latest_mark() > before


def test_a_count_read_inside_the_transaction_is_marked_stale_at_once(personas):
    traineeship = mentored_traineeship(personas.organisation, mentor=personas.mentor)
    unread_count(personas.mentor, timezone.localdate())
    before = notification_cache.latest_mark()
    MeetingFactory(traineeship=traineeship)
    assert notification_cache.latest_mark() > before


def test_writes_no_notice_depends_on_leave_the_count_cached(personas):
    unread_count(personas.hr, timezone.localdate())
    marks = ChangeMark.objects.count()
    AuditEntry.objects.create(organisation=personas.organisation, actor=personas.hr, action="settings_changed")
    assert ChangeMark.objects.count() == marks


def test_reading_pages_writes_nothing_that_empties_the_cache(personas, client_for):
    mentored_traineeship(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)
    for user, pages in (
        (personas.mentor, ["home", "mentors:mentees", "mentors:meetings", "mentors:notifications"]),
        (personas.trainee, ["home", "mentors:agreements", "mentors:notifications"]),
        (personas.hr, ["home", "traineeship_list"]),
    ):
        client = client_for(user)
        client.get(reverse("home"))
        before = notification_cache.latest_mark()
        for name in pages:
            assert client.get(reverse(name)).status_code == 200
        assert notification_cache.latest_mark() == before, user


def test_a_sign_in_leaves_the_counts_cached_a_change_of_name_does_not(personas, client):
    unread_count(personas.hr, timezone.localdate())
    marks = ChangeMark.objects.count()
    response = client.post(reverse("login"), {"username": personas.mentor.email, "password": PASSWORD})
    assert response.status_code == 302
    personas.mentor.refresh_from_db()
    assert personas.mentor.last_login is not None
    assert ChangeMark.objects.count() == marks  # only last_login was written

    unread_count(personas.hr, timezone.localdate())
    personas.mentor.name = "Nieuwe Naam"
    personas.mentor.save(update_fields=["name", "last_login"])  # a name shows in other people's notices
    assert ChangeMark.objects.count() > marks
