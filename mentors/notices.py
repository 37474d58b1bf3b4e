"""Notices: what needs someone's attention today. The same notices appear on the
home pages and go out as reminder e-mails (once a day, see ``services.reminders_send``)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from mentors.models import Agreement, Meeting, Reminder
from organisations.models import User
from programmes.lifecycle import running_q
from programmes.models import Placement, Traineeship
from programmes.state import with_state

SOON_DAYS = 2


@dataclass
class Notice:
    kind: str
    recipient: User
    object_key: str
    url: str
    subject_of: object  # the meeting, agreement or traineeship
    today: date

    @property
    def traineeship(self) -> Traineeship:
        o = self.subject_of
        return o if isinstance(o, Traineeship) else o.traineeship

    @property
    def key(self) -> str:
        """Names this notice for its whole life: a task that is done and comes back gets a new key."""
        return f"{self.kind}:{self.object_key}:{self.since.isoformat()}"

    @property
    def since(self) -> date:
        """The day the task started to wait: the ladder counts from here."""
        o = self.subject_of
        if self.kind == Reminder.Kind.AGREEMENT_DUE:
            return o.due_date
        if self.kind == Reminder.Kind.MEETING_OVERDUE:
            last = getattr(o, "last_meeting_on", None) or o.start_date
            return min(last + timedelta(weeks=o.programme.meeting_rhythm_weeks), self.today)
        if self.kind == Reminder.Kind.CONFIRM:
            return o.recorded_at.date() if o.recorded_at else o.date
        return self.today

    @property
    def urgent(self) -> bool:
        """A meeting tomorrow (or today) may come at once, outside the digest."""
        return self.kind == Reminder.Kind.MEETING_SOON and self.subject_of.date <= self.today + timedelta(days=1)

    @property
    def escalates(self) -> bool:
        return self.kind != Reminder.Kind.MEETING_SOON

    @property
    def by_trainee(self) -> bool:
        """Whether the trainee must act (then the mentor hears next), else the mentor (then the manager)."""
        return self.recipient.pk == self.traineeship.trainee_id

    def text(self) -> str:
        """In the active language: call inside ``translation.override`` for e-mails."""
        o = self.subject_of
        if self.kind == Reminder.Kind.MEETING_SOON and self.by_trainee:
            # The trainee reads about their own meeting: "your", never their own name.
            return _("Your %(meeting)s on %(date)s at %(time)s.") % {
                "meeting": o.get_kind_display().lower(),
                "date": formats.date_format(o.date, "SHORT_DATE_FORMAT"),
                "time": o.start_time.strftime("%H:%M"),
            }
        if self.kind == Reminder.Kind.MEETING_SOON:
            return _("%(meeting)s with %(trainee)s on %(date)s at %(time)s.") % {
                "meeting": o.get_kind_display(),
                "trainee": o.traineeship.trainee,
                "date": formats.date_format(o.date, "SHORT_DATE_FORMAT"),
                "time": o.start_time.strftime("%H:%M"),
            }
        if self.kind == Reminder.Kind.MEETING_OVERDUE:
            return _("No progress meeting with %(trainee)s in the last %(weeks)s weeks: plan one.") % {
                "trainee": o.trainee,
                "weeks": o.programme.meeting_rhythm_weeks,
            }
        if self.kind == Reminder.Kind.AGREEMENT_DUE:
            if o.due_date < self.today:
                return _("Agreement overdue since %(date)s: %(agreement)s") % {
                    "date": formats.date_format(o.due_date, "SHORT_DATE_FORMAT"),
                    "agreement": o.description,
                }
            return _("Agreement due today: %(agreement)s") % {"agreement": o.description}
        if self.by_trainee:
            return _("The record of your %(meeting)s of %(date)s waits for your confirmation.") % {
                "meeting": o.get_kind_display().lower(),
                "date": formats.date_format(o.date, "SHORT_DATE_FORMAT"),
            }
        return _("The record of the %(meeting)s with %(trainee)s waits for your confirmation.") % {
            "meeting": o.get_kind_display().lower(),
            "trainee": o.traineeship.trainee,
        }


def notices(*, today: date, recipient: User | None = None, traineeships=None) -> list[Notice]:
    """Every notice due on ``today`` (for everyone, or for one ``recipient``, or of some
    ``traineeships`` given by id); a fixed number of queries."""
    found: list[Notice] = []
    within = {} if traineeships is None else {"traineeship__in": traineeships}

    soon = (
        Meeting.objects.planned()
        .filter(**within)
        .filter(date__gte=today, date__lte=today + timedelta(days=SOON_DAYS))
        .select_related("traineeship__trainee", "traineeship__programme")
    )
    # For one recipient the meetings are theirs already: no participants to read.
    soon = soon.prefetch_related("participants") if recipient is None else soon.filter(participants=recipient)
    for meeting in soon:
        for person in meeting.participants.all() if recipient is None else [recipient]:
            found.append(
                Notice("meeting_soon", person, f"meeting:{meeting.pk}", meeting.get_absolute_url(), meeting, today)
            )

    planned_ahead = Meeting.objects.planned().filter(traineeship=OuterRef("pk"), date__gte=today)
    running = Traineeship.objects.filter(running_q(today))
    if traineeships is not None:
        running = running.filter(pk__in=traineeships)
    overdue = with_state(running, today).filter(risk_no_meeting=True)
    overdue = overdue.filter(~Exists(planned_ahead)).select_related("trainee", "programme")
    if recipient is not None:
        # A semi-join on the recipient's placements (indexed), not a join over every running traineeship;
        # the recipient is then the one mentor to tell.
        overdue = overdue.filter(pk__in=Placement.objects.filter(mentor=recipient).values("traineeship"))
    else:
        mentors = Placement.objects.filter(mentor__isnull=False).select_related("mentor")
        overdue = overdue.prefetch_related(Prefetch("placements", queryset=mentors, to_attr="mentored"))
    for traineeship in overdue:
        for person in {p.mentor for p in traineeship.mentored} if recipient is None else [recipient]:
            found.append(
                Notice(
                    "meeting_overdue",
                    person,
                    f"traineeship:{traineeship.pk}",
                    reverse("mentors:meeting_plan", kwargs={"pk": traineeship.pk}),
                    traineeship,
                    today,
                )
            )

    due = (
        Agreement.objects.open()
        .filter(due_date__lte=today, **within)
        .select_related("owner", "traineeship__programme", "traineeship__trainee")
    )
    if recipient is not None:
        due = due.filter(owner=recipient)
    for agreement in due:
        found.append(
            Notice(
                "agreement_due",
                agreement.owner,
                f"agreement:{agreement.pk}",
                reverse("mentors:agreements"),
                agreement,
                today,
            )
        )

    waiting = Meeting.objects.recorded().filter(
        Q(trainee_confirmed_at__isnull=True) | Q(mentor_confirmed_at__isnull=True), **within
    )
    if recipient is not None:
        waiting = waiting.awaiting_confirmation_of(recipient)
    waiting = waiting.select_related("traineeship__trainee", "traineeship__programme", "recorded_by")
    for meeting in waiting:
        people = []
        if meeting.trainee_confirmed_at is None:
            people.append(meeting.traineeship.trainee)
        if meeting.mentor_confirmed_at is None and meeting.recorded_by is not None:
            people.append(meeting.recorded_by)
        for person in people:
            if recipient is None or person.pk == recipient.pk:
                found.append(
                    Notice("confirm", person, f"meeting:{meeting.pk}", meeting.get_absolute_url(), meeting, today)
                )
    return _still_related(found)


def _traineeship_id(notice: Notice) -> int:
    subject = notice.subject_of
    return subject.pk if isinstance(subject, Traineeship) else subject.traineeship_id


def _still_related(found: list[Notice]) -> list[Notice]:
    """Only notices about traineeships the recipient relates to now (``programmes.permissions``):
    a mentor whose role was removed, or whose placement ended past the grace period, gets none.
    One query per recipient."""
    by_recipient: dict[int, list[Notice]] = {}
    for notice in found:
        by_recipient.setdefault(notice.recipient.pk, []).append(notice)
    related: set[tuple[int, int]] = set()
    for items in by_recipient.values():
        recipient = items[0].recipient
        ids = {_traineeship_id(notice) for notice in items}
        visible = Traineeship.objects.visible_to(recipient).filter(pk__in=ids).values_list("pk", flat=True)
        related |= {(recipient.pk, pk) for pk in visible}
    return [notice for notice in found if (notice.recipient.pk, _traineeship_id(notice)) in related]
