from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from organisations.safe_text import SafeModelForm, SafeTextMixin
from signin.models import OrganisationSignIn


class SignInForm(SafeTextMixin, AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Enter a correct e-mail address and password. The e-mail address is not case-sensitive; the password is."
        ),
    }


class SignInSettingsForm(SafeModelForm):
    """HR's form for the organisation's identity provider and second-factor rule.

    The client secret is never shown again; leaving it empty keeps the stored one
    (an operator may set it in the admin instead)."""

    provider_name = forms.CharField(label=_("name of the provider on the sign-in page"), max_length=40, required=False)
    issuer = forms.URLField(
        label=_("issuer (OpenID Connect)"),
        required=False,
        assume_scheme="https",
        help_text=_(
            "For Microsoft Entra ID: https://login.microsoftonline.com/TENANT-ID/v2.0 with your directory (tenant) ID."
        ),
    )
    client_id = forms.CharField(label=_("client id (application id)"), max_length=191, required=False)
    client_secret = forms.CharField(
        label=_("client secret"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Leave empty to keep the secret that is stored."),
    )

    saml_entity_id = forms.CharField(
        label=_("identity provider entity ID (SAML)"),
        max_length=300,
        required=False,
        help_text=_("For ADFS: http://adfs.example.nl/adfs/services/trust"),
    )
    saml_metadata_url = forms.URLField(
        label=_("metadata address (SAML)"),
        required=False,
        assume_scheme="https",
        help_text=_("For ADFS: https://adfs.example.nl/FederationMetadata/2007-06/FederationMetadata.xml"),
    )

    class Meta:
        model = OrganisationSignIn
        fields = [
            "protocol",
            "email_domains",
            "trust_domain_addresses",
            "auto_membership",
            "auto_membership_role",
            "require_two_factor",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        app = self.instance.social_app
        if app is not None:
            self.fields["provider_name"].initial = app.name
            self.fields["issuer"].initial = app.settings.get("server_url", "")
            if app.provider == OrganisationSignIn.Protocol.SAML:
                idp = app.settings.get("idp", {})
                self.fields["saml_entity_id"].initial = idp.get("entity_id", "")
                self.fields["saml_metadata_url"].initial = idp.get("metadata_url", "")
            else:
                self.fields["client_id"].initial = app.client_id
        self.order_fields(
            ["protocol", "provider_name", "issuer", "client_id", "client_secret", "saml_entity_id", "saml_metadata_url"]
        )

    def clean_issuer(self):
        issuer = self.cleaned_data["issuer"]
        if issuer and not issuer.startswith("https://") and not (settings.DEBUG or _is_loopback(issuer)):
            raise forms.ValidationError(_("The issuer must be an https:// address."))
        return issuer

    def clean_saml_metadata_url(self):
        url = self.cleaned_data["saml_metadata_url"]
        if url and not url.startswith("https://") and not (settings.DEBUG or _is_loopback(url)):
            raise forms.ValidationError(_("The metadata address must be an https:// address."))
        return url

    def clean_email_domains(self):
        domains = [d.strip().lower().lstrip("@") for d in self.cleaned_data["email_domains"].split(",") if d.strip()]
        for domain in domains:
            if "." not in domain or " " in domain or "@" in domain:
                raise forms.ValidationError(_("“%(domain)s” is not a domain name.") % {"domain": domain})
        for other in OrganisationSignIn.objects.exclude(pk=self.instance.pk).exclude(protocol=""):
            clash = set(other.domains) & set(domains)
            if clash:
                raise forms.ValidationError(
                    _("%(domain)s already signs in through another organisation.") % {"domain": ", ".join(clash)}
                )
        return ", ".join(domains)

    def clean(self):
        data = super().clean()
        if data.get("protocol") == OrganisationSignIn.Protocol.SAML:
            for name in ("saml_entity_id", "saml_metadata_url"):
                if not data.get(name):
                    self.add_error(name, _("Needed for single sign-on."))
            if not data.get("email_domains"):
                self.add_error("email_domains", _("Needed for single sign-on: which addresses go to the provider."))
        elif data.get("protocol"):
            for name in ("issuer", "client_id"):
                if not data.get(name):
                    self.add_error(name, _("Needed for single sign-on."))
            if not data.get("email_domains"):
                self.add_error("email_domains", _("Needed for single sign-on: which addresses go to the provider."))
            has_secret = self.instance.social_app is not None and self.instance.social_app.secret
            if not data.get("client_secret") and not has_secret:
                self.add_error("client_secret", _("Needed for single sign-on."))
        return data


def _is_loopback(url: str) -> bool:
    return url.startswith(("http://127.0.0.1", "http://localhost"))
