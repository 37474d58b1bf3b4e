"""Logging a meeting that already took place in one form, and the agreement rows added or
removed in place (htmx, with a no-JavaScript fallback through the same submit buttons)."""

from django import forms
from django.forms.utils import ErrorDict, ErrorList
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.forms import MeetingPlanForm

AGREEMENTS = "agreements"  # the formset prefix


class MeetingLogForm(MeetingPlanForm):
    """Kind, date and who took part of a meeting that already happened."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].help_text = _("The day the meeting took place: today or earlier.")

    def clean_date(self):
        value = self.cleaned_data.get("date")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("This meeting has not taken place yet: plan it instead."))
        return value


def rows_changed(data) -> object | None:
    """Without JavaScript the add and remove buttons submit the whole form: the answer is the same
    form with one row more or one marked removed, nothing saved. ``None`` when the post is a save."""
    if "add_agreement" in data:
        data = data.copy()
        total = int(data.get(f"{AGREEMENTS}-TOTAL_FORMS") or 0)
        data[f"{AGREEMENTS}-TOTAL_FORMS"] = str(min(total + 1, 50))
        return data
    if "remove_agreement" in data:
        data = data.copy()
        data[f"{AGREEMENTS}-{data['remove_agreement']}-DELETE"] = "on"
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
