"""``LongSelect`` writes what Django's select template writes (its uses: ``tests/overview/test_long_selects.py``)."""

import pytest
from django import forms
from django.forms.renderers import get_default_renderer

from organisations.widgets import LongSelect

CHOICES = [
    ("", "Alle <mentoren>"),
    (1, 'Anna "A" & <b>'),
    ("Groep 'één'", [(2, "Bea"), (3, "Cas")]),
    (4, "Dirk"),
]


@pytest.mark.parametrize("value", [None, "", 1, 3, "onbekend"])
@pytest.mark.parametrize(
    "attrs", [{}, {"class": "form-select", "disabled": True, "aria-describedby": "help", "required": False}]
)
def test_the_markup_is_djangos_own(value, attrs):
    renderer = get_default_renderer()
    django_own = forms.Select(choices=CHOICES, attrs=dict(attrs)).render("mentor", value, {"id": "m"}, renderer)
    long = LongSelect(choices=CHOICES, attrs=dict(attrs)).render("mentor", value, {"id": "m"}, renderer)
    assert long == django_own
    assert "<b>" not in long and "&lt;b&gt;" in long
