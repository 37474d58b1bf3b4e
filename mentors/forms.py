from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from goals.models import LearningGoal
from mentors.models import Addendum, Agreement, AgreementStatus, Meeting, MentorProfile
from organisations.models import Membership, Role, User
from organisations.querysets import any_of
from organisations.safe_text import SafeForm, SafeModelForm
from organisations.widgets import PersonChoiceField
from programmes.models import CategoryKind, RegisterCategory, Registration, Traineeship


class MentorProfileForm(SafeModelForm):
    class Meta:
        model = MentorProfile
        fields = [
            "experience_years",
            "experience",
            "coaching_training",
            "coaching_training_date",
            "capacity",
            "hours_per_week",
        ]
        widgets = {
            "coaching_training_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "experience": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        training = data.get("coaching_training")
        if training in (MentorProfile.Training.DONE, MentorProfile.Training.PLANNED) and not data.get(
            "coaching_training_date"
        ):
            self.add_error("coaching_training_date", _("Give the date the coaching training was done or is planned."))
        return data


class MentorChoiceForm(SafeForm):
    mentor = PersonChoiceField(
        queryset=User.objects.none(),
        required=False,
        label=_("Mentor"),
        help_text=_("The colleague who guides the trainee at work. Some organisations call this role werkbegeleider."),
    )

    def __init__(self, *args, placement, **kwargs):
        super().__init__(*args, prefix=f"placement-{placement.pk}", **kwargs)
        self.placement = placement
        self.fields["mentor"].queryset = User.objects.mentors_of(placement.organisation).order_by("name")
        self.fields["mentor"].empty_label = _("No mentor yet")
        self.fields["mentor"].initial = placement.mentor_id


def traineeship_people(traineeship: Traineeship):
    """Who can take part in a meeting or own an agreement: trainee, mentors, managers, HR of the organisations."""
    placements = list(traineeship.placements.all())
    ids = {traineeship.trainee_id}
    ids |= {p.mentor_id for p in placements if p.mentor_id} | {p.manager_id for p in placements if p.manager_id}
    organisations = {traineeship.programme.owner_id} | {p.organisation_id for p in placements}
    hr = Membership.objects.filter(organisation__in=organisations, role__in=[Role.HR, Role.MANAGER]).values("user")
    # A UNION of two look-ups by index: an OR of the two read every person (16 ms at 100,000).
    return User.objects.filter(pk__in=any_of(User.objects.filter(pk__in=ids).values("pk"), hr))


class VersionedForm(SafeModelForm):
    """Posts back the version it was opened with; a stale one is refused (optimistic locking)."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:  # a meeting logged afterwards: nothing to be stale against
            del self.fields["version"]
        else:
            self.fields["version"].initial = self.instance.version

    def clean(self):
        # A form-wide error: an error on the hidden field itself would not be shown.
        cleaned = super().clean()
        version = cleaned.get("version")
        if self.instance.pk is None:
            return cleaned
        current = Meeting.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()
        if version is not None and version != current:
            self.add_error(None, STALE_MESSAGE)
        return cleaned


STALE_MESSAGE = _(
    "Someone else saved this meeting after you opened it. Nothing was overwritten: "
    "reload the page to see their changes, then make yours again."
)


class MeetingPlanForm(SafeModelForm):
    class Meta:
        model = Meeting
        fields = ["kind", "date", "start_time", "duration_minutes", "location", "participants"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "participants": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, traineeship, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = traineeship_people(traineeship).order_by("name")
        self.fields["participants"].help_text = _("Mentor and trainee, and the manager or HR where useful.")


# Minimisation (AVG): free text holds facts and agreements, never health data or diagnoses.
FACTS_NOT_DIAGNOSES = _("Write down facts and agreements, not diagnoses or health details.")


class TraineeAgendaForm(VersionedForm):
    class Meta:
        model = Meeting
        fields = ["trainee_topics", "trainee_reflection"]
        widgets = {
            "trainee_topics": forms.Textarea(attrs={"rows": 3}),
            "trainee_reflection": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "trainee_reflection": _(
                "How did the past weeks go? What went well, what was hard? Facts and experiences, no health details."
            )
        }


class MentorAgendaForm(VersionedForm):
    class Meta:
        model = Meeting
        fields = ["mentor_preparation"]
        widgets = {"mentor_preparation": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"mentor_preparation": FACTS_NOT_DIAGNOSES}


class MeetingRecordForm(VersionedForm):
    """The record; one progress field per approved learning goal; the private note only for its author."""

    class Meta:
        model = Meeting
        fields = [
            "notes",
            "workload",
            "wellbeing",
            "private_note",
            "next_meeting_date",
            "register_category",
            "reflection_form",
            "face_to_face_hours",
        ]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 5}),
            "private_note": forms.Textarea(attrs={"rows": 2}),
            "next_meeting_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "notes": _("What was discussed: facts and agreements, not diagnoses or health details."),
            "register_category": _(
                "When this meeting counts for the trainee's professional register as reflection (mentoring, "
                "coaching, supervision). Once you both confirm the record, it is the signed statement."
            ),
            "face_to_face_hours": _("Only the hours you actually met count."),
        }

    def __init__(self, *args, goals, previous: dict, show_private: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not show_private:
            del self.fields["private_note"]
        registration = Registration.objects.filter(traineeship=self.instance.traineeship_id).first()
        if registration is None:
            for name in ("register_category", "reflection_form", "face_to_face_hours"):
                del self.fields[name]
        else:
            self.fields["register_category"].queryset = RegisterCategory.objects.filter(
                register=registration.register_id, kind=CategoryKind.REFLECTION
            )
        self.goals = list(goals)
        for goal in self.goals:
            progress, note = previous.get(goal.pk, (None, ""))
            self.fields[f"goal_{goal.pk}"] = forms.IntegerField(
                label=_("Progress on “%(goal)s” (%%)") % {"goal": goal.title},
                min_value=0,
                max_value=100,
                required=False,
                initial=progress,
            )
            self.fields[f"goal_{goal.pk}_note"] = forms.CharField(
                label=_("What was achieved on “%(goal)s”") % {"goal": goal.title},
                required=False,
                initial=note,
                max_length=1000,
            )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("register_category") and not cleaned.get("face_to_face_hours"):
            self.add_error("face_to_face_hours", _("Give the face-to-face hours, so the meeting can count."))
        return cleaned

    def clean_next_meeting_date(self):
        value = self.cleaned_data.get("next_meeting_date")
        if value and self.instance.date and value <= self.instance.date:
            raise forms.ValidationError(_("The next meeting comes after this one."))
        return value

    def goal_progress(self) -> dict:
        found = {}
        for goal in self.goals:
            progress = self.cleaned_data.get(f"goal_{goal.pk}")
            if progress is not None:
                found[goal] = (progress, self.cleaned_data.get(f"goal_{goal.pk}_note", ""))
        return found

    def record_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields if name in self.fields}


class AgreementForm(SafeModelForm):
    class Meta:
        model = Agreement
        fields = ["description", "owner", "due_date", "status"]
        widgets = {"due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people if people is not None else User.objects.none()
        self.fields["status"].required = False

    def has_changed(self):
        """An empty new row stays empty, whatever its status select says."""
        if self.instance.pk is None:
            return any(name in self.changed_data for name in ("description", "owner", "due_date"))
        return super().has_changed()

    def clean_status(self):
        return self.cleaned_data.get("status") or AgreementStatus.OPEN


class AgreementRows(BaseInlineFormSet):
    """Agreement rows added and removed in place: no empty fixed rows, no "delete" checkbox.

    A removed row stays in the page as a hidden DELETE marker, so the row numbers stay intact."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["DELETE"].widget = forms.HiddenInput()

    def rows(self) -> list:
        for form in self.forms:
            form.removed = forms.BooleanField().to_python(form["DELETE"].data if self.is_bound else False)
        return self.forms

    def cleaned_rows(self) -> list[dict]:
        """What a valid formset asks to keep: each changed row's values, with ``agreement`` the
        row it edits (None for a new one); services take these, never the formset."""
        return [
            {"agreement": form.instance if form.instance.pk else None}
            | {name: form.cleaned_data[name] for name in AGREEMENT_ROW_FIELDS}
            for form in self.forms
            if form.has_changed() and not self._should_delete_form(form)
        ]

    def removed_agreements(self) -> list:
        return [form.instance for form in self.forms if form.instance.pk and self._should_delete_form(form)]


AGREEMENT_ROW_FIELDS = ["description", "owner", "due_date", "status"]


AgreementFormSet = inlineformset_factory(
    Meeting,
    Agreement,
    form=AgreementForm,
    formset=AgreementRows,
    fields=AGREEMENT_ROW_FIELDS,
    extra=0,
)


class AddendumForm(SafeModelForm):
    class Meta:
        model = Addendum
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"text": FACTS_NOT_DIAGNOSES}


class AgreementStatusForm(SafeForm):
    status = forms.ChoiceField(choices=AgreementStatus.choices, label=_("Status"))


def approved_goals(traineeship: Traineeship):
    return LearningGoal.objects.filter(
        traineeship=traineeship, approved_at__isnull=False, status=LearningGoal.Status.ACTIVE
    ).order_by("deadline", "pk")
