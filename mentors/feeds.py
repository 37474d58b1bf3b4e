"""Private calendar feeds: a secret address per person, of the meetings they take part in.

Only a SHA-256 hash of the token is stored (the token is long and random, so a
plain hash suffices); the address is shown once when made, and making a new one
invalidates the old.
"""

import hashlib
import secrets

from django.db.models import Q

from mentors.models import CalendarFeed, Meeting
from organisations.models import User


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def reset(user: User) -> str:
    """A new token for ``user``'s feed; the previous address stops working."""
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.update_or_create(user=user, defaults={"token_hash": _hash(token)})
    return token


def remove(user: User) -> None:
    CalendarFeed.objects.filter(user=user).delete()


def owner_of(token: str) -> User | None:
    feed = CalendarFeed.objects.filter(token_hash=_hash(token)).select_related("user").first()
    if feed is None or not feed.user.is_active:
        return None
    return feed.user


def meetings_of(user: User):
    """The person's own meetings: as participant, as trainee, or as the mentor who recorded it, and
    only while the person still relates to the traineeship (the same scope as every page)."""
    return (
        Meeting.objects.visible_to(user)
        .filter(Q(participants=user) | Q(traineeship__trainee=user) | Q(recorded_by=user))
        .distinct()
        .select_related("traineeship__trainee", "traineeship__programme")
        .order_by("date", "start_time")
    )
