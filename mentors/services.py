"""Writes that span models: choosing mentors, planning, recording and confirming meetings, reminders."""

from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from goals.models import GoalProgress, LearningGoal
from mentors.audit import MentorAction
from mentors.models import Addendum, Agreement, AgreementStatus, Meeting, MeetingGoalProgress, MeetingKind
from mentors.notices import notices
from mentors.selectors import mentor_load, mentor_warnings, mentors_by_name
from organisations import audit
from organisations.models import User
from programmes.models import Placement, Traineeship

RECORD_FIELDS = ["notes", "workload", "wellbeing", "private_note", "next_meeting_date"]


class StaleRecord(Exception):
    """Someone else saved the record after this form was opened."""


class RecordLocked(Exception):
    """Both confirmed the record: it cannot change any more."""


def placement_set_mentor(*, placement: Placement, mentor: User | None, by: User) -> list[str]:
    """Choose ``mentor`` for ``placement``; returns warnings (over capacity, no coaching training)."""
    warnings = []
    if mentor is not None and mentor.pk != placement.mentor_id:
        chosen = mentors_by_name(placement.organisation).filter(pk=mentor.pk)  # the load of this mentor alone
        row = next(iter(mentor_load(placement.organisation, users=list(chosen))), None)
        if row is not None:
            row = {**row, "at_capacity": row["capacity"] is not None and row["mentees"] + 1 > row["capacity"]}
            warnings = mentor_warnings(row)
    with transaction.atomic():
        changed = placement.mentor_id != (mentor.pk if mentor else None)
        placement.mentor = mentor
        placement.save(update_fields=["mentor"])
        if changed:
            audit.record(
                organisation=placement.traineeship.programme.owner,
                actor=by,
                action=MentorAction.MENTOR_ASSIGNED,
                subject=placement.traineeship.trainee,
                obj=placement,
                params={"mentor": str(mentor)} if mentor else {"variant": "removed"},
            )
    return warnings


def _bump_version(meeting: Meeting, expected: int) -> None:
    """Claim the next version, or refuse when someone saved in between (optimistic locking)."""
    if Meeting.objects.filter(pk=meeting.pk, version=expected).update(version=F("version") + 1) != 1:
        raise StaleRecord
    meeting.version = expected + 1


def meeting_plan(
    *,
    traineeship: Traineeship,
    kind: str,
    date: date,
    start_time,
    duration_minutes: int = 60,
    location: str = "",
    participants=(),
    by: User | None,
) -> Meeting:
    with transaction.atomic():
        meeting = Meeting(
            traineeship=traineeship,
            kind=kind,
            date=date,
            start_time=start_time,
            duration_minutes=duration_minutes,
            location=location,
            created_by=by,
        )
        meeting.full_clean()
        meeting.save()
        meeting.participants.set(participants)
    return meeting


def meeting_update_agenda(*, meeting: Meeting, values: dict, version: int) -> Meeting:
    """The trainee's topics and reflection, or the mentor's preparation."""
    with transaction.atomic():
        if meeting.is_locked:
            raise RecordLocked
        _bump_version(meeting, version)
        for field, value in values.items():
            setattr(meeting, field, value)
        meeting.save(update_fields=[*values, "version"])
    return meeting


def meeting_record(
    *,
    meeting: Meeting,
    by: User,
    values: dict,
    goal_progress: dict[LearningGoal, tuple[int, str]],
    agreements: list[dict],
    removed_agreements: list[Agreement],
    version: int,
) -> Meeting:
    """Save the record: notes and signals, progress per goal, agreements; plan the next meeting.

    ``agreements`` holds each kept row's values, ``agreement`` the row it edits (None: a new one).

    Saving again asks both to confirm again (the content they confirmed changed)."""
    with transaction.atomic():
        if Meeting.objects.filter(pk=meeting.pk, trainee_confirmed_at__isnull=False, mentor_confirmed_at__isnull=False):
            raise RecordLocked
        _bump_version(meeting, version)
        for field, value in values.items():
            setattr(meeting, field, value)
        if meeting.recorded_at is None:
            meeting.recorded_at = timezone.now()
            meeting.recorded_by = by
        # Saving the record is its author's confirmation; the trainee confirms (again) what changed.
        meeting.trainee_confirmed_at = None
        meeting.mentor_confirmed_at = timezone.now()
        meeting.mentor_confirmed_by = by
        meeting.save(
            update_fields=[
                *values,
                "recorded_at",
                "recorded_by",
                "trainee_confirmed_at",
                "mentor_confirmed_at",
                "mentor_confirmed_by",
                "version",
            ]
        )
        GoalProgress.objects.filter(meeting_link__meeting=meeting).delete()
        for goal, (progress, note) in goal_progress.items():
            row = GoalProgress.objects.create(
                goal=goal,
                recorded_on=meeting.date,
                progress=progress,
                note=note,
                source=GoalProgress.Source.MEETING,
                recorded_by=by,
            )
            MeetingGoalProgress.objects.create(meeting=meeting, progress=row)
        for row in agreements:
            row_values = dict(row)
            agreement = row_values.pop("agreement", None) or Agreement()
            for field, value in row_values.items():
                setattr(agreement, field, value)
            agreement.meeting = meeting
            agreement.traineeship = meeting.traineeship
            agreement.save()
        for agreement in removed_agreements:
            if agreement.meeting_id == meeting.pk:  # only this record's rows
                agreement.delete()
        audit.record(
            organisation=meeting.traineeship.programme.owner,
            actor=by,
            action=MentorAction.MEETING_CONFIRMED,
            subject=meeting.traineeship.trainee,
            obj=meeting,
            params={"meeting_kind": meeting.kind, "date": meeting.date.isoformat(), "signer": "mentor"},
        )
        next_date = values.get("next_meeting_date")
        if next_date and not Meeting.objects.filter(traineeship=meeting.traineeship, date=next_date).exists():
            kind = MeetingKind.FINAL if next_date >= meeting.traineeship.end_date else MeetingKind.REGULAR
            meeting_plan(
                traineeship=meeting.traineeship,
                kind=kind,
                date=next_date,
                start_time=meeting.start_time,
                duration_minutes=meeting.duration_minutes,
                location=meeting.location,
                participants=list(meeting.participants.all()),
                by=by,
            )
    return meeting


def meeting_log(*, traineeship: Traineeship, plan: dict, participants, by: User, **record) -> Meeting:
    """A meeting that already took place, planned and recorded in one go."""
    with transaction.atomic():
        meeting = meeting_plan(traineeship=traineeship, participants=participants, by=by, **plan)
        return meeting_record(meeting=meeting, by=by, version=meeting.version, **record)


class RecordChanged(Exception):
    """The record changed after the confirmer opened it: nothing is confirmed."""


def meeting_confirm(*, meeting: Meeting, user: User, as_trainee: bool, digest_read: str, comment: str = "") -> Meeting:
    """The trainee or the mentor confirms the record they read (``Meeting.record_digest``);
    both confirmed locks it. A comment goes with the confirmation, kept beside the record."""
    with transaction.atomic():
        current = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if current.is_locked:
            raise RecordLocked
        if digest_read != current.record_digest():
            raise RecordChanged
        now = timezone.now()
        if comment.strip():
            Addendum.objects.create(meeting=meeting, author=user, text=comment.strip())
        if as_trainee:
            meeting.trainee_confirmed_at = now
            fields = ["trainee_confirmed_at"]
        else:
            meeting.mentor_confirmed_at = now
            meeting.mentor_confirmed_by = user
            fields = ["mentor_confirmed_at", "mentor_confirmed_by"]
        Meeting.objects.filter(pk=meeting.pk).update(version=F("version") + 1)
        meeting.version += 1
        meeting.save(update_fields=fields)
        audit.record(
            organisation=meeting.traineeship.programme.owner,
            actor=user,
            action=MentorAction.MEETING_CONFIRMED,
            subject=meeting.traineeship.trainee,
            obj=meeting,
            params={
                "meeting_kind": meeting.kind,
                "date": meeting.date.isoformat(),
                "signer": "trainee" if as_trainee else "mentor",
            },
        )
    return meeting


def addendum_add(*, meeting: Meeting, author: User, text: str) -> Addendum:
    return Addendum.objects.create(meeting=meeting, author=author, text=text)


def agreement_set_status(*, agreement: Agreement, status: AgreementStatus) -> Agreement:
    agreement.status = status
    agreement.save(update_fields=["status", "updated_at"])
    return agreement


def reminders_send(*, today: date) -> int:
    """The daily run: escalate what waits too long, then one digest per person. Safe to run twice."""
    from mentors import digest, ladder

    found = notices(today=today)
    return ladder.run(found, today=today) + digest.run(found, today=today)
