"""A person's notifications in the application: derived from the notices, read state stored.

Two sources: the notices that wait on the person themselves, and the escalations
addressed to them (as mentor, manager or HR) whose task is still open. An item
disappears as soon as its task is done, because the notices are computed live.
Who may see what is decided here only (``escalations_for``): each person sees what
is addressed to them.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from mentors import notification_cache
from mentors.models import Escalation, NotificationRead, Reminder
from mentors.notices import notices
from organisations.models import User


@dataclass
class Item:
    key: str
    title: str
    text: str
    url: str
    since: date
    read: bool
    escalation: Escalation | None = None


def escalations_for(user: User, today: date) -> list[Escalation]:
    """Escalations to ``user`` as mentor, manager or HR whose task still waits (checked live)."""
    rows = list(
        Escalation.objects.filter(recipient=user, resolved_on=None, step__gte=Escalation.Step.SUPERVISOR)
        .select_related("traineeship__trainee")
        .order_by("waiting_since", "pk")
    )
    if not rows:
        return []
    still_open = {n.key for n in notices(today=today, traineeships={row.traineeship_id for row in rows})}
    return [row for row in rows if row.notice_key in still_open]


def items_for(user: User, today: date) -> list[Item]:
    read = set(NotificationRead.objects.filter(user=user).values_list("key", flat=True))
    items = [
        Item(n.key, str(Reminder.Kind(n.kind).label), n.text(), n.url, n.since, n.key in read)
        for n in notices(today=today, recipient=user)
    ]
    for row in escalations_for(user, today):
        key = f"escalation:{row.pk}"
        title = _("Waits on %(trainee)s's traineeship: %(kind)s") % {
            "trainee": row.traineeship.trainee,
            "kind": row.get_kind_display(),
        }
        items.append(Item(key, title, row.text, row.url, row.waiting_since, key in read, row))
    items.sort(key=lambda item: (item.read, item.since))
    return items


def unread_count(user: User, today: date) -> int:
    """Shown in the navigation on every page: cached until something it depends on changes."""
    return notification_cache.cached("unread", user.pk, today, lambda: sum(not i.read for i in items_for(user, today)))


@dataclass(frozen=True)
class Shown:
    text: str
    url: str


def notices_shown(user: User, today: date, limit: int) -> list[Shown]:
    """The first ``limit`` notices of ``user`` as their home page shows them, in the active language."""

    def compute():
        return [Shown(n.text(), n.url) for n in notices(today=today, recipient=user)[:limit]]

    return notification_cache.cached(f"notices-{get_language()}-{limit}", user.pk, today, compute)


def mark_read(user: User, keys: list[str]) -> None:
    NotificationRead.objects.bulk_create(
        [NotificationRead(user=user, key=key[:120]) for key in keys], ignore_conflicts=True
    )


def mark_unread(user: User, keys: list[str]) -> None:
    NotificationRead.objects.filter(user=user, key__in=keys).delete()
