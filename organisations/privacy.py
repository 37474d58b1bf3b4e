"""This app's part of a person's data export and erasure (see ``privacy.services``)."""

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.core.files.storage import default_storage
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from organisations import audit
from organisations.models import AuditEntry, DataCopy, Invitation, Membership, Organisation, OutgoingMail, User

ERASED_LABEL = "Verwijderde persoon"


@dataclass(frozen=True)
class Scope:
    """Whose data, for whom, and how far: every app's part of a copy or an erasure takes one.

    The person's own copy (``organisation`` None, ``reader`` the person) covers everything about
    them. An act of HR covers only ``organisation``'s records (traineeships of its programmes, roles
    and mentor profiles there, its audit trail), and only what the reader may read.
    """

    person: User
    reader: User
    organisation: Organisation | None = None

    @property
    def is_own(self) -> bool:
        return self.organisation is None and self.reader.pk == self.person.pk

    def memberships(self):
        memberships = Membership.objects.filter(user=self.person)
        return memberships if self.organisation is None else memberships.filter(organisation=self.organisation)

    def covers_account(self) -> bool:
        """Whether the act reaches the account itself: the own copy, or no role left in another organisation."""
        if self.organisation is None:
            return True
        return not Membership.objects.filter(user=self.person).exclude(organisation=self.organisation).exists()

    def traineeship_filter(self, prefix: str = "") -> Q:
        """Records of the person's traineeships in scope (``prefix``: the path to the traineeship)."""
        condition = Q(**{f"{prefix}trainee": self.person})
        if self.organisation is not None:
            condition &= Q(**{f"{prefix}programme__owner": self.organisation})
        return condition


def own(user: User) -> Scope:
    return Scope(person=user, reader=user)


def personal_data(scope: Scope) -> dict:
    user = scope.person
    audit_entries = AuditEntry.objects.filter(subject=user)
    if scope.organisation is not None:
        audit_entries = audit_entries.filter(organisation=scope.organisation)
    return {
        "account": {
            "name": user.name,
            "email": user.email,
            "language": user.language,
            "joined": user.date_joined.isoformat(),
        },
        "memberships": [
            {"organisation": m.organisation.name, "role": m.role}
            for m in scope.memberships().select_related("organisation")
        ],
        "audit_entries_about_you": [
            {"when": e.created_at.isoformat(), "action": e.action, "by": e.actor_label, "summary": e.summary}
            for e in audit_entries.order_by("created_at")
        ],
    }


def _roles_text(count: int) -> str:
    return ngettext("%(count)s role in organisations", "%(count)s roles in organisations", count) % {"count": count}


def erasure_summary(scope: Scope) -> list[str]:
    summary = [_roles_text(scope.memberships().count())]
    if scope.organisation is None or not _roles_elsewhere(scope):
        summary.insert(0, _("the account (name and e-mail address), replaced by a neutral label"))
    else:
        summary.append(_("the account stays: the person still has a role in another organisation"))
    return summary


def _roles_elsewhere(scope: Scope) -> bool:
    return Membership.objects.filter(user=scope.person).exclude(organisation=scope.organisation).exists()


def erase(scope: Scope) -> None:
    """Remove the roles in scope; anonymise the account only when no organisation still has a role for it."""
    user = scope.person
    label = f"{ERASED_LABEL} {user.pk}"
    entries = AuditEntry.objects.all()
    invitations = Invitation.objects.filter(Q(email__iexact=user.email))
    if scope.organisation is not None:
        entries = entries.filter(organisation=scope.organisation)
        invitations = invitations.filter(organisation=scope.organisation)
    # Before the account changes: the trail is searched for the name and address it still has.
    audit.scrub_person(user, label, entries=entries)
    invitations.update(email=f"erased-{user.pk}@invalid.example", name=label)
    scope.memberships().delete()
    anonymise_if_no_roles_left(user)


def anonymise_if_no_roles_left(user: User) -> bool:
    """Disable and anonymise an account that no organisation has a role for any more."""
    if Membership.objects.filter(user=user).exists():
        return False
    label = f"{ERASED_LABEL} {user.pk}"
    audit.scrub_person(user, label)
    Invitation.objects.filter(email__iexact=user.email).update(email=f"erased-{user.pk}@invalid.example", name=label)
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
    return True


def files(scope: Scope) -> list[tuple[str, bytes]]:
    """No files of this app go into the copy."""
    return []


def erasure_blockers(scope: Scope) -> list[str]:
    """Nothing of this app has a legal term that blocks erasure."""
    return []


def purge_traineeship(traineeship) -> None:
    """Deleting the traineeship row removes all of this app's records of it; no files are left."""
