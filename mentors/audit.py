"""The audit trail's acts of mentors: assignment, confirmed meeting records, escalated reminders."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from mentors.models import Escalation, MeetingKind, Reminder
from organisations import audit


class MentorAction(models.TextChoices):
    MENTOR_ASSIGNED = "mentor.assigned", _("Mentor assigned")
    MEETING_CONFIRMED = "meeting.confirmed", _("Meeting record confirmed")
    REMINDER_ESCALATED = "reminder.escalated", _("Reminder escalated")


audit.register_actions(
    MentorAction,
    summaries={
        MentorAction.MENTOR_ASSIGNED: _("mentor: %(mentor)s"),
        f"{MentorAction.MENTOR_ASSIGNED}:removed": _("mentor removed"),
        MentorAction.MEETING_CONFIRMED: _("%(meeting_kind)s of %(date)s, confirmed as %(signer)s"),
        MentorAction.REMINDER_ESCALATED: _("%(reminder_kind)s waiting since %(date)s: told %(recipient)s as %(step)s"),
        f"{MentorAction.MEETING_CONFIRMED}:legacy": _("%(text)s, confirmed as %(signer)s"),
    },
)
# The trail shows meeting kinds in the reader's language.
audit.register_labels(meeting_kind=MeetingKind, reminder_kind=Reminder.Kind, step=Escalation.Step)
