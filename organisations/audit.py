"""Write entries to the audit trail: who did what to whom, and when."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models import AuditEntry, Organisation, User


class Action(models.TextChoices):
    # Listed here so the trail can be filtered by act; apps add their acts here.
    INVITATION_SENT = "invitation.sent", _("Invitation sent")
    INVITATION_ACCEPTED = "invitation.accepted", _("Invitation accepted")
    INVITATION_REVOKED = "invitation.revoked", _("Invitation revoked")
    MEMBERSHIP_ADDED = "membership.added", _("Membership added")
    MEMBERSHIP_REMOVED = "membership.removed", _("Membership removed")
    MENTOR_ASSIGNED = "mentor.assigned", _("Mentor assigned")
    FRAMEWORK_IMPORTED = "framework.imported", _("Competency framework imported")
    GOAL_APPROVED = "goal.approved", _("Learning goal approved")
    MEETING_CONFIRMED = "meeting.confirmed", _("Meeting record confirmed")
    EVALUATION_SIGNED = "evaluation.signed", _("Final evaluation signed")
    EVALUATION_REOPENED = "evaluation.reopened", _("Final evaluation reopened")
    PORTFOLIO_DOWNLOADED = "portfolio.downloaded", _("Portfolio downloaded")
    EVALUATION_DOWNLOADED = "evaluation.downloaded", _("Final evaluation downloaded")
    EXPORT_CREATED = "export.created", _("Export created")
    EXPORT_DOWNLOADED = "export.downloaded", _("Export downloaded")
    DATA_EXPORTED = "data.exported", _("Personal data exported")
    DATA_ERASED = "data.erased", _("Personal data erased")
    RETENTION_APPLIED = "retention.applied", _("Retention term applied")
    SETTINGS_CHANGED = "organisation.settings_changed", _("Organisation settings changed")
    SIGNED_IN = "signin.signed_in", _("Signed in")
    SIGN_IN_FAILED = "signin.failed", _("Sign-in through the identity provider refused")
    IDENTITY_LINKED = "signin.identity_linked", _("Identity provider account linked")
    SIGN_IN_SETTINGS_CHANGED = "signin.settings_changed", _("Sign-in settings changed")
    TWO_FACTOR_CHANGED = "signin.two_factor_changed", _("Two-factor authentication changed")


def record(
    *,
    organisation: Organisation,
    actor: User | None,
    action: str,
    subject: User | None = None,
    obj: models.Model | None = None,
    summary: str = "",
) -> AuditEntry:
    """Append one entry to ``organisation``'s audit trail."""
    actor_label = str(actor) if actor is not None and actor.is_authenticated else "system"
    return AuditEntry.objects.create(
        organisation=organisation,
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_label=actor_label[:200],
        action=str(action),
        subject=subject,
        subject_label=str(subject)[:200] if subject is not None else "",
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        summary=summary[:500],
    )
