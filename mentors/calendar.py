"""A meeting as an iCalendar file (RFC 5545): progress meetings as appointments of the shared
``organisations.ical`` helper, the one place that encodes iCalendar (escaping, folding, UTC)."""

from datetime import timedelta

from organisations.ical import Appointment, calendar_ics

PRODUCT = "Progress meetings"


def _appointment(meeting, *, summary: str, description: str, url: str) -> Appointment:
    return Appointment(
        uid=f"meeting-{meeting.pk}",
        starts_at=meeting.starts_at,
        ends_at=meeting.starts_at + timedelta(minutes=meeting.duration_minutes),
        summary=summary,
        description=description,
        url=url,
        location=meeting.location,
    )


def meeting_ics(meeting, *, summary: str, description: str, url: str) -> bytes:
    return calendar_ics([_appointment(meeting, summary=summary, description=description, url=url)], product=PRODUCT)


def feed_ics(entries, *, name: str) -> bytes:
    """A subscription feed: ``entries`` are (meeting, summary, description, url)."""
    appointments = [
        _appointment(meeting, summary=summary, description=description, url=url)
        for meeting, summary, description, url in entries
    ]
    return calendar_ics(appointments, product=PRODUCT, name=name)
