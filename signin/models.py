"""How the people of one organisation sign in: its identity provider and whether
roles that read personal data must use a second factor."""

from allauth.socialaccount.models import SocialApp
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation, Role

# Roles that read other people's personal data; an organisation may require a
# second factor for them.
TWO_FACTOR_ROLES = [Role.HR, Role.MANAGER, Role.MENTOR, Role.COORDINATOR, Role.COACH]


class OrganisationSignInQuerySet(models.QuerySet):
    def with_provider(self):
        return self.exclude(protocol="").filter(social_app__isnull=False).select_related("social_app", "organisation")

    def for_email(self, email: str):
        """The configuration whose e-mail domains include ``email``'s domain, or None."""
        domain = email.rpartition("@")[2].strip().lower()
        if not domain:
            return None
        for config in self.with_provider().filter(email_domains__icontains=domain):
            if domain in config.domains:
                return config
        return None


class OrganisationSignIn(models.Model):
    class Protocol(models.TextChoices):
        NONE = "", _("E-mail address and password only")
        OPENID_CONNECT = "openid_connect", _("OpenID Connect (for example Microsoft Entra ID)")
        SAML = "saml", _("SAML 2.0 (for example ADFS)")

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="sign_in", verbose_name=_("organisation")
    )
    protocol = models.CharField(_("single sign-on"), max_length=20, choices=Protocol.choices, blank=True)
    # The provider's own settings (issuer, client id, secret) live in allauth's SocialApp.
    social_app = models.OneToOneField(
        SocialApp, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("provider")
    )
    email_domains = models.CharField(
        _("e-mail domains"),
        max_length=500,
        blank=True,
        help_text=_("The domains of your staff's e-mail addresses, separated by commas, e.g. zonnedal.nl."),
    )
    trust_domain_addresses = models.BooleanField(
        _("the provider manages these domains: treat their addresses as confirmed"),
        default=False,
        help_text=_(
            "For Microsoft Entra ID, which does not send email_verified: addresses in your own domains count as "
            "confirmed. Leave off for providers where people choose their own address."
        ),
    )
    auto_membership = models.BooleanField(
        _("give people of these domains a role automatically"),
        default=False,
        help_text=_("Off: only people you invited can sign in through the provider."),
    )
    auto_membership_role = models.CharField(
        _("role for automatic membership"), max_length=20, choices=Role.choices, default=Role.TRAINEE
    )
    require_two_factor = models.BooleanField(
        _("require two-factor authentication for HR, managers, mentors and coordinators"),
        default=False,
        help_text=_("Applies to sign-in with a password; sign-in through your provider follows its own rules."),
    )

    objects = OrganisationSignInQuerySet.as_manager()

    class Meta:
        verbose_name = _("sign-in settings")
        verbose_name_plural = _("sign-in settings")

    def __str__(self):
        return str(self.organisation)

    @property
    def domains(self) -> list[str]:
        return [d.strip().lower().lstrip("@") for d in self.email_domains.split(",") if d.strip()]

    @property
    def provider_id(self) -> str:
        return f"org-{self.organisation.slug}"
