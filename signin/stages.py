from allauth.mfa.stages import AuthenticateStage

from signin.session import method_of


class PasswordSignInAuthenticateStage(AuthenticateStage):
    """Ask for the second factor after a password only: a sign-in through the
    organisation's identity provider is that provider's responsibility."""

    def _should_handle(self, request):
        if method_of(request) == "sso":
            return False
        return super()._should_handle(request)
