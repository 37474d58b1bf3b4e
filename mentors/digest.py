"""One reminder e-mail a day (or a week, by choice) per person, grouping everything that waits on them.

``Digest`` is unique per (recipient, day): a second run of the daily command sends
nothing. A person on the weekly digest still gets urgent items (a meeting tomorrow)
at once, in a short mail of their own, at most once a day.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import translation

from mentors.models import Digest, Reminder, ReminderPreference
from mentors.notices import Notice
from organisations import mail
from organisations.models import User

WEEK = 7


def preference_for(user: User) -> ReminderPreference:
    return ReminderPreference.objects.filter(user=user).first() or ReminderPreference(user=user)


def run(found: list[Notice], *, today: date) -> int:
    by_person: dict[int, list[Notice]] = {}
    people: dict[int, User] = {}
    for notice in found:
        by_person.setdefault(notice.recipient.pk, []).append(notice)
        people[notice.recipient.pk] = notice.recipient
    prefs = {p.user_id: p for p in ReminderPreference.objects.filter(user__in=people)}
    done_today = set(Digest.objects.filter(sent_on=today, recipient__in=people).values_list("recipient", flat=True))
    last_full = dict(
        Digest.objects.filter(urgent_only=False, recipient__in=people, sent_on__gt=today - timedelta(days=WEEK))
        .values("recipient")
        .annotate(last=Max("sent_on"))
        .values_list("recipient", "last")
    )
    sent = 0
    for pk, items in by_person.items():
        pref = prefs.get(pk) or ReminderPreference(user=people[pk])
        if pk in done_today or not pref.email_enabled:
            continue
        urgent_only = pref.frequency == ReminderPreference.Frequency.WEEKLY and pk in last_full
        if urgent_only:
            items = [n for n in items if n.urgent]
            if not items:
                continue
        sent += _send(people[pk], items, today, urgent_only=urgent_only)
    return sent


def _send(person: User, items: list[Notice], today: date, *, urgent_only: bool) -> int:
    site = settings.SITE_URL.rstrip("/")
    with translation.override(person.language):
        lines = [{"text": n.text(), "url": site + n.url, "urgent": n.urgent} for n in items]
        lines.sort(key=lambda line: not line["urgent"])
        context = {"recipient": person, "items": lines, "count": len(lines), "urgent_only": urgent_only}
        subject = render_to_string("mentors/email/digest_subject.txt", context).strip()
        body = render_to_string("mentors/email/digest_body.txt", context)
    try:
        with transaction.atomic():
            Digest.objects.create(recipient=person, sent_on=today, items=len(items), urgent_only=urgent_only)
            Reminder.objects.bulk_create(
                [Reminder(kind=n.kind, recipient=person, object_key=n.object_key, sent_on=today) for n in items],
                ignore_conflicts=True,
            )
            mail.queue(to=person.email, subject=subject, body=body, organisation=_organisation(items))
    except IntegrityError:  # a run in parallel sent today's digest already
        return 0
    return 1


def _organisation(items: list[Notice]):
    """The organisation whose HR sees the mail if it cannot be delivered."""
    return items[0].traineeship.programme.owner
