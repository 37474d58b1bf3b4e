from django import forms
from django.utils.translation import gettext_lazy as _

from coaching.models import CoachingSession, SessionMode
from organisations.models import Membership, Role, User
from organisations.safe_text import SafeForm, SafeModelForm

FACTS_NOT_DIAGNOSES = _("Only you and your coach or trainee read these. Facts and agreements, no health details.")


def coach_candidates(traineeship):
    """The people with the coach role in the organisation running the programme (not the trainee)."""
    coaches = Membership.objects.filter(organisation=traineeship.programme.owner, role=Role.COACH).values("user")
    return User.objects.filter(pk__in=coaches, is_active=True).exclude(pk=traineeship.trainee_id).order_by("name")


class CoachChoiceForm(SafeForm):
    coach = forms.ModelChoiceField(
        queryset=User.objects.none(),
        label=_("Coach"),
        help_text=_("People with the coach role in your organisation. Invite an outside coach below."),
    )

    def __init__(self, *args, traineeship, **kwargs):
        super().__init__(*args, prefix="choose", **kwargs)
        self.fields["coach"].queryset = coach_candidates(traineeship)
        self.fields["coach"].empty_label = _("Choose a coach")


class CoachProposalForm(CoachChoiceForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coach"].help_text = _("HR confirms your proposal before the coach sees anything.")


class CoachInviteForm(SafeForm):
    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_(
            "The coach gets an invitation link; their account sees only the traineeships they coach, "
            "and of those only what the trainee shares."
        ),
    )

    def __init__(self, *args, traineeship, **kwargs):
        super().__init__(*args, prefix="invite", **kwargs)
        self.traineeship = traineeship

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if email == self.traineeship.trainee.email.lower():
            raise forms.ValidationError(_("The trainee cannot be their own coach."))
        return email


class SessionForm(SafeModelForm):
    class Meta:
        model = CoachingSession
        fields = ["date", "start_time", "duration_minutes", "mode", "location", "notes"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "mode": forms.RadioSelect,
            "notes": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {"notes": FACTS_NOT_DIAGNOSES}

    def clean(self):
        data = super().clean()
        if data.get("mode") == SessionMode.IN_PERSON and not data.get("location"):
            self.add_error("location", _("Say where you meet."))
        return data


class SessionNotesForm(SafeModelForm):
    class Meta:
        model = CoachingSession
        fields = ["notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"notes": FACTS_NOT_DIAGNOSES}
