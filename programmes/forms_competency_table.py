"""Step 1's competencies chosen in one table: a purpose and a level per competency, one submission."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from competencies.models import CompetencyLevel
from programmes.forms import competencies_for
from programmes.models import ProfileCompetency, Traineeship


class CompetencyRowsForm(forms.Form):
    """The table's rows and what was chosen in them; subclasses say where the rows come from and go."""

    def _add_rows(self, competencies, chosen_rows) -> None:
        """One purpose and one level per competency; ``chosen_rows`` (with ``competency_id``, ``purpose``,
        ``target_level``) give the initial values. Shared with the position profile's table."""
        chosen = {row.competency_id: row for row in chosen_rows}
        self.rows = []
        for competency in competencies.order_by("position", "code"):
            row = chosen.get(competency.pk)
            purpose = forms.ChoiceField(
                label=_("Purpose of %(competency)s") % {"competency": competency},
                choices=[("", _("Not in the profile")), *ProfileCompetency.Purpose.choices],
                required=False,
                initial=row.purpose if row else "",
            )
            level = forms.ChoiceField(
                label=_("Level aimed for of %(competency)s") % {"competency": competency},
                choices=CompetencyLevel.choices,
                required=False,
                initial=row.target_level if row else CompetencyLevel.STARTBEKWAAM,
            )
            self.fields[f"purpose_{competency.pk}"] = purpose
            self.fields[f"level_{competency.pk}"] = level
            self.rows.append(
                {
                    "competency": competency,
                    "purpose": self[f"purpose_{competency.pk}"],
                    "level": self[f"level_{competency.pk}"],
                }
            )

    def chosen(self) -> list[tuple]:
        """The cleaned rows in the profile: ``(competency, purpose, level)``."""
        return [
            (
                row["competency"],
                self.cleaned_data[f"purpose_{row['competency'].pk}"],
                self.cleaned_data[f"level_{row['competency'].pk}"] or CompetencyLevel.STARTBEKWAAM,
            )
            for row in self.rows
            if self.cleaned_data[f"purpose_{row['competency'].pk}"]
        ]


class CompetencyTableForm(CompetencyRowsForm):
    """A traineeship's competencies (step 1)."""

    def __init__(self, *args, traineeship: Traineeship, **kwargs):
        super().__init__(*args, **kwargs)
        self.traineeship = traineeship
        self._add_rows(competencies_for(traineeship), traineeship.profile_competencies.all())

    @transaction.atomic
    def save(self) -> int:
        """Bring the profile in line with the table; returns the number of competencies in it."""
        kept = 0
        for row in self.rows:
            competency = row["competency"]
            purpose = self.cleaned_data[f"purpose_{competency.pk}"]
            if not purpose:
                ProfileCompetency.objects.filter(traineeship=self.traineeship, competency=competency).delete()
                continue
            ProfileCompetency.objects.update_or_create(
                traineeship=self.traineeship,
                competency=competency,
                defaults={
                    "purpose": purpose,
                    "target_level": self.cleaned_data[f"level_{competency.pk}"] or CompetencyLevel.STARTBEKWAAM,
                },
            )
            kept += 1
        return kept
