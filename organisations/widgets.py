"""A select for long lists of choices, written in Python rather than one template per option.

Django renders each option through its own template: the 625 mentors of a large organisation cost
a filter bar or the choice of a mentor ~15 ms a page (issue 13). ``LongSelect`` writes the markup
of ``django/forms/widgets/select.html`` (attributes in order, optgroups, selected options), every
value and label escaped by MarkupSafe, as the Jinja2 form renderer does.
"""

from django import forms
from django.utils.safestring import mark_safe
from markupsafe import escape


class LongSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{escape(widget["name"])}"{_attributes(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{escape(group_name)}">')
            parts += [
                f'\n  <option value="{escape(o["value"])}"{_attributes(o["attrs"])}>{escape(o["label"])}</option>'
                for o in options
            ]
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # every value above is escaped


def _attributes(attrs: dict) -> str:
    """As ``django/forms/widgets/attrs.html``: in order, ``True`` bare, ``False`` left out."""
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )
