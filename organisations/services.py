"""Writes that span models: invitations and memberships, each leaving an audit entry."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from organisations import audit, mail
from organisations.models import Invitation, Membership, Organisation, Role, User, hash_token


class InvitationError(Exception):
    pass


@transaction.atomic
def invitation_create(
    *, organisation: Organisation, email: str, name: str, role: Role, invited_by: User, base_url: str
) -> Invitation:
    """Invite ``email`` to ``role`` in ``organisation`` and send the one-time link."""
    email = email.strip().lower()
    token = Invitation.new_token()
    # A new invitation to the same address and role replaces the earlier link.
    Invitation.objects.open().filter(organisation=organisation, email=email, role=role).update(
        revoked_at=timezone.now()
    )
    invitation = Invitation(
        organisation=organisation,
        email=email,
        name=name.strip(),
        role=role,
        token_hash=hash_token(token),
        invited_by=invited_by,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    invitation.full_clean()
    invitation.save()
    existing = User.objects.filter(email__iexact=email).first()
    language = existing.language if existing else translation.get_language() or settings.LANGUAGE_CODE
    if existing is None and role in (Role.TRAINEE, Role.COACH):
        # A trainee can be given a traineeship (a coach a trainee to coach) before answering: the
        # account waits, without a password and unable to sign in, until the invitation is accepted.
        existing = User.objects.create_user(
            email=email, password=None, name=invitation.name, is_active=False, language=language[:2]
        )
    with translation.override(language):
        context = {
            "invitation": invitation,
            "link": base_url.rstrip("/") + invitation.accept_url(token),
            "valid_days": settings.INVITATION_VALID_DAYS,
        }
        subject = render_to_string("organisations/email/invitation_subject.txt", context).strip()
        body = render_to_string("organisations/email/invitation_body.txt", context)
    # Queued in the same transaction: the worker only sends it once the invitation is committed.
    mail.queue(to=email, subject=subject, body=body, organisation=organisation)
    audit.record(
        organisation=organisation,
        actor=invited_by,
        action=audit.Action.INVITATION_SENT,
        subject=existing,
        obj=invitation,
        params={"email": email, "role": role},
    )
    return invitation


def invitation_for_token(token: str) -> Invitation | None:
    """The open invitation behind ``token``, or None when it is unknown, used or expired."""
    invitation = Invitation.objects.select_related("organisation").filter(token_hash=hash_token(token)).first()
    if invitation is None or not invitation.is_open:
        return None
    return invitation


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, user: AbstractBaseUser | None, name: str = "", password: str = ""
) -> User:
    """Accept ``invitation``: create the account (or use the signed-in one) and the membership."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise InvitationError("This invitation is no longer valid.")
    if user is None:
        user = User.objects.filter(email__iexact=invitation.email).first()
        if user is None:
            user = User.objects.create_user(email=invitation.email, password=password, name=name or invitation.name)
        else:
            if not user.has_usable_password() and name:  # an account that waited for this invitation
                user.name = name
            user.set_password(password)
            user.is_active = True  # an account disabled when its last role went comes back with a new one
            user.save(update_fields=["name", "password", "is_active"])
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=invitation.organisation, role=invitation.role
    )
    if created:
        audit.record(
            organisation=invitation.organisation,
            actor=invitation.invited_by,
            action=audit.Action.MEMBERSHIP_ADDED,
            subject=user,
            obj=membership,
            params={"role": invitation.role},
        )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    audit.record(
        organisation=invitation.organisation,
        actor=user,
        action=audit.Action.INVITATION_ACCEPTED,
        subject=user,
        obj=invitation,
        params={"role": invitation.role},
    )
    return user, membership


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, revoked_by: User) -> None:
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit.record(
        organisation=invitation.organisation,
        actor=revoked_by,
        action=audit.Action.INVITATION_REVOKED,
        obj=invitation,
        params={"email": invitation.email},
    )


@transaction.atomic
def membership_remove(*, membership: Membership, removed_by: User) -> None:
    if membership.user_id == removed_by.pk:
        raise InvitationError("You cannot remove your own membership.")
    audit.record(
        organisation=membership.organisation,
        actor=removed_by,
        action=audit.Action.MEMBERSHIP_REMOVED,
        subject=membership.user,
        params={"role": membership.role},
    )
    membership.delete()
    disable_if_no_roles_left(membership.user)


def disable_if_no_roles_left(user: User) -> bool:
    """An account no organisation has a role for any more cannot sign in (a role in any organisation keeps it)."""
    if user.is_superuser or Membership.objects.filter(user=user).exists():
        return False
    user.is_active = False
    user.save(update_fields=["is_active"])
    return True


@transaction.atomic
def organisation_update(*, organisation: Organisation, changed_by: User, changed: list[str]) -> None:
    """Save the organisation's settings; a change of the retention term is an act that matters."""
    organisation.full_clean()
    organisation.save()
    if changed:
        audit.record(
            organisation=organisation,
            actor=changed_by,
            action=audit.Action.SETTINGS_CHANGED,
            obj=organisation,
            params={"fields": list(changed), "years": organisation.retention_years},
        )
