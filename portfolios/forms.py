"""Forms of the portfolio: every choice narrowed to the traineeship's own data."""

from django import forms
from django.utils.translation import gettext_lazy as _

from competencies.models import Competency
from goals.models import LearningGoal
from organisations.safe_text import SafeForm, SafeModelForm
from portfolios.models import Evidence, FeedbackRequest, FinalEvaluation, RatingLevel, Reflection, SelfEvaluation
from portfolios.uploads import MAX_UPLOAD_BYTES
from programmes.models import DevelopmentActivity, RegisterCategory, Registration


def date_input():
    """A browser date picker; its value must be ISO whatever the language."""
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


STALE_MESSAGE = _(
    "Someone else saved this in the meantime. Reload the page to see their changes, then make yours again."
)
CHANGED_BEFORE_APPROVAL = _(
    "The learning goal changed after you opened this page. Nothing is approved: read the goal as it is now, "
    "then approve it again if you agree."
)


class CompetencyChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} {obj.name}"


class VersionedForm(SafeModelForm):
    """Posts back the version it was opened at (optimistic locking)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["version"] = self.instance.version

    def add_stale_error(self, message=STALE_MESSAGE, *, current_version: int | None = None):
        """Say why nothing was saved; with ``current_version`` the next post acts on the text now shown."""
        self.add_error(None, message)
        if current_version is not None:
            self.data = self.data.copy()
            self.data["version"] = current_version


class SelfEvaluationForm(SafeModelForm):
    class Meta:
        model = SelfEvaluation
        fields = SelfEvaluation.QUESTIONS
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in SelfEvaluation.QUESTIONS}

    def __init__(self, *args, competencies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.competencies = list(competencies)
        current = {}
        if self.instance.pk:
            current = {r.competency_id: r.level for r in self.instance.ratings.all()}
        for competency in self.competencies:
            self.fields[f"rating_{competency.pk}"] = forms.TypedChoiceField(
                label=f"{competency.code} {competency.name}",
                choices=[("", "—"), *RatingLevel.choices],
                coerce=int,
                initial=current.get(competency.pk),
                help_text=_("How good are you at this now?"),
            )

    def ratings(self) -> dict[int, int]:
        return {c.pk: self.cleaned_data[f"rating_{c.pk}"] for c in self.competencies}

    def rating_fields(self):
        return [self[f"rating_{c.pk}"] for c in self.competencies]

    def question_fields(self):
        return [self[name] for name in SelfEvaluation.QUESTIONS]


class GoalForm(VersionedForm):
    competencies = CompetencyChoiceField(
        queryset=Competency.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("competencies"),
    )

    class Meta:
        model = LearningGoal
        # The status moves only through ``portfolios.goal_states``, never through this form.
        fields = ["title", "measure", "deadline", "competencies", "talents"]
        widgets = {"deadline": date_input(), "measure": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, competencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competencies"].queryset = competencies
        self.fields["measure"].required = True
        self.fields["deadline"].required = True
        if not self.instance.pk:
            del self.fields["version"]

    def goal_fields(self) -> dict:
        return {
            name: self.cleaned_data[name] for name in self.Meta.fields if name in self.fields and name != "competencies"
        }


class GoalApproveForm(VersionedForm):
    scope = forms.ChoiceField(label=_("kind of goal"), choices=LearningGoal.Scope.choices, widget=forms.RadioSelect)

    class Meta:
        model = LearningGoal
        fields = []


class GoalMoveForm(SafeForm):
    """A move of the goal's status (see ``portfolios.goal_states``), from the version shown."""

    move = forms.CharField(max_length=20)
    version = forms.IntegerField(min_value=1)


class GoalProgressForm(SafeForm):
    progress = forms.IntegerField(label=_("progress (%)"), min_value=0, max_value=100)
    note = forms.CharField(
        label=_("note"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
        help_text=_("Write down facts and agreements, not diagnoses or health details."),
    )


REGISTER_FIELDS = [
    "register_category",
    "reflection_form",
    "register_points",
    "face_to_face_hours",
    "provider",
    "accreditation_number",
]


class ActivityForm(SafeModelForm):
    competencies = CompetencyChoiceField(
        queryset=Competency.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("competencies"),
    )

    class Meta:
        model = DevelopmentActivity
        fields = [
            "title",
            "kind",
            "category",
            "description",
            "competencies",
            "status",
            "planned_date",
            "completed_on",
            "hours",
            *REGISTER_FIELDS,
        ]
        widgets = {
            "planned_date": date_input(),
            "completed_on": date_input(),
            "description": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "register_category": _("Where it counts in your professional register (SKJ, Registerplein)."),
            "register_points": _("The points on the certificate; without points, each hour counts as one."),
        }

    def __init__(self, *args, competencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competencies"].queryset = competencies
        registration = Registration.objects.filter(traineeship=self.instance.traineeship_id).first()
        if registration is None:
            for name in REGISTER_FIELDS:  # nothing to count towards: keep the form short
                del self.fields[name]
        else:
            self.fields["register_category"].queryset = RegisterCategory.objects.filter(
                register=registration.register_id
            )
        if self.instance.pk and self.instance.learning_activity_id:
            # An activity from the inventory keeps its description; the trainee records progress.
            for name in ["title", "kind", "category", "description"]:
                self.fields[name].disabled = True


class EvidenceForm(SafeModelForm):
    upload = forms.FileField(
        label=_("file"),
        required=False,
        help_text=_("PDF, PNG, JPEG, Word (.docx) or OpenDocument (.odt), at most %(size)s MB.")
        % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)},
    )
    goals = forms.ModelMultipleChoiceField(
        queryset=LearningGoal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("learning goals"),
    )
    competencies = CompetencyChoiceField(
        queryset=Competency.objects.none(), required=False, widget=forms.CheckboxSelectMultiple, label=_("competencies")
    )

    class Meta:
        model = Evidence
        fields = ["title", "description", "upload", "url", "goals", "competencies", "development_activity"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"url": _("For a vlog or another page online.")}

    def __init__(self, *args, traineeship, competencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = LearningGoal.objects.filter(traineeship=traineeship)
        self.fields["competencies"].queryset = competencies
        self.fields["development_activity"].queryset = DevelopmentActivity.objects.filter(traineeship=traineeship)

    def clean(self):
        cleaned = super().clean()
        upload, url = cleaned.get("upload"), cleaned.get("url")
        if upload and url:
            self.add_error("url", _("Give a file or a link, not both."))
        elif not upload and not url and not self.errors:
            self.add_error("upload", _("Add a file or a link."))
        if not cleaned.get("goals") and not cleaned.get("competencies") and not self.errors:
            self.add_error("goals", _("Link the evidence to at least one learning goal or competency."))
        return cleaned

    def evidence_fields(self) -> dict:
        return {
            "title": self.cleaned_data["title"],
            "description": self.cleaned_data["description"],
            "url": self.cleaned_data["url"],
            "development_activity": self.cleaned_data["development_activity"],
        }


# Minimisation (AVG): free text holds facts and agreements, never health data or diagnoses.
FACTS_NOT_DIAGNOSES = _("Write down facts and agreements, not diagnoses or health details.")


class ReflectionForm(SafeModelForm):
    class Meta:
        model = Reflection
        fields = ["written_on", "text", "shared_with_mentor", "shared_with_coach"]
        widgets = {"written_on": date_input(), "text": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "text": FACTS_NOT_DIAGNOSES,
            "shared_with_mentor": _("Nobody else reads your reflections."),
            "shared_with_coach": _("Your independent coach, if you have one, reads only what you share."),
        }


class FeedbackRequestForm(SafeModelForm):
    competencies = CompetencyChoiceField(
        queryset=Competency.objects.none(), widget=forms.CheckboxSelectMultiple, label=_("competencies to ask about")
    )

    class Meta:
        model = FeedbackRequest
        fields = ["colleague_name", "colleague_email", "competencies", "question"]
        widgets = {"question": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, competencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competencies"].queryset = competencies


class FeedbackGiveForm(SafeForm):
    free_text = forms.CharField(
        label=_("anything else you want to say"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )
    anonymous = forms.BooleanField(label=_("don't show my name to the trainee"), required=False)

    def __init__(self, *args, competencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.competencies = list(competencies)
        for competency in self.competencies:
            self.fields[f"answer_{competency.pk}"] = forms.CharField(
                label=f"{competency.code} {competency.name}",
                widget=forms.Textarea(attrs={"rows": 3}),
                required=False,
                max_length=3000,
                help_text=competency.description[:300],
            )
        self.order_fields([f"answer_{c.pk}" for c in self.competencies] + ["free_text", "anonymous"])

    def clean(self):
        cleaned = super().clean()
        if (
            not any((cleaned.get(f"answer_{c.pk}") or "").strip() for c in self.competencies)
            and not (cleaned.get("free_text") or "").strip()
        ):
            raise forms.ValidationError(_("Write something about at least one competency, or in the last box."))
        return cleaned

    def answers(self) -> dict[int, str]:
        return {c.pk: self.cleaned_data[f"answer_{c.pk}"] for c in self.competencies}


class FinalEvaluationForm(VersionedForm):
    class Meta:
        model = FinalEvaluation
        fields = [*FinalEvaluation.TRAINEE_FIELDS, *FinalEvaluation.MENTOR_FIELDS, *FinalEvaluation.JOINT_FIELDS]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in fields}
        help_texts = dict.fromkeys(fields, FACTS_NOT_DIAGNOSES)

    def __init__(self, *args, editable: list[str], competencies=(), own_levels=None, mentor_levels=None, **kwargs):
        """``competencies``: the profile's, which the mentor rates when they write their part, each with
        the trainee's own latest rating beside it (``own_levels``: competency id -> text)."""
        super().__init__(*args, **kwargs)
        for name in list(self.Meta.fields):
            if name not in editable:
                del self.fields[name]
        self.competencies = list(competencies) if "mentor_development" in editable else []
        own_levels, mentor_levels = own_levels or {}, mentor_levels or {}
        for competency in self.competencies:
            own = own_levels.get(competency.pk)
            beside = _("Not rated by the trainee yet.")
            if own:
                beside = _("The trainee's own rating: %(level)s") % {"level": own}
            self.fields[self.rating_name(competency)] = forms.TypedChoiceField(
                label=_("Your judgement: %(competency)s") % {"competency": f"{competency.code} {competency.name}"},
                choices=[("", "—"), *RatingLevel.choices],
                coerce=int,
                empty_value=None,
                required=False,
                initial=mentor_levels.get(competency.pk),
                help_text=beside,
            )

    @staticmethod
    def rating_name(competency) -> str:
        return f"mentor_level_{competency.pk}"

    def part_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.fields}

    def mentor_levels(self) -> dict[int, int | None] | None:
        """The mentor's rating per competency id (None: not rated); None when the reader does not rate."""
        if not self.competencies:
            return None
        return {c.pk: self.cleaned_data[self.rating_name(c)] for c in self.competencies}


class ReopenForm(SafeForm):
    reason = forms.CharField(
        label=_("reason for reopening"), widget=forms.Textarea(attrs={"rows": 3}), min_length=10, max_length=2000
    )


class ExportForm(SafeForm):
    cohort = forms.ModelChoiceField(queryset=None, label=_("cohort"))

    def __init__(self, *args, cohorts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = cohorts
