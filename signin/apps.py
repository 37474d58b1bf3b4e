from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SigninConfig(AppConfig):
    name = "signin"
    verbose_name = _("Sign-in")

    def ready(self):
        from allauth.mfa.models import Authenticator

        from organisations import audit
        from signin import permissions, receivers  # noqa: F401  (rules for the privacy page, audit receivers)
        from signin.failures import REASONS

        audit.register_labels(factor=Authenticator.Type, code={code: r.title for code, r in REASONS.items()})
