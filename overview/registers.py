"""Register hours: what a traineeship adds up to for SKJ or Registerplein, per category.

It combines development activities (programmes, with certificates from portfolios) and
progress meetings (mentors), so it lives at the top.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from mentors.models import Meeting
from portfolios.models import Evidence
from programmes.models import CategoryKind, DevelopmentActivity, RegisterCategory, Registration, Unit

ZERO = Decimal(0)


@dataclass
class Entry:
    """One row of the register export: an activity or a confirmed meeting that counts."""

    date: datetime.date | None
    title: str
    category: RegisterCategory
    form: str
    provider: str
    accreditation_number: str
    hours: Decimal | None
    face_to_face_hours: Decimal | None
    points: Decimal | None
    certificates: list[str] = field(default_factory=list)

    @property
    def counted(self) -> Decimal:
        """What the entry adds to its category: face-to-face hours where only those count,
        else hours or points in the category's unit (one point per hour when no points are given)."""
        category = self.category
        if category.face_to_face_only:
            return self.face_to_face_hours or ZERO
        if category.unit == Unit.HOURS:
            return self.face_to_face_hours or self.hours or ZERO
        return self.points if self.points is not None else (self.hours or ZERO)


@dataclass
class CategoryProgress:
    category: RegisterCategory
    total: Decimal
    counted: Decimal  # after the cap
    entries: int

    @property
    def required(self) -> Decimal:
        return self.category.required

    @property
    def percent(self) -> int:
        if not self.required:
            return 100
        return min(100, int(self.counted * 100 / self.required))

    @property
    def remaining(self) -> Decimal:
        return max(ZERO, self.required - self.counted)

    @property
    def capped(self) -> bool:
        return self.counted < self.total

    @property
    def from_statement(self) -> bool:
        """Work experience is proven by the employer's statement, not by activities here."""
        return self.category.kind == CategoryKind.WORK_EXPERIENCE


@dataclass
class RegisterReport:
    registration: Registration
    period_start: datetime.date
    period_end: datetime.date
    categories: list[CategoryProgress]
    entries: list[Entry]


def _activity_entry(activity) -> Entry:
    return Entry(
        date=activity.completed_on or activity.planned_date,
        title=activity.title,
        category=activity.register_category,
        form=activity.get_reflection_form_display(),
        provider=activity.provider,
        accreditation_number=activity.accreditation_number,
        hours=activity.hours,
        face_to_face_hours=activity.face_to_face_hours,
        points=activity.register_points,
        certificates=[evidence.title for evidence in activity.certificates.all()],
    )


def _meeting_entry(meeting, provider: str) -> Entry:
    return Entry(
        date=meeting.date,
        title=str(meeting),
        category=meeting.register_category,
        form=meeting.get_reflection_form_display(),
        provider=provider,
        accreditation_number="",
        hours=(Decimal(meeting.duration_minutes) / 60).quantize(Decimal("0.1")),
        face_to_face_hours=meeting.face_to_face_hours,
        points=None,
        certificates=[_("Meeting record confirmed by trainee and mentor")],
    )


def reports(traineeships, today: datetime.date) -> dict[int, RegisterReport]:
    """The report of every registered traineeship among ``traineeships``, in a fixed number of queries."""
    pks = [t.pk for t in traineeships]
    registrations = (
        Registration.objects.filter(traineeship__in=pks)
        .select_related("register", "traineeship__programme__owner")
        .prefetch_related(
            Prefetch("register__categories", queryset=RegisterCategory.objects.order_by("position", "pk"))
        )
    )
    registrations = {r.traineeship_id: r for r in registrations}
    if not registrations:
        return {}
    entries: dict[int, list[Entry]] = {pk: [] for pk in registrations}
    activities = (
        DevelopmentActivity.objects.filter(
            traineeship__in=list(registrations), register_category__isnull=False, status=DevelopmentActivity.Status.DONE
        )
        .select_related("register_category")
        .prefetch_related(Prefetch("certificates", queryset=Evidence.objects.order_by("title")))
    )
    for activity in activities:
        entries[activity.traineeship_id].append(_activity_entry(activity))
    # Meetings count once trainee and mentor both confirmed the record: that is the signed statement.
    meetings = Meeting.objects.filter(
        traineeship__in=list(registrations),
        register_category__isnull=False,
        mentor_confirmed_at__isnull=False,
        trainee_confirmed_at__isnull=False,
    ).select_related("register_category")
    for meeting in meetings:
        provider = registrations[meeting.traineeship_id].traineeship.programme.owner.name
        entries[meeting.traineeship_id].append(_meeting_entry(meeting, provider))
    return {pk: _report(registration, entries[pk], today) for pk, registration in registrations.items()}


def _report(registration: Registration, entries: list[Entry], today: datetime.date) -> RegisterReport:
    register = registration.register
    start, end = register.current_period(registration.registered_on, today)
    entries = [
        e for e in entries if e.category.register_id == register.pk and (e.date is None or start <= e.date <= end)
    ]
    entries.sort(key=lambda e: (e.date or datetime.date.max, e.title))
    categories = []
    for category in register.categories.all():
        own = [e for e in entries if e.category.pk == category.pk]
        total = sum((e.counted for e in own), ZERO)
        counted = min(total, category.cap) if category.cap is not None else total
        categories.append(CategoryProgress(category=category, total=total, counted=counted, entries=len(own)))
    return RegisterReport(registration, start, end, categories, entries)


def report(registration: Registration, today: datetime.date) -> RegisterReport:
    return reports([registration.traineeship], today)[registration.traineeship_id]


def export_table(data: RegisterReport) -> tuple[list[str], list[list]]:
    """One row per activity, in the order and words the register's portal asks for."""
    headers = [
        _("Date"),
        _("Title"),
        _("Category"),
        _("Form of reflection"),
        _("Provider"),
        _("Accreditation number"),
        _("Hours"),
        _("Face-to-face hours"),
        _("Points"),
        _("Counted"),
        _("Proof"),
    ]
    rows = [
        [
            entry.date,
            entry.title,
            entry.category.name,
            entry.form,
            entry.provider,
            entry.accreditation_number,
            entry.hours,
            entry.face_to_face_hours,
            entry.points,
            entry.counted,
            "; ".join(entry.certificates),
        ]
        for entry in data.entries
    ]
    return headers, rows
