"""Forms of group activities: the session planned for the cohort, and attendance per trainee."""

from django import forms
from django.utils.translation import gettext_lazy as _

from competencies.models import Competency, LearningActivity
from organisations.models import Role, User
from organisations.safe_text import SafeForm, SafeModelForm
from programmes.models import Attendance, Cohort, DevelopmentDay

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class GroupActivityForm(SafeModelForm):
    class Meta:
        model = DevelopmentDay
        fields = [
            "topic",
            "kind",
            "date",
            "start_time",
            "end_time",
            "place",
            "hours",
            "learning_activity",
            "competencies",
            "organiser",
        ]
        widgets = {"date": DATE, "start_time": TIME, "end_time": TIME, "competencies": forms.CheckboxSelectMultiple}

    def __init__(self, *args, cohort: Cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.cohort = cohort
        programme = cohort.programme
        organisations = programme.organisation_ids()
        self.fields["learning_activity"].queryset = LearningActivity.objects.filter(
            organisation_id__in=organisations, is_active=True
        ).order_by("title")
        self.fields["learning_activity"].help_text = _("The activity of the inventory this session is part of.")
        self.fields["competencies"].queryset = (
            Competency.objects.filter(framework_id=programme.framework_id).order_by("position", "code")
            if programme.framework_id
            else Competency.objects.none()
        )
        self.fields["competencies"].required = False
        self.fields["organiser"].queryset = (
            User.objects.filter(
                memberships__organisation_id__in=organisations,
                memberships__role__in=[Role.HR, Role.MANAGER, Role.MENTOR, Role.COORDINATOR],
            )
            .distinct()
            .order_by("name")
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The end time must be after the start time."))
        return cleaned


class AttendanceForm(SafeForm):
    """One choice per trainee of the cohort: present, absent with notice, absent, or not registered."""

    def __init__(self, *args, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.participants = list(participants)
        choices = [("", _("Not registered"))] + list(Attendance.choices)
        for traineeship in self.participants:
            self.fields[f"t{traineeship.pk}"] = forms.ChoiceField(
                label=traineeship.trainee.name,
                choices=choices,
                required=False,
                initial=traineeship.attendance or "",
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
            )

    def rows(self):
        return [(traineeship, self[f"t{traineeship.pk}"]) for traineeship in self.participants]

    def statuses(self) -> dict:
        return {t: self.cleaned_data[f"t{t.pk}"] for t in self.participants}
