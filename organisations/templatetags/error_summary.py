"""The one error summary of the project (GOV.UK / NL Design System pattern).

Every crispy form shows it through templates/bootstrap5/errors.html; a page with a form and
formsets calls ``{% error_summary form formset %}`` once above them instead. Each message links
to its field, and app.js moves the focus to the summary, so a failed submission never looks as
if nothing happened.
"""

from django import forms, template

register = template.Library()


def _errors_of(form: forms.BaseForm) -> list[dict]:
    found = [{"message": message, "anchor": ""} for message in form.non_field_errors()]
    for name, messages in form.errors.items():
        if name == forms.forms.NON_FIELD_ERRORS or name not in form.fields:
            continue
        field = form[name]
        anchor = "" if field.is_hidden else field.id_for_label or field.auto_id
        for message in messages:
            label = field.label if not field.is_hidden else ""
            found.append({"message": f"{label}: {message}" if label else message, "anchor": anchor})
    return found


def collect(*items) -> list[dict]:
    found = []
    for item in items:
        if item is None or not item.is_bound:
            continue
        if isinstance(item, forms.BaseFormSet):
            found += [{"message": message, "anchor": ""} for message in item.non_form_errors()]
            for form in item.forms:
                if item.can_delete and getattr(form, "cleaned_data", {}).get("DELETE"):
                    continue
                found += _errors_of(form)
        else:
            found += _errors_of(item)
    return found


@register.inclusion_tag("includes/error_summary.html")
def error_summary(*items):
    """Call above the forms: they then leave the summary out of their own crispy rendering."""
    for item in items:
        for form in getattr(item, "forms", [item]) if item is not None else []:
            form.summarised_above = True
    return {"errors": collect(*items)}


@register.inclusion_tag("includes/error_summary.html")
def crispy_error_summary(form):
    """The summary inside a crispy form, unless the page already showed one for it."""
    if getattr(form, "summarised_above", False):
        return {"errors": []}
    return {"errors": collect(form)}
