"""Sign-in details shared by the login view and the throttle (django-axes)."""

from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from organisations.safe_text import SafeTextMixin


def throttle_username(request, credentials=None) -> str:
    """The account a sign-in attempt counts against: the e-mail address, stripped and case-folded."""
    source = credentials if credentials else getattr(request, "POST", {})
    return str(source.get("username") or "").strip().casefold()


class SignInForm(SafeTextMixin, AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Enter a correct e-mail address and password. The e-mail address is not case-sensitive; the password is."
        ),
    }
