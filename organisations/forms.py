from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import PasswordResetForm
from django.core.files.uploadedfile import UploadedFile
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from organisations import branding, mail
from organisations.models import Invitation, Membership, Organisation, Role, User
from organisations.safe_text import SafeForm, SafeModelForm, SafeTextMixin


class InvitationForm(SafeModelForm):
    class Meta:
        model = Invitation
        fields = ["name", "email", "role"]
        help_texts = {"email": _("The invitation link is sent to this address and is valid for two weeks.")}

    def __init__(self, *args, organisation, **kwargs):
        self.organisation = organisation
        super().__init__(*args, **kwargs)
        # No role is preselected: HR adviser as a default gave trainees HR rights by one careless click.
        self.fields["role"].choices = [("", _("Choose a role"))] + list(Role.choices)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        role = self.data.get(self.add_prefix("role"))
        if (
            role
            and Membership.objects.filter(user__email__iexact=email, organisation=self.organisation, role=role).exists()
        ):
            raise forms.ValidationError(_("This person already has this role in your organisation."))
        return email


class AcceptInvitationForm(SafeForm):
    name = forms.CharField(label=_("Your name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords differ."))
        elif password1:
            try:
                password_validation.validate_password(password1, User(email=self.email, name=cleaned.get("name", "")))
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ProfileForm(SafeModelForm):
    class Meta:
        model = User
        fields = ["name", "language"]
        help_texts = {"language": _("E-mails and reminders reach you in this language.")}


class OrganisationSettingsForm(SafeModelForm):
    RETENTION_PRESETS = [
        (2, _("Two years after leaving (generally seen as reasonable)")),
        (5, _("Five years (municipal selection list for appraisal records)")),
    ]

    class Meta:
        model = Organisation
        fields = ["name", "kind", "retention_years", "privacy_contact", "logo", "accent_colour"]
        widgets = {"accent_colour": forms.TextInput(attrs={"type": "color"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accent_colour"].required = False  # empty keeps the default colour
        # A colour input takes no maxlength (HTML); the value is checked in ``clean_accent_colour``.
        self.fields["accent_colour"].widget.attrs.pop("maxlength", None)

    def clean_accent_colour(self):
        return branding.check_accent(self.cleaned_data["accent_colour"] or branding.DEFAULT_ACCENT)

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if isinstance(logo, UploadedFile):
            extension = branding.check_logo(logo)
            logo.name = f"logo.{extension}"
        return logo


class QueuedPasswordResetForm(SafeTextMixin, PasswordResetForm):
    """Django's reset form, but the mail is queued for the worker in the person's language.

    The request then takes as long for an unknown address as for a known one.
    """

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        user = context["user"]
        membership = user.memberships.select_related("organisation").first()
        with translation.override(user.language):
            subject = render_to_string(subject_template_name, context)
            body = render_to_string(email_template_name, context)
        mail.queue(
            to=to_email, subject=subject, body=body, organisation=membership.organisation if membership else None
        )
