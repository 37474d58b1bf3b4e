"""A meeting as an iCalendar file (RFC 5545), written by the ``icalendar`` package.

The package escapes text values (commas, semicolons, backslashes, line breaks) and
folds long lines, so names and places typed by people cannot add properties or
events of their own.
"""

from datetime import UTC, timedelta

import icalendar
from django.conf import settings
from django.utils import timezone

from organisations.encoding import one_line


def _event(meeting, *, summary: str, description: str, url: str) -> icalendar.Event:
    host = settings.SITE_URL.split("//")[-1].split("/")[0].split(":")[0] or "traineeship"
    # In UTC, so the file needs no VTIMEZONE component of its own.
    start = meeting.starts_at.astimezone(UTC)
    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.pk}@{host}")
    event.add("dtstamp", timezone.now().astimezone(UTC))
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=meeting.duration_minutes))
    # A summary or location is one line; the description may keep its line breaks.
    event.add("summary", one_line(summary))
    event.add("description", description)
    event.add("url", url)
    if meeting.location:
        event.add("location", one_line(meeting.location))
    return event


def _calendar(name: str | None = None) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Traineeship//Progress meetings//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", one_line(name))
    return cal


def meeting_ics(meeting, *, summary: str, description: str, url: str) -> bytes:
    cal = _calendar()
    cal.add_component(_event(meeting, summary=summary, description=description, url=url))
    return cal.to_ical()


def feed_ics(entries, *, name: str) -> bytes:
    """A subscription feed: ``entries`` are (meeting, summary, description, url)."""
    cal = _calendar(name)
    for meeting, summary, description, url in entries:
        cal.add_component(_event(meeting, summary=summary, description=description, url=url))
    return cal.to_ical()
