"""Write entries to the audit trail: who did what to whom, and when."""

from django.db import models

from organisations.models import AuditEntry, Organisation, User


class Action(models.TextChoices):
    # Listed here so the trail can be filtered by act; apps add their acts here.
    INVITATION_SENT = "invitation.sent", "invitation sent"
    INVITATION_ACCEPTED = "invitation.accepted", "invitation accepted"
    INVITATION_REVOKED = "invitation.revoked", "invitation revoked"
    MEMBERSHIP_ADDED = "membership.added", "membership added"
    MEMBERSHIP_REMOVED = "membership.removed", "membership removed"
    GOAL_APPROVED = "goal.approved", "learning goal approved"
    MEETING_CONFIRMED = "meeting.confirmed", "meeting record confirmed"
    EVALUATION_SIGNED = "evaluation.signed", "final evaluation signed"
    EVALUATION_REOPENED = "evaluation.reopened", "final evaluation reopened"
    PORTFOLIO_DOWNLOADED = "portfolio.downloaded", "portfolio downloaded"
    EVALUATION_DOWNLOADED = "evaluation.downloaded", "final evaluation downloaded"
    EXPORT_CREATED = "export.created", "export created"
    DATA_EXPORTED = "data.exported", "personal data exported"
    DATA_ERASED = "data.erased", "personal data erased"
    RETENTION_APPLIED = "retention.applied", "retention term applied"


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
