"""The position profile's forms: the work and the vacancy's details, and the competency table of step 1."""

from django import forms
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation
from organisations.safe_text import SafeModelForm
from programmes.forms import competencies_of_programme
from programmes.forms_competency_table import CompetencyRowsForm
from programmes.models import PositionProfile, Programme, WorkProfile

TEXT_FIELDS = ["tasks", "assignment", "end_result", "work_needed", "independence"]


class PositionProfileForm(SafeModelForm):
    class Meta:
        model = PositionProfile
        fields = ["title", "cohort", "employer", "kind", *TEXT_FIELDS]
        widgets = {
            "kind": forms.RadioSelect,
            **{name: forms.Textarea(attrs={"rows": 3}) for name in TEXT_FIELDS},
        }

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.programme = programme
        self.instance.organisation_id = programme.owner_id
        self.fields["cohort"].queryset = programme.cohorts.all()
        if programme.partners.exists():
            self.fields["employer"].queryset = Organisation.objects.filter(pk__in=programme.organisation_ids())
        else:
            # One employer: the placement is the programme's own organisation, nothing to choose.
            del self.fields["employer"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == WorkProfile.Kind.TASKS and not cleaned.get("tasks", "").strip():
            self.add_error("tasks", _("Describe the tasks the trainee will do."))
        if cleaned.get("kind") == WorkProfile.Kind.ASSIGNMENT:
            if not cleaned.get("assignment", "").strip():
                self.add_error("assignment", _("Describe the assignment."))
            if not cleaned.get("end_result", "").strip():
                self.add_error("end_result", _("Name the concrete end result of the assignment."))
        return cleaned

    def profile_values(self) -> dict:
        """The cleaned values of the profile's own fields, for ``services_position_profiles``."""
        return {name: self.cleaned_data[name] for name in self._meta.fields if name in self.fields}


class PositionCompetencyTableForm(CompetencyRowsForm):
    """The traineeship's competency table, for a profile that has no traineeship yet; its ``chosen()``
    rows are saved by ``services_position_profiles``."""

    def __init__(self, *args, programme: Programme, profile: PositionProfile | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        chosen = profile.competencies.all() if profile is not None and profile.pk else []
        self._add_rows(competencies_of_programme(programme), chosen)
