"""Free text takes any Unicode a person types, but no control characters."""

import importlib
import inspect

import pytest
from django import forms
from django.urls import reverse

from organisations.models import Invitation
from organisations.safe_text import SafeTextMixin
from portfolios.models import Reflection

pytestmark = pytest.mark.django_db


def invite(client, name):
    return client.post(reverse("organisations:invite"), {"name": name, "email": "nina@example.org", "role": "trainee"})


@pytest.mark.parametrize("name", ["Nina\r\nBcc: evil@example.org", "Nina\x00", "Nina\x1b[31m", "Nina\u2028Nieuw"])
def test_a_one_line_name_with_control_characters_is_refused_at_the_field(personas, client_for, name):
    response = invite(client_for(personas.hr, language="en"), name)
    assert response.status_code == 200
    errors = str(response.context["form"].errors["name"])
    assert "control characters" in errors or "Null characters" in errors
    assert not Invitation.objects.exists()


def test_any_unicode_a_person_types_is_accepted(personas, client_for):
    response = invite(client_for(personas.hr), "Zoë Çelik-Ōtsuka 王秀英 🌷")
    assert response.status_code == 302
    assert Invitation.objects.get().name == "Zoë Çelik-Ōtsuka 王秀英 🌷"


def test_multi_line_text_keeps_line_breaks_but_refuses_control_characters(traineeship, personas, client_for):
    url = reverse("portfolios:reflections", kwargs={"pk": traineeship.pk})
    trainee = client_for(personas.trainee, language="nl")
    ok = trainee.post(
        url, {"text": "Regel één\r\nRegel twee\n\tingesprongen", "shared_with_mentor": "on", "written_on": "2026-11-01"}
    )
    assert ok.status_code == 302
    refused = trainee.post(
        url, {"text": "Regel\x07 met een bel", "shared_with_mentor": "on", "written_on": "2026-11-01"}
    )
    assert refused.status_code == 200
    assert "stuurtekens" in str(refused.context["form"].errors["text"])
    assert Reflection.objects.count() == 1


def test_every_form_of_the_project_checks_its_text():
    """A new form that does not build on SafeForm/SafeModelForm fails here."""
    missing = []
    for app in ["organisations", "programmes", "mentors", "portfolios"]:
        module = importlib.import_module(f"{app}.forms")
        for name, cls in inspect.getmembers(module, inspect.isclass):
            own_form = cls.__module__ == module.__name__ and issubclass(cls, forms.BaseForm)
            if own_form and not issubclass(cls, SafeTextMixin):
                missing.append(f"{app}.forms.{name}")
    assert missing == []
