"""Why a sign-in through an identity provider was refused, in words people understand.

Every refusal renders the same page (``signin/failed.html``) with the reason and
what to do, creates nothing, and leaves an entry in the organisation's audit trail.
"""

from dataclasses import dataclass

import jwt
from django.shortcuts import render
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from requests import RequestException

from organisations import audit
from signin.audit import SigninAction


@dataclass(frozen=True)
class Reason:
    code: str
    title: Promise
    advice: Promise


REASONS = {
    reason.code: reason
    for reason in [
        Reason(
            "unreachable",
            _("Your organisation's sign-in service could not be reached"),
            _(
                "The address of the identity provider does not answer or is not an OpenID Connect issuer. "
                "Try again later; if it keeps happening, tell your HR department."
            ),
        ),
        Reason(
            "state",
            _("This sign-in link is not valid (any more)"),
            _(
                "The answer from the identity provider does not belong to a sign-in started in this browser: "
                "it was used before or did not come from here. Start again from the sign-in page."
            ),
        ),
        Reason(
            "expired",
            _("The identity provider's confirmation has expired"),
            _("Start again from the sign-in page. If it keeps happening, the clock of one of the servers may be off."),
        ),
        Reason(
            "token",
            _("The identity provider's confirmation could not be trusted"),
            _(
                "The confirmation was not signed correctly, was meant for another application or came from "
                "another issuer. Nothing was changed. Tell your HR department so they can check the settings."
            ),
        ),
        Reason(
            "cancelled",
            _("Sign-in was cancelled"),
            _("You stopped signing in at the identity provider. Start again from the sign-in page."),
        ),
        Reason(
            "unverified_email",
            _("The identity provider did not confirm your e-mail address"),
            _("Ask your IT department to confirm the e-mail address of your account, then try again."),
        ),
        Reason(
            "unknown_person",
            _("You have no place in this organisation yet"),
            _(
                "Only people invited by the organisation can sign in this way. Ask your HR department for an "
                "invitation to the e-mail address you use at work."
            ),
        ),
        Reason(
            "disabled",
            _("Your account has been switched off"),
            _("Ask your HR department if you think this is a mistake."),
        ),
        Reason(
            "failed",
            _("Signing in through your organisation did not work"),
            _("Start again from the sign-in page. If it keeps happening, tell your HR department."),
        ),
    ]
}


def reason_for_exception(exception, *, state_missing: bool) -> str:
    """Map what allauth caught to one of ``REASONS``."""
    if state_missing and exception is None:
        return "state"
    if isinstance(exception, RequestException):
        return "unreachable"
    cause = getattr(exception, "__cause__", None)
    if isinstance(cause, jwt.ExpiredSignatureError):
        return "expired"
    if isinstance(cause, jwt.PyJWTError):
        return "token"
    if isinstance(exception, ValueError | KeyError):
        # A discovery document without the expected endpoints: not an issuer.
        return "unreachable"
    return "failed"


def reason_for_saml_error(reason: str) -> str:
    """Map python3-saml's last error reason to one of ``REASONS``."""
    text = reason.lower()
    if "expired" in text or "notonorafter" in text or "no longer valid" in text:
        return "expired"
    if "signature" in text or "audience" in text or "issuer" in text or "destination" in text:
        return "token"
    return "failed"


def refuse(request, *, code: str, sign_in=None, email: str = "", detail: str = "", status: int = 403):
    """Render the refusal page and write the audit entry; changes nothing else."""
    reason = REASONS.get(code, REASONS["failed"])
    if sign_in is not None:
        audit.record(
            organisation=sign_in.organisation,
            actor=None,
            action=SigninAction.SIGN_IN_FAILED,
            params={"code": code, "email": email or "-", "detail": detail},
        )
    return render(request, "signin/failed.html", {"reason": reason, "code": code}, status=status)
