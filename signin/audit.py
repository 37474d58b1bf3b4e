"""The audit trail's acts of sign-in: sign-ins, refusals, linked identities, sign-in settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations import audit


class SigninAction(models.TextChoices):
    SIGNED_IN = "signin.signed_in", _("Signed in")
    SIGN_IN_FAILED = "signin.failed", _("Sign-in through the identity provider refused")
    IDENTITY_LINKED = "signin.identity_linked", _("Identity provider account linked")
    SIGN_IN_SETTINGS_CHANGED = "signin.settings_changed", _("Sign-in settings changed")
    TWO_FACTOR_CHANGED = "signin.two_factor_changed", _("Two-factor authentication changed")


audit.register_actions(
    SigninAction,
    summaries={
        f"{audit.Action.MEMBERSHIP_ADDED}:automatic": _("%(role)s (automatically, through %(provider)s)"),
        f"{SigninAction.SIGNED_IN}:password": _("with a password"),
        f"{SigninAction.SIGNED_IN}:password_mfa": _("with a password and a second factor"),
        f"{SigninAction.SIGNED_IN}:sso": _("through single sign-on (%(provider)s)"),
        SigninAction.SIGN_IN_FAILED: _("%(code)s (%(email)s)"),
        SigninAction.IDENTITY_LINKED: _("%(provider)s: %(uid)s"),
        f"{SigninAction.SIGN_IN_SETTINGS_CHANGED}:sign_in": _("changed: %(fields)s"),
        f"{SigninAction.TWO_FACTOR_CHANGED}:added": _("%(factor)s added"),
        f"{SigninAction.TWO_FACTOR_CHANGED}:removed": _("%(factor)s removed"),
    },
)
