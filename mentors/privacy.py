"""This app's part of a person's data export and erasure (see ``privacy.services``).

A trainee's copy holds the recorded meetings (never the mentor's private note), the
agenda they wrote, addenda and agreements. A mentor's copy holds their mentor profiles
and the agreements they own. Erasing a mentor removes their profiles and reminder log;
meetings, agreements and approved goals stay and show the anonymised account's neutral
label instead of the name.
"""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mentors.models import (
    Addendum,
    Agreement,
    CalendarFeed,
    Digest,
    Escalation,
    Meeting,
    MentorProfile,
    NotificationRead,
    Reminder,
    ReminderPreference,
)
from mentors.selectors import meeting_records_for_export
from organisations.privacy import Scope
from programmes.models import Traineeship


def _iso(value):
    return value.isoformat() if value else None


def personal_data(scope: Scope) -> dict:
    user = scope.person
    traineeships = Traineeship.objects.filter(scope.traineeship_filter()).order_by("start_date", "pk")
    meetings = []
    for traineeship in traineeships:
        agendas = {
            m["pk"]: m
            for m in Meeting.objects.filter(traineeship=traineeship).values(
                "pk", "trainee_topics", "trainee_reflection", "location", "start_time"
            )
        }
        addenda = {}
        for addendum in Addendum.objects.filter(meeting__traineeship=traineeship).order_by("created_at"):
            addenda.setdefault(addendum.meeting_id, []).append(
                {"date": _iso(addendum.created_at), "text": addendum.text}
            )
        for record in meeting_records_for_export(traineeship):
            agenda = agendas.get(record["pk"], {})
            meetings.append(
                {
                    "traineeship": traineeship.pk,
                    "kind": record["kind"],
                    "date": _iso(record["date"]),
                    "notes": record["notes"],
                    "workload": record["workload"],
                    "wellbeing": record["wellbeing"],
                    "my_topics": agenda.get("trainee_topics", ""),
                    "my_reflection": agenda.get("trainee_reflection", ""),
                    "confirmed_by_me": _iso(record["trainee_confirmed_at"]),
                    "confirmed_by_mentor": _iso(record["mentor_confirmed_at"]),
                    "addenda": addenda.get(record["pk"], []),
                }
            )
    agreements = Agreement.objects.filter(scope.traineeship_filter("traineeship__") | Q(owner=user))
    profiles = MentorProfile.objects.filter(user=user).select_related("organisation")
    if scope.organisation is not None:
        agreements = agreements.filter(traineeship__programme__owner=scope.organisation)
        profiles = profiles.filter(organisation=scope.organisation)
    agreements = agreements.select_related("meeting").order_by("due_date", "pk")
    return {
        "meetings": meetings,
        "agreements": [
            {
                "traineeship": a.traineeship_id,
                "meeting_date": _iso(a.meeting.date),
                "description": a.description,
                "mine_to_do": a.owner_id == user.pk,
                "due_date": _iso(a.due_date),
                "status": a.status,
            }
            for a in agreements
        ],
        "mentor_profiles": [
            {
                "organisation": p.organisation.name,
                "experience_years": p.experience_years,
                "experience": p.experience,
                "coaching_training": p.coaching_training,
                "coaching_training_date": _iso(p.coaching_training_date),
                "capacity": p.capacity,
                "hours_per_week": str(p.hours_per_week),
            }
            for p in profiles
        ],
    }


def _profiles(scope: Scope):
    profiles = MentorProfile.objects.filter(user=scope.person)
    return profiles if scope.organisation is None else profiles.filter(organisation=scope.organisation)


def erasure_summary(scope: Scope) -> list[str]:
    user = scope.person
    summary = []
    meetings = Meeting.objects.filter(scope.traineeship_filter("traineeship__")).count()
    if meetings:
        summary.append(
            ngettext(
                "%(count)s progress meeting of this person's traineeships, with its agreements and addenda",
                "%(count)s progress meetings of this person's traineeships, with their agreements and addenda",
                meetings,
            )
            % {"count": meetings}
        )
    profiles = _profiles(scope).count()
    if profiles:
        summary.append(
            ngettext("%(count)s mentor profile", "%(count)s mentor profiles", profiles) % {"count": profiles}
        )
    took_part = Meeting.objects.filter(participants=user).exclude(traineeship__trainee=user)
    owned = Agreement.objects.filter(owner=user).exclude(traineeship__trainee=user)
    if scope.organisation is not None:
        took_part = took_part.filter(traineeship__programme__owner=scope.organisation)
        owned = owned.filter(traineeship__programme__owner=scope.organisation)
    took_part, owned = took_part.count(), owned.count()
    if took_part or owned:
        meetings_text = ngettext("%(count)s meeting", "%(count)s meetings", took_part) % {"count": took_part}
        agreements_text = ngettext("%(count)s agreement", "%(count)s agreements", owned) % {"count": owned}
        summary.append(
            _("the name on %(meetings)s and %(agreements)s of other trainees (the records stay, with a neutral label)")
            % {"meetings": meetings_text, "agreements": agreements_text}
        )
    return summary


def erase(scope: Scope) -> None:
    # The trainee's own meetings and agreements go with the traineeship (cascade in programmes).
    # As mentor or colleague, the records of others stay; the account's neutral label replaces the name.
    _profiles(scope).delete()
    person = scope.person
    # Escalation texts name the person who had to act: they go with either side, within the scope.
    escalations = Escalation.objects.filter(Q(recipient=person) | Q(traineeship__trainee=person))
    if scope.organisation is not None:
        escalations = escalations.filter(traineeship__programme__owner=scope.organisation)
    escalations.delete()
    if scope.covers_account():
        # The reminder log, digests, read marks, preferences and calendar feed belong to the account.
        Reminder.objects.filter(recipient=person).delete()
        for model in (Digest, NotificationRead, ReminderPreference, CalendarFeed):
            model.objects.filter(**{"recipient" if model is Digest else "user": person}).delete()


def files(scope: Scope) -> list[tuple[str, bytes]]:
    """No files of this app go into the copy."""
    return []


def erasure_blockers(scope: Scope) -> list[str]:
    """Nothing of this app has a legal term that blocks erasure."""
    return []


def purge_traineeship(traineeship) -> None:
    """Deleting the traineeship row removes all of this app's records of it; no files are left."""
