"""Logging a meeting that already took place in one form, and the agreement rows added or
removed in place (htmx, with a no-JavaScript fallback through the same submit buttons)."""

from django import forms
from django.forms.utils import ErrorDict, ErrorList
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.forms import MeetingPlanForm
from programmes.permissions import Relation, relations_for_act

AGREEMENTS = "agreements"  # the formset prefix


class MeetingLogForm(MeetingPlanForm):
    """Kind, date and who took part of a meeting that already happened."""

    def __init__(self, *args, mentor, **kwargs):
        super().__init__(*args, **kwargs)
        self.mentor = mentor
        self.fields["date"].help_text = _("The day the meeting took place: today or earlier.")

    def clean_date(self):
        value = self.cleaned_data.get("date")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("This meeting has not taken place yet: plan it instead."))
        # Recording belongs to the mentor of the placement of that day (as for planned meetings).
        if value and Relation.MENTOR not in relations_for_act(self.mentor, self.instance.traineeship, value):
            raise forms.ValidationError(_("On this day you were not the trainee's mentor: their mentor then logs it."))
        return value


MAX_ROWS = 50


def row_number(value) -> int:
    """A row number from the request, kept within the formset's bounds (bad input counts as 0)."""
    try:
        return max(0, min(int(value or 0), MAX_ROWS - 1))
    except (TypeError, ValueError):
        return 0


def rows_changed(data) -> object | None:
    """Without JavaScript the add and remove buttons submit the whole form: the answer is the same
    form with one row more or one marked removed, nothing saved. ``None`` when the post is a save."""
    if "add_agreement" in data:
        data = data.copy()
        data[f"{AGREEMENTS}-TOTAL_FORMS"] = str(row_number(data.get(f"{AGREEMENTS}-TOTAL_FORMS")) + 1)
        return data
    if "remove_agreement" in data:
        data = data.copy()
        data[f"{AGREEMENTS}-{row_number(data['remove_agreement'])}-DELETE"] = "on"
        return data
    return None


def quiet(*items) -> None:
    """An add or remove row is not a save: show the form again without validation errors."""
    for item in items:
        for form in getattr(item, "forms", [item]):
            form._errors = ErrorDict()
            form.cleaned_data = {}
        if hasattr(item, "forms"):
            item._errors = [ErrorDict() for _form in item.forms]
            item._non_form_errors = ErrorList()
