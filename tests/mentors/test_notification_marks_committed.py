"""Marks in committed transactions, as on a server: a count read before a transaction began does not
make the transaction's first write mark at once; the mark comes with the commit, once."""

import pytest
from django.db import transaction
from django.utils import timezone

from mentors import notification_cache
from mentors.notifications import unread_count
from tests.mentors.factories import MeetingFactory, mentored_traineeship

pytestmark = pytest.mark.django_db(transaction=True)


def _write_in_a_transaction(traineeship) -> tuple[int, int, int]:
    """The newest mark before a transaction that writes, inside it after the write, after its commit."""
    before = notification_cache.latest_mark()
    with transaction.atomic():
        MeetingFactory(traineeship=traineeship)
        inside = notification_cache.latest_mark()
    return before, inside, notification_cache.latest_mark()


def test_a_count_read_outside_a_transaction_leaves_the_next_transaction_to_mark_at_its_commit(personas):
    traineeship = mentored_traineeship(personas.organisation, mentor=personas.mentor)
    unread_count(personas.mentor, timezone.localdate())  # every page view reads one, in autocommit
    before, inside, committed = _write_in_a_transaction(traineeship)
    assert inside == before < committed  # no mark before the commit: one, with it


def test_a_count_read_in_an_earlier_transaction_does_not_mark_the_next_at_once(personas):
    traineeship = mentored_traineeship(personas.organisation, mentor=personas.mentor)
    with transaction.atomic():
        unread_count(personas.mentor, timezone.localdate())
    before, inside, committed = _write_in_a_transaction(traineeship)
    assert inside == before < committed


def test_a_count_read_inside_the_transaction_still_marks_at_once(personas):
    traineeship = mentored_traineeship(personas.organisation, mentor=personas.mentor)
    with transaction.atomic():
        unread_count(personas.mentor, timezone.localdate())
        before = notification_cache.latest_mark()
        MeetingFactory(traineeship=traineeship)
        assert notification_cache.latest_mark() > before
