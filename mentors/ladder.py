"""The escalation ladder: a reminder nobody answers moves up.

Counted from the day a task started to wait (``Notice.since``), per programme:
step 1 after ``escalate_person_days`` reminds the person who must act once more,
step 2 after ``escalate_supervisor_days`` tells the mentor (for the trainee's tasks)
or the placement's manager (for the mentor's tasks), step 3 after
``escalate_hr_days`` tells HR of the owner organisation. Each step is its own
message, sent once: ``Escalation`` is unique per (recipient, notice, step), so a
second run of the daily command sends nothing. The ladder stops when the task is
done: its notice is gone, and its escalations are marked done.
"""

from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.utils import formats, translation

from mentors.audit import MentorAction
from mentors.models import Escalation, Reminder, ReminderPreference
from mentors.notices import Notice
from organisations import audit, mail
from organisations.models import Membership, Role, User
from programmes.permissions import open_placements

STEPS = (
    (Escalation.Step.PERSON, "escalate_person_days"),
    (Escalation.Step.SUPERVISOR, "escalate_supervisor_days"),
    (Escalation.Step.HR, "escalate_hr_days"),
)


def due_steps(notice: Notice, today: date) -> list[int]:
    """The steps this notice has reached today."""
    if not notice.escalates:
        return []
    waited = (today - notice.since).days
    programme = notice.traineeship.programme
    return [step for step, field in STEPS if waited >= getattr(programme, field)]


def recipients(notice: Notice, step: int) -> list[User]:
    if step == Escalation.Step.PERSON:
        return [notice.recipient]
    if step == Escalation.Step.SUPERVISOR:
        field, role = ("mentor", Role.MENTOR) if notice.by_trainee else ("manager", Role.MANAGER)
        # The relation rule of ``programmes.permissions``: a placement still open, and a person who
        # still holds that role where the placement is.
        holds_role = Membership.objects.filter(role=role, organisation=OuterRef("organisation"), user=OuterRef(field))
        placements = open_placements(notice.today).filter(traineeship=notice.traineeship, **{f"{field}__isnull": False})
        ids = placements.filter(Exists(holds_role)).values(field)
        return list(User.objects.filter(pk__in=ids).exclude(pk=notice.recipient.pk).order_by("pk"))
    hr = Membership.objects.filter(organisation=notice.traineeship.programme.owner, role=Role.HR).values("user")
    return list(User.objects.filter(pk__in=hr).exclude(pk=notice.recipient.pk).order_by("pk"))


def resolve_done(open_keys: set[str], today: date) -> int:
    """The ladder stops as soon as the task is done."""
    return (
        Escalation.objects.filter(resolved_on__isnull=True).exclude(notice_key__in=open_keys).update(resolved_on=today)
    )


def run(found: list[Notice], *, today: date) -> int:
    """Send every step reached today that was not sent before; returns the number of messages queued."""
    resolve_done({n.key for n in found}, today)
    keys = [n.key for n in found if n.escalates]
    sent_before = set(Escalation.objects.filter(notice_key__in=keys).values_list("recipient", "notice_key", "step"))
    reminded: dict[str, list[User]] = {}
    for row in Escalation.objects.filter(notice_key__in=keys).select_related("recipient").order_by("step", "pk"):
        reminded.setdefault(row.notice_key, []).append(row.recipient)
    muted = set(ReminderPreference.objects.filter(email_enabled=False).values_list("user", flat=True))
    queued = 0
    for notice in found:
        for step in due_steps(notice, today):
            for person in recipients(notice, step):
                if (person.pk, notice.key, step) in sent_before:
                    continue
                # Only the person's own reminder may be turned off; mentors, managers and HR always hear.
                send = not (step == Escalation.Step.PERSON and person.pk in muted)
                if _send(notice, step, person, reminded.get(notice.key, []), today, send=send):
                    queued += send
                    reminded.setdefault(notice.key, []).append(person)
    return queued


def _send(notice: Notice, step: int, person: User, already: list[User], today: date, *, send: bool) -> bool:
    with translation.override(person.language):
        context = {
            "recipient": person,
            "step": step,
            "kind": Reminder.Kind(notice.kind).label,
            "text": notice.text(),
            "actor": notice.recipient,
            "since": formats.date_format(notice.since, "SHORT_DATE_FORMAT"),
            "days": (today - notice.since).days,
            "already": ", ".join(str(p) for p in already if p.pk != person.pk),
            "url": settings.SITE_URL.rstrip("/") + notice.url,
        }
        subject = render_to_string("mentors/email/escalation_subject.txt", context).strip()
        body = render_to_string("mentors/email/escalation_body.txt", context)
    try:
        with transaction.atomic():
            Escalation.objects.create(
                notice_key=notice.key,
                kind=notice.kind,
                step=step,
                recipient=person,
                traineeship=notice.traineeship,
                text=body.split("\n\n", 1)[-1].strip(),
                url=notice.url,
                waiting_since=notice.since,
                sent_on=today,
            )
            # The trail shows who was told, when, on the ladder: structured, rendered when read.
            audit.record(
                organisation=notice.traineeship.programme.owner,
                actor=None,
                action=MentorAction.REMINDER_ESCALATED,
                subject=notice.recipient,
                obj=notice.traineeship,
                params={
                    "reminder_kind": notice.kind,
                    "date": notice.since.isoformat(),
                    "step": int(step),
                    "recipient": str(person),
                },
            )
            if send:
                mail.queue(to=person.email, subject=subject, body=body, organisation=notice.traineeship.programme.owner)
    except IntegrityError:  # a run in parallel sent this step already
        return False
    return True
