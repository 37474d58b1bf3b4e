"""``LongSelect`` writes what Django's select template writes (its uses: ``tests/overview/test_long_selects.py``)."""

import pytest
from django import forms
from django.forms.renderers import get_default_renderer

from organisations.models import User
from organisations.widgets import LongSelect, PersonChoiceField
from tests.organisations.factories import UserFactory

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


@pytest.mark.django_db
@pytest.mark.parametrize("chosen", [None, "second"])
def test_a_person_choice_offers_and_checks_what_a_model_choice_does(chosen):
    people = [UserFactory(name="Anna <Smit>"), UserFactory(name=""), UserFactory(name="Cas")]
    queryset = User.objects.filter(pk__in=[p.pk for p in people]).order_by("pk")
    value = people[1].pk if chosen else None

    class Choose(forms.Form):
        model_choice = forms.ModelChoiceField(queryset=queryset, widget=LongSelect, empty_label="Nobody")
        person_choice = PersonChoiceField(queryset=queryset, empty_label="Nobody")

    form = Choose(initial={"model_choice": value, "person_choice": value})
    assert str(form["person_choice"]).replace("person_choice", "model_choice") == str(form["model_choice"])
    assert people[1].email in str(form["person_choice"])  # no name: the e-mail address, as User.__str__
    assert Choose({"person_choice": people[2].pk, "model_choice": people[2].pk}).is_valid()
    refused = Choose({"person_choice": 999999, "model_choice": people[2].pk})
    assert not refused.is_valid() and "person_choice" in refused.errors
