"""Changes to a person's second factors go into the audit trail of their organisations."""

from allauth.mfa import signals
from django.dispatch import receiver

from organisations import audit
from organisations.models import Organisation
from signin.audit import SigninAction


def _record(request, authenticator, what: str) -> None:
    user = authenticator.user
    for organisation in Organisation.objects.filter(memberships__user=user).distinct():
        audit.record(
            organisation=organisation,
            actor=user,
            action=SigninAction.TWO_FACTOR_CHANGED,
            subject=user,
            params={"variant": what, "factor": authenticator.type},
        )


@receiver(signals.authenticator_added)
def authenticator_added(sender, request, user, authenticator, **kwargs):
    _record(request, authenticator, "added")


@receiver(signals.authenticator_removed)
def authenticator_removed(sender, request, user, authenticator, **kwargs):
    _record(request, authenticator, "removed")


@receiver(signals.authenticator_reset)
def authenticator_reset(sender, request, user, authenticator, **kwargs):
    _record(request, authenticator, "reset")
