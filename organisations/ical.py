"""iCalendar files (RFC 5545) for any app's appointments, written by the ``icalendar`` package.

Every app's calendar files are written here (mentors' progress meetings, coaching sessions),
so iCalendar is encoded in one place and siblings never import each other. The package
escapes text values and folds long lines, so names and places typed by people cannot add
properties or events of their own.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

import icalendar
from django.conf import settings
from django.utils import timezone

from organisations.encoding import one_line


@dataclass(frozen=True)
class Appointment:
    uid: str
    starts_at: datetime
    ends_at: datetime
    summary: str
    description: str
    url: str
    location: str = ""


def _host() -> str:
    return settings.SITE_URL.split("//")[-1].split("/")[0].split(":")[0] or "traineeship"


def _event(appointment: Appointment) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"{appointment.uid}@{_host()}")
    event.add("dtstamp", timezone.now().astimezone(UTC))
    # In UTC, so the file needs no VTIMEZONE component of its own.
    event.add("dtstart", appointment.starts_at.astimezone(UTC))
    event.add("dtend", appointment.ends_at.astimezone(UTC))
    event.add("summary", one_line(appointment.summary))
    event.add("description", appointment.description)
    event.add("url", appointment.url)
    if appointment.location:
        event.add("location", one_line(appointment.location))
    return event


def calendar_ics(appointments, *, product: str, name: str | None = None) -> bytes:
    """One file with every appointment; ``product`` names what kind of appointments these are."""
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//Traineeship//{one_line(product)}//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", one_line(name))
    for appointment in appointments:
        cal.add_component(_event(appointment))
    return cal.to_ical()
