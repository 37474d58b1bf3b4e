"""Forms of the programmes app; each narrows its choices to what the user may pick."""

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from competencies.models import (
    FORMAL_CATEGORIES,
    ActivityCategory,
    ActivityKind,
    Competency,
    CompetencyFramework,
    LearningActivity,
)
from organisations.models import Invitation, Organisation, Role, User
from organisations.querysets import any_of
from organisations.safe_text import SafeForm, SafeModelForm
from programmes import cao_defaults
from programmes.cao_rules import CAO_RULE_FIELDS, PRESET_CHOICES, preset_in_force, preset_not_in_force, preset_values
from programmes.models import (
    Cohort,
    DevelopmentDay,
    Placement,
    ProfileCompetency,
    Programme,
    Traineeship,
    TraineeshipStatus,
    WorkProfile,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def people_with_role(organisations, role: str):
    return User.objects.filter(memberships__organisation__in=organisations, memberships__role=role).distinct()


class FrameworkForm(SafeModelForm):
    class Meta:
        model = CompetencyFramework
        fields = ["name", "description"]

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_name(self):
        name = self.cleaned_data["name"]
        taken = CompetencyFramework.objects.filter(organisation=self.organisation, name__iexact=name)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Your organisation already has a framework with this name."))
        return name


class TagsField(forms.CharField):
    """Tags typed as a comma-separated list, stored as a list of strings."""

    def prepare_value(self, value):
        if isinstance(value, list):
            return ", ".join(value)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        return [tag.strip() for tag in value.split(",") if tag.strip()]


class CompetencyForm(SafeModelForm):
    areas_of_life = TagsField(
        label=_("Areas of life"),
        required=False,
        help_text=_("Separate them with commas, for example: financiën, wonen en leefbaarheid."),
    )

    class Meta:
        model = Competency
        fields = [
            "code",
            "name",
            "description",
            "areas_of_life",
            "level_startbekwaam",
            "level_vakbekwaam",
            "level_vakvolwassen",
            "position",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "level_startbekwaam": forms.Textarea(attrs={"rows": 2}),
            "level_vakbekwaam": forms.Textarea(attrs={"rows": 2}),
            "level_vakvolwassen": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, framework: CompetencyFramework, **kwargs):
        super().__init__(*args, **kwargs)
        self.framework = framework

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        taken = Competency.objects.filter(framework=self.framework, code__iexact=code).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                _("This framework already has a competency with code %(code)s.") % {"code": code}
            )
        return code


class FrameworkImportForm(SafeForm):
    file = forms.FileField(
        label=_("File (.xlsx, CSV or JSON)"),
        help_text=_("The same columns as the export. Competencies with a known code are updated, others added."),
    )


class ProgrammeForm(SafeModelForm):
    invite_partner = forms.CharField(
        label=_("Invite a partner organisation"),
        required=False,
        max_length=254,
        help_text=_(
            "The exact name of the organisation, or the e-mail address of its HR adviser. It becomes a partner "
            "when its HR accepts; until then it sees nothing of the programme."
        ),
    )
    preset = forms.ChoiceField(
        label=_("Agreement preset"),
        choices=[("", _("Choose a cao…")), *PRESET_CHOICES],
        required=False,
        help_text=_("Apply a preset to fill in the agreement below; you can change each field afterwards."),
    )

    class Meta:
        model = Programme
        fields = [
            "name",
            "kind",
            "description",
            "partners",
            "coordinator",
            "framework",
            "development_day_pattern",
            "learning_time_percent",
            "default_development_budget",
            "meeting_rhythm_weeks",
            "escalate_person_days",
            "escalate_supervisor_days",
            "escalate_hr_days",
            "start_date",
            *CAO_RULE_FIELDS,
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "partners": forms.CheckboxSelectMultiple,
            "start_date": DATE,
        }

    def __init__(self, *args, owner: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.instance.owner = owner
        # Only partners that accepted are listed (untick to end a partnership); others are invited by name.
        self.fields["partners"].queryset = (
            self.instance.partners.all() if self.instance.pk else Organisation.objects.none()
        )
        self.fields["partners"].help_text = _(
            "Organisations that accepted the invitation. Untick to end a partnership."
        )
        # Coordinators of the owner and of the partners (those saved, or those ticked in this form).
        if self.is_bound:
            partner_ids = [value for value in self.data.getlist("partners") if str(value).isdigit()]
        elif "partners" in self.initial:
            partner_ids = [value for value in self.initial["partners"] if str(value).isdigit()]
        else:
            partner_ids = list(self.instance.partners.values_list("pk", flat=True)) if self.instance.pk else []
        organisations = Organisation.objects.filter(Q(pk=owner.pk) | Q(pk__in=partner_ids))
        self.fields["coordinator"].queryset = people_with_role(organisations, Role.COORDINATOR)
        self.fields["coordinator"].help_text = _(
            "Someone with the coordinator role in the owner organisation or a partner; needed for regional programmes."
        )
        self.fields["framework"].queryset = CompetencyFramework.objects.filter(organisation=owner)
        self.order_fields(["name", "kind", "description", "start_date", "preset"])
        # Default: the social-work cao in force on the start date (today for a new programme).
        if not self.instance.agreement_name and "preset" not in self.initial:
            self.fields["preset"].initial = preset_in_force(self.instance.start_date or timezone.localdate())
        # With JavaScript, choosing a preset fills the agreement at once (the button does the same without).
        self.fields["preset"].widget.attrs.update(
            {
                "data-hx-post": "",
                "data-hx-trigger": "change",
                "data-hx-vals": '{"apply_preset": "1"}',
                "data-hx-target": "#programme-form",
                "data-hx-select": "#programme-form",
                "data-hx-swap": "outerHTML",
            }
        )

    def clean_invite_partner(self):
        """The organisation named by its exact name or its HR adviser's address; nothing else is listed."""
        value = self.cleaned_data["invite_partner"].strip()
        if not value:
            return None
        if "@" in value:
            found = Organisation.objects.filter(
                memberships__user__email__iexact=value, memberships__role=Role.HR
            ).distinct()
        else:
            found = Organisation.objects.filter(name__iexact=value)
        found = list(found.exclude(pk=self.owner.pk)[:2])
        if len(found) != 1:
            raise forms.ValidationError(
                _(
                    "No single other organisation has exactly this name or an HR adviser with this address. "
                    "Check the spelling, or ask the partner's HR adviser for their address."
                )
            )
        return found[0]

    def clean(self):
        cleaned = super().clean()
        preset = cleaned.get("preset")
        start_date = cleaned.get("start_date")
        if preset and start_date:
            in_force = preset_not_in_force(preset, start_date)
            if in_force:
                self.add_error(
                    "preset",
                    _("This cao was not in force on the programme's start date; choose %(preset)s.")
                    % {"preset": in_force},
                )
        if preset and not cleaned.get("agreement_name"):
            cleaned.update(preset_values(preset))
            for name, value in preset_values(preset).items():
                setattr(self.instance, name, value)
        ladder = [cleaned.get(f"escalate_{step}_days") for step in ("person", "supervisor", "hr")]
        if None not in ladder and not ladder[0] < ladder[1] < ladder[2]:
            self.add_error("escalate_hr_days", _("Each step of the ladder comes later than the one before."))
        coordinator = cleaned.get("coordinator")
        if coordinator is not None:
            organisations = [self.owner, *cleaned.get("partners", [])]
            if not people_with_role(organisations, Role.COORDINATOR).filter(pk=coordinator.pk).exists():
                self.add_error(
                    "coordinator",
                    _("Choose someone with the coordinator role in the owner organisation or one of the partners."),
                )
        return cleaned


def programme_form_with_preset(data, *, owner: Organisation, instance: Programme | None = None) -> ProgrammeForm:
    """An unbound form showing what was typed, with the chosen preset's agreement filled in."""
    form = ProgrammeForm(owner=owner, instance=instance)
    initial = {}
    for name in form.fields:
        if name == "partners":
            initial[name] = data.getlist(name)
        elif name in data:
            initial[name] = data.get(name)
    for name in CAO_RULE_FIELDS:
        if name == "supernumerary":
            initial[name] = bool(data.get(name))
    initial.update(preset_values(data.get("preset", "")))
    return ProgrammeForm(owner=owner, instance=instance, initial=initial)


class CohortForm(SafeModelForm):
    class Meta:
        model = Cohort
        fields = ["name", "start_date", "group_trainer", "notes"]
        widgets = {"start_date": DATE, "notes": forms.Textarea(attrs={"rows": 3})}


DevelopmentDayFormSet = inlineformset_factory(
    Cohort,
    DevelopmentDay,
    form=SafeModelForm,
    fields=["date", "topic"],
    widgets={"date": DATE},
    extra=3,
    can_delete=True,
)


class BlueprintForm(SafeModelForm):
    model_traineeship = forms.ModelChoiceField(
        queryset=Traineeship.objects.none(),
        required=False,
        label=_("Copy the set-up of"),
        help_text=_(
            "New traineeships in the new cohort start with this traineeship's work profile, "
            "profile competencies and chosen learning activities."
        ),
    )
    shift_days = forms.BooleanField(
        label=_("Copy the development days, moved to the new start date"), required=False, initial=True
    )

    class Meta:
        model = Cohort
        fields = ["name", "start_date", "group_trainer"]
        widgets = {"start_date": DATE}

    def __init__(self, *args, source: Cohort, candidates, shown=(), **kwargs):
        """``candidates``: every traineeship the person may choose (validation looks one up by its id);
        ``shown``: the page of them the list offers (a cohort of thousands is searched and paged)."""
        super().__init__(*args, **kwargs)
        field = self.fields["model_traineeship"]
        field.queryset = candidates
        field.widget.choices = [("", _("None: keep the source cohort's model"))] + [
            (t.pk, t.trainee.name) for t in shown
        ]


def _trainee_label(user: User) -> str:
    if user.has_usable_password() or user.is_active:
        return f"{user.name} ({user.email})"
    return _("%(name)s (%(email)s, invited)") % {"name": user.name, "email": user.email}


class TraineeshipForm(SafeModelForm):
    copy_setup = forms.BooleanField(
        label=_("Start with the cohort's set-up (work profile, competencies and activities)"),
        required=False,
        initial=True,
    )

    class Meta:
        model = Traineeship
        fields = [
            "trainee",
            "cohort",
            "education_level",
            "graduation_date",
            "start_date",
            "end_date",
            "function_scale",
            "scale",
            "contract_hours_per_week",
            "development_budget",
            "status",
            "outcome",
            "outcome_note",
        ]
        widgets = {
            "graduation_date": DATE,
            "start_date": DATE,
            "end_date": DATE,
            "outcome_note": forms.Textarea(attrs={"rows": 3}),
        }

    new_trainee_name = forms.CharField(label=_("Name of the new trainee"), max_length=150, required=False)
    new_trainee_email = forms.EmailField(
        label=_("E-mail address of the new trainee"),
        required=False,
        help_text=_("They get an invitation; the traineeship waits for them and you can go on with the steps."),
    )

    def __init__(self, *args, programme: Programme, can_invite: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.programme = programme
        # Choose among trainees who are not already in a planned or running traineeship (the list stays
        # short at any size of organisation), invitees who have not answered yet included; an existing
        # traineeship keeps its trainee.
        if self.instance.pk:
            trainees = User.objects.filter(pk=self.instance.trainee_id)
        else:
            # Look-ups by index (a UNION, then an anti-join per candidate): an OR across the tables and
            # a NOT IN every running traineeship read all people and traineeships (90 ms at 100,000).
            busy = Traineeship.objects.filter(
                trainee=OuterRef("pk"), status__in=[TraineeshipStatus.PLANNED, TraineeshipStatus.ACTIVE]
            )
            invited = Invitation.objects.open().filter(organisation=programme.owner, role=Role.TRAINEE)
            candidates = any_of(
                people_with_role([programme.owner], Role.TRAINEE).values("pk"),
                User.objects.filter(email__in=invited.values("email")).values("pk"),
            )
            trainees = User.objects.filter(pk__in=candidates).exclude(Exists(busy))
        self.fields["trainee"].queryset = trainees.order_by("name")
        self.fields["trainee"].label_from_instance = _trainee_label
        if self.instance.pk or not can_invite:
            del self.fields["new_trainee_name"], self.fields["new_trainee_email"]
        else:
            # Choose someone from the list, or invite a new trainee right here.
            self.fields["trainee"].required = False
            self.fields["trainee"].help_text = _("Or fill in the name and e-mail address of a new trainee below.")
            self.order_fields(["trainee", "new_trainee_name", "new_trainee_email"])
        self.fields["cohort"].queryset = programme.cohorts.all()
        if self.instance.pk or not programme.cohorts.filter(model_traineeship__isnull=False).exists():
            del self.fields["copy_setup"]
        if not self.instance.pk:
            for name in ["outcome", "outcome_note"]:
                del self.fields[name]
        self._fill_from_agreement(programme)

    def traineeship_values(self) -> dict:
        """The cleaned values of the traineeship's own fields, for ``services.traineeship_create``."""
        return {name: self.cleaned_data[name] for name in self._meta.fields if name in self.fields}

    def _fill_from_agreement(self, programme):
        """End date and scale may stay empty when the programme's agreement fixes them."""
        self.programme = programme
        for name, rule in (("end_date", cao_defaults.end_date_rule), ("scale", cao_defaults.scale_rule)):
            text = rule(programme)
            if text:
                self.fields[name].required = False
                self.fields[name].help_text = text

    def clean(self):
        cleaned = super().clean()
        if "new_trainee_email" not in self.fields:
            return cleaned
        name, email = cleaned.get("new_trainee_name"), cleaned.get("new_trainee_email")
        if cleaned.get("trainee") is not None:
            if name or email:
                self.add_error("new_trainee_email", _("Choose a trainee from the list or invite a new one, not both."))
        elif not (name and email) and "new_trainee_email" not in self.errors:
            missing = "new_trainee_email" if name else "new_trainee_name" if email else "trainee"
            self.add_error(
                missing, _("Choose a trainee from the list, or give the name and e-mail address of a new one.")
            )
        return cleaned

    def new_trainee(self) -> dict | None:
        """The person to invite as trainee, when HR did not choose one from the list."""
        if self.cleaned_data.get("trainee") is None and self.cleaned_data.get("new_trainee_email"):
            return {"name": self.cleaned_data["new_trainee_name"], "email": self.cleaned_data["new_trainee_email"]}
        return None

    def _post_clean(self):
        data = self.cleaned_data
        if data.get("end_date") is None and "end_date" not in self.errors:
            data["end_date"] = cao_defaults.default_end_date(self.programme, data.get("start_date"))
        if data.get("scale") is None and "scale" not in self.errors:
            data["scale"] = cao_defaults.default_scale(
                self.programme, data.get("education_level"), data.get("function_scale")
            )
        for name in ("end_date", "scale"):
            if data.get(name) is None and name not in self.errors:
                self.add_error(name, _("This field is required."))
        super()._post_clean()


class PlacementForm(SafeModelForm):
    EMPLOYER_FIELDS = ["cao_preset", "contract_months", "contract_hours_per_week", "pay_scale"]

    cao_preset = forms.ChoiceField(label=_("Employer's cao"), required=False)

    class Meta:
        model = Placement
        fields = [
            "organisation",
            "start_date",
            "end_date",
            "assignment",
            "manager",
            "cao_preset",
            "contract_months",
            "contract_hours_per_week",
            "pay_scale",
        ]
        widgets = {"start_date": DATE, "end_date": DATE, "assignment": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, traineeship: Traineeship, **kwargs):
        from programmes.employer_rules import has_employer_rules

        super().__init__(*args, **kwargs)
        self.instance.traineeship = traineeship
        programme = traineeship.programme
        organisations = Organisation.objects.filter(pk__in=programme.organisation_ids())
        self.fields["organisation"].queryset = organisations
        managers = people_with_role(organisations, Role.MANAGER).order_by("name")
        self.fields["manager"].queryset = managers
        self.fields["manager"].help_text = _("A manager of the placement organisation.")
        if not self.instance.pk:
            self.initial.setdefault("start_date", traineeship.start_date)
            self.initial.setdefault("end_date", traineeship.end_date)
        self.employer_rules = has_employer_rules(programme)
        if not self.employer_rules:
            for name in self.EMPLOYER_FIELDS:
                del self.fields[name]
            return
        programme_cao = programme.agreement_name or _("the programme's agreement")
        self.fields["cao_preset"].choices = [("", _("As the programme: %(cao)s") % {"cao": programme_cao})] + [
            (key, label) for key, label in PRESET_CHOICES
        ]
        self.fields["cao_preset"].help_text = _(
            "Only when this employer's contract follows another cao than the programme's."
        )
        self.fields["contract_months"].help_text = _(
            "The length of the contract with this employer; the placement may not last longer. "
            "Left empty: the employer's cao, else the programme's maximum."
        )
        self.fields["contract_hours_per_week"].help_text = _("Left empty: the traineeship's contract hours.")
        self.fields["pay_scale"].help_text = _("Left empty: the traineeship's pay scale.")

    def clean(self):
        cleaned = super().clean()
        manager, organisation = cleaned.get("manager"), cleaned.get("organisation")
        if manager and organisation and not people_with_role([organisation], Role.MANAGER).filter(pk=manager.pk):
            self.add_error(
                "manager",
                _("%(person)s is not a manager at %(organisation)s.")
                % {"person": manager, "organisation": organisation},
            )
        if (
            self.employer_rules
            and not self.instance.pk
            and organisation
            and not any(cleaned.get(n) for n in self.EMPLOYER_FIELDS)
        ):
            # A new placement with nothing typed: the rules an earlier placement at this employer carried
            # are the employer's.
            from programmes.employer_rules import earlier_rules_at

            self.instance.organisation = organisation
            for name, value in earlier_rules_at(self.instance).items():
                cleaned[name] = value
        return cleaned


class RotationForm(SafeForm):
    start_date = forms.DateField(label=_("First placement starts on"), widget=DATE)
    count = forms.IntegerField(label=_("Number of placements"), min_value=1, max_value=6, initial=3)
    months = forms.IntegerField(label=_("Months per placement"), min_value=1, max_value=24, initial=8)

    def __init__(self, *args, traineeship: Traineeship, **kwargs):
        super().__init__(*args, prefix="rotation", **kwargs)
        self.traineeship = traineeship
        self.initial.setdefault("start_date", traineeship.start_date)


class PortfolioSharingForm(SafeForm):
    # A form of its own, not of the traineeship: sharing does not re-check the traineeship's other fields.
    shared_with_partners = forms.BooleanField(
        label=Traineeship._meta.get_field("shared_with_partners").verbose_name,
        required=False,
        help_text=_(
            "Without this, a partner organisation reads only the goals, activities, evidence and meetings of "
            "the placements it hosts. Private reflections and the mentor's own notes are never shared."
        ),
    )


class WorkProfileForm(SafeModelForm):
    class Meta:
        model = WorkProfile
        fields = [
            "kind",
            "tasks",
            "assignment",
            "end_result",
            "work_needed",
            "independence",
            "wants_to_learn",
            "future",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            **{
                name: forms.Textarea(attrs={"rows": 3})
                for name in [
                    "tasks",
                    "assignment",
                    "end_result",
                    "work_needed",
                    "independence",
                    "wants_to_learn",
                    "future",
                ]
            },
        }

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


def competencies_for(traineeship: Traineeship):
    """The competencies of the programme's framework, or of the owner's frameworks when it has none."""
    return competencies_of_programme(traineeship.programme)


def competencies_of_programme(programme: Programme):
    if programme.framework_id:
        return Competency.objects.filter(framework=programme.framework_id)
    return Competency.objects.filter(framework__organisation=programme.owner_id)


class ProfileCompetencyForm(SafeModelForm):
    class Meta:
        model = ProfileCompetency
        fields = ["competency", "purpose", "target_level"]

    def __init__(self, *args, traineeship: Traineeship, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.traineeship = traineeship
        self.fields["competency"].queryset = competencies_for(traineeship).exclude(
            pk__in=traineeship.profile_competencies.values("competency")
        )


class LearningActivityForm(SafeModelForm):
    class Meta:
        model = LearningActivity
        fields = [
            "title",
            "kind",
            "category",
            "description",
            "provider",
            "hours",
            "cost",
            "competencies",
            "for_every_new_colleague",
            "is_active",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "competencies": forms.CheckboxSelectMultiple}

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        self.fields["competencies"].queryset = Competency.objects.filter(
            framework__organisation=organisation
        ).select_related("framework")

    def clean(self):
        cleaned = super().clean()
        kind, category = cleaned.get("kind"), cleaned.get("category")
        mismatch = kind and category and (kind == ActivityKind.FORMAL) != (category in FORMAL_CATEGORIES)
        if mismatch and category != ActivityCategory.OTHER:
            self.add_error(
                "category",
                _("Training, courses, coaching and supervision are formal learning; other categories are informal."),
            )
        return cleaned


class ChooseActivitiesForm(SafeForm):
    activities = forms.ModelMultipleChoiceField(
        queryset=LearningActivity.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Activities from the inventory"),
        error_messages={"required": _("Choose at least one activity.")},
    )

    def __init__(self, *args, traineeship: Traineeship, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activities"].queryset = available_activities(traineeship)


def available_activities(traineeship: Traineeship):
    """Active inventory activities of the owner and the placement organisations not chosen yet."""
    organisations = Q(organisation=traineeship.programme.owner_id) | Q(
        organisation__in=traineeship.placements.values("organisation")
    )
    chosen = traineeship.development_activities.filter(learning_activity__isnull=False).values("learning_activity")
    return (
        LearningActivity.objects.filter(organisations, is_active=True)
        .exclude(pk__in=chosen)
        .prefetch_related("competencies")
        .distinct()
    )
