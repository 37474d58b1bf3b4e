"""A select for long lists of choices, written in Python rather than one template per option.

Django renders each option through its own template: the 625 mentors of a large organisation cost
a filter bar or the choice of a mentor ~15 ms a page (issue 13). ``LongSelect`` writes the markup
of ``django/forms/widgets/select.html`` (attributes in order, optgroups, selected options), every
value and label escaped by MarkupSafe, as the Jinja2 form renderer does. ``PersonChoiceField``
also reads each option as two columns instead of building a person per option.
"""

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.safestring import mark_safe
from markupsafe import escape


class LongSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        # Straight from the choices: ``optgroups()`` builds a dict of attributes per option first.
        attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            attrs["multiple"] = True
        wanted = {str(v) for v in self.format_value(value)}
        marked = False  # as ``ChoiceWidget.optgroups``: a single select marks only the first match

        def option(value, label) -> str:
            nonlocal marked
            value = "" if value is None else str(value)
            selected = value in wanted and (self.allow_multiple_selected or not marked)
            marked = marked or selected
            return f'\n  <option value="{escape(value)}"{" selected" if selected else ""}>{escape(label)}</option>'

        parts = [f'<select name="{escape(name)}"{_attributes(attrs)}>']
        for option_value, label in self.choices:
            if isinstance(label, (list, tuple)):
                parts.append(f'\n  <optgroup label="{escape(option_value)}">')
                parts += [option(*choice) for choice in label]
                parts.append("\n  </optgroup>")
            else:
                parts.append(option(option_value, label))
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # every value above is escaped


def _attributes(attrs: dict) -> str:
    """As ``django/forms/widgets/attrs.html``: in order, ``True`` bare, ``False`` left out."""
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class PeopleChoices(ModelChoiceIterator):
    """Options ``(id, name)`` read as columns: a ``User`` per option with its dates converted cost
    ~10 ms for the 500 mentors of an organisation of 5,000 trainees (issue 13)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for pk, name, email in self.queryset.values_list("pk", "name", "email"):
            yield (pk, name or email)  # as ``User.__str__``


class PersonChoiceField(forms.ModelChoiceField):
    """The choice of one person from a list that can hold hundreds (the mentors of an organisation)."""

    widget = LongSelect
    iterator = PeopleChoices
