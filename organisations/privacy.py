"""This app's part of a person's data export and erasure (see ``traineeship.privacy``)."""

from django.contrib.auth.hashers import make_password
from django.core.files.storage import default_storage
from django.db.models import Q
from django.utils.translation import gettext as _

from organisations import audit
from organisations.models import AuditEntry, DataCopy, Invitation, Membership, OutgoingMail, User

ERASED_LABEL = "Verwijderde persoon"


def personal_data(user: User) -> dict:
    return {
        "account": {
            "name": user.name,
            "email": user.email,
            "language": user.language,
            "joined": user.date_joined.isoformat(),
        },
        "memberships": [
            {"organisation": m.organisation.name, "role": m.role}
            for m in Membership.objects.filter(user=user).select_related("organisation")
        ],
        "audit_entries_about_you": [
            {"when": e.created_at.isoformat(), "action": e.action, "by": e.actor_label, "summary": e.summary}
            for e in AuditEntry.objects.filter(subject=user).order_by("created_at")
        ],
    }


def erasure_summary(user: User) -> list[str]:
    return [
        _("the account (name and e-mail address), replaced by a neutral label"),
        _("%(count)s role(s) in organisations") % {"count": Membership.objects.filter(user=user).count()},
    ]


def erase(user: User) -> None:
    """Anonymise the account so records that point at it keep working without the name."""
    label = f"{ERASED_LABEL} {user.pk}"
    # Before the account changes: the trail is searched for the name and address it still has.
    audit.scrub_person(user, label)
    Invitation.objects.filter(Q(email__iexact=user.email)).update(email=f"erased-{user.pk}@invalid.example", name=label)
    Membership.objects.filter(user=user).delete()
    # Mails to the person (their address, perhaps a personal link) and copies of their data go too.
    OutgoingMail.objects.filter(recipient__iexact=user.email).delete()
    for copy in DataCopy.objects.filter(person=user):
        if copy.stored_name:
            default_storage.delete(copy.stored_name)
        copy.delete()
    user.name = label
    user.email = f"erased-{user.pk}@invalid.example"
    user.password = make_password(None)
    user.is_active = False
    user.save(update_fields=["name", "email", "password", "is_active"])
