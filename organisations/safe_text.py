"""Free text accepts any Unicode a person may type, but no control characters.

Names, titles and agreement texts end up in e-mail headers, calendar files, PDFs and
file names. Control characters (and, in one-line fields, line breaks) have no place
there, so every form refuses them at the field with a message. ``SafeForm`` and
``SafeModelForm`` are the bases of every form in the project (a test checks it).
"""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# In a multi-line field (a textarea) line breaks and tabs are text; elsewhere they are not.
MULTI_LINE_ALLOWED = frozenset("\n\r\t")
LINE_SEPARATORS = frozenset("\u2028\u2029")


def bad_characters(value: str, *, multi_line: bool) -> bool:
    for char in value:
        if multi_line and char in MULTI_LINE_ALLOWED:
            continue
        if unicodedata.category(char) == "Cc" or (not multi_line and char in LINE_SEPARATORS):
            return True
    return False


def validate_one_line(value) -> None:
    if isinstance(value, str) and bad_characters(value, multi_line=False):
        raise ValidationError(
            _("Remove the control characters or line breaks from this text."), code="control_characters"
        )


def validate_multi_line(value) -> None:
    if isinstance(value, str) and bad_characters(value, multi_line=True):
        raise ValidationError(_("Remove the control characters from this text."), code="control_characters")


def _is_multi_line(field: forms.Field) -> bool:
    return isinstance(field.widget, forms.Textarea)


class SafeTextMixin:
    """Check the raw text of every character field before the form counts as valid."""

    def full_clean(self):
        super().full_clean()
        if not self.is_bound or self._errors is None:
            return
        for name, field in self.fields.items():
            if not isinstance(field, forms.CharField) or name in self._errors:
                continue
            raw = self[name].data
            values = raw if isinstance(raw, list | tuple) else [raw]
            validate = validate_multi_line if _is_multi_line(field) else validate_one_line
            try:
                for value in values:
                    validate(value)
            except ValidationError as error:
                self.add_error(name, error)


class SafeForm(SafeTextMixin, forms.Form):
    pass


class SafeModelForm(SafeTextMixin, forms.ModelForm):
    pass
