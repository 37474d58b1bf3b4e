"""Send a person whose organisation requires two-factor authentication to set it up."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from signin.session import SETUP_REQUIRED, has_second_factor

# Paths a person may still use before their second factor is set up.
ALLOWED_PREFIXES = ("/accounts/2fa/", "/accounts/logout/", "/accounts/reauthenticate/", "/i18n/", "/static/")


class TwoFactorSetupMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and request.session.get(SETUP_REQUIRED):
            if has_second_factor(request.user):
                del request.session[SETUP_REQUIRED]
            elif not request.path.startswith(ALLOWED_PREFIXES):
                messages.warning(
                    request,
                    _(
                        "Your organisation requires two-factor authentication for your role. "
                        "Set up an authenticator app or a security key to continue."
                    ),
                )
                return redirect(reverse("mfa_index"))
        return self.get_response(request)
