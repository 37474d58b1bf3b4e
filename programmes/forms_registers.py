"""Forms for professional registers: HR edits a register's numbers, the trainee records a registration."""

from django import forms
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programmes.forms import DATE
from programmes.models import Register, RegisterCategory, RegisterPreset, Registration


class RegisterPresetForm(forms.Form):
    preset = forms.ChoiceField(
        label=_("Start from"),
        choices=[(value, label) for value, label in RegisterPreset.choices if value != RegisterPreset.OWN],
    )


class RegisterForm(forms.ModelForm):
    class Meta:
        model = Register
        fields = ["name", "period_years", "where_to_check"]

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation

    def clean_name(self):
        # The form leaves the organisation out, so Django would skip the unique constraint.
        name = self.cleaned_data["name"]
        others = Register.objects.filter(organisation=self.instance.organisation, name=name)
        if others.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Your organisation already has a register with this name."))
        return name


CategoryFormSet = inlineformset_factory(
    Register,
    RegisterCategory,
    fields=["name", "kind", "unit", "required", "cap", "face_to_face_only", "position"],
    extra=1,
    can_delete=True,
)


class RegistrationForm(forms.ModelForm):
    class Meta:
        model = Registration
        fields = ["register", "number", "registered_on"]
        widgets = {"registered_on": DATE}
        help_texts = {
            "number": _("As the register gives it (SKJ number; at Registerplein it starts with 4610)."),
            "registered_on": _("The start of your current registration period."),
        }

    def __init__(self, *args, traineeship, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.traineeship = traineeship
        self.fields["register"].queryset = Register.objects.filter(organisation=traineeship.programme.owner)
        self.fields["register"].empty_label = _("Choose a register…")

    def clean_registered_on(self):
        value = self.cleaned_data["registered_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The registration date cannot be in the future."))
        return value
