"""The cao Sociaal Werk presets follow each other by date; the one in force on the start date is the default."""

from datetime import date

from django.urls import reverse
from django.utils import translation

from programmes.cao_rules import PRESETS_BY_KEY, preset_in_force
from programmes.models import Programme
from tests.programmes.factories import ProgrammeFactory
from tests.programmes.test_traineeship_form import post_traineeship

SAVE = {
    "name": "Traineeship Sociaal Werk",
    "kind": "social_work",
    "learning_time_percent": "20",
    "meeting_rhythm_weeks": "4",
    "escalate_person_days": "3",
    "escalate_supervisor_days": "7",
    "escalate_hr_days": "14",
    "pay_rule": "fixed",
}


def test_the_preset_in_force_follows_the_start_date():
    assert preset_in_force(date(2022, 9, 1)) == "cao_sociaal_werk_2021"
    assert preset_in_force(date(2023, 1, 1)) == "cao_sociaal_werk_2023"
    assert preset_in_force(date(2025, 6, 30)) == "cao_sociaal_werk_2023"
    assert preset_in_force(date(2025, 7, 1)) == "cao_sociaal_werk_2025"
    # Before the first preset in the series, the oldest one is the nearest.
    assert preset_in_force(date(2019, 1, 1)) == "cao_sociaal_werk_2021"


def test_new_programme_form_preselects_the_cao_in_force_today(personas, client_for, settings):
    response = client_for(personas.hr, "en").get(reverse("programmes:programme_create"))
    html = response.content.decode()
    in_force = response.context["form"].fields["preset"].initial
    assert in_force == preset_in_force(date.today())
    assert f'<option value="{in_force}" selected>' in html
    # Every social-work cao is offered, the old one for programmes that started under it.
    for key in ("cao_sociaal_werk_2021", "cao_sociaal_werk_2023", "cao_sociaal_werk_2025"):
        assert f'value="{key}"' in html


def test_2025_preset_saves_two_scales_below_the_function_scale_for_at_most_a_year(personas, client_for):
    client = client_for(personas.hr, "en")
    response = client.post(
        reverse("programmes:programme_create"),
        SAVE | {"start_date": "2025-09-01", "preset": "cao_sociaal_werk_2025"},
    )
    assert response.status_code == 302
    programme = Programme.objects.get()
    assert programme.agreement_name == "cao Sociaal Werk 2025-2027"
    assert (programme.pay_rule, programme.scale_offset, programme.max_duration_months) == ("offset", 2, 12)
    assert programme.start_date == date(2025, 9, 1)


def test_a_cao_not_in_force_on_the_start_date_is_refused_at_the_field(personas, client_for):
    client = client_for(personas.hr, "en")
    response = client.post(
        reverse("programmes:programme_create"),
        SAVE | {"start_date": "2024-03-01", "preset": "cao_sociaal_werk_2021"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["preset"][0]
    assert "not in force on the programme's start date" in errors and "2023-2025" in errors
    assert not Programme.objects.exists()
    # A programme that started under the old cao keeps it.
    response = client.post(
        reverse("programmes:programme_create"),
        SAVE | {"start_date": "2022-09-01", "preset": "cao_sociaal_werk_2021"},
    )
    assert response.status_code == 302
    assert Programme.objects.get().scale_hbo == 6


def test_traineeship_under_the_new_cao_is_paid_two_scales_below_and_lasts_a_year(personas, client_for):
    values = dict(PRESETS_BY_KEY["cao_sociaal_werk_2023"].values)
    programme = ProgrammeFactory(owner=personas.organisation, start_date=date(2024, 1, 1), **values)
    client = client_for(personas.hr, "en")
    response = post_traineeship(client, programme, personas.trainee, function_scale="8", scale="7")
    assert "scale 6" in response.context["form"].errors["scale"][0]
    response = post_traineeship(client, programme, personas.trainee, function_scale="8", end_date="2026-09-30")
    assert "end_date" in response.context["form"].errors
    response = post_traineeship(client, programme, personas.trainee, function_scale="8")
    assert response.status_code == 302


def test_municipal_and_youth_care_presets_match_the_domain_facts():
    municipal = PRESETS_BY_KEY["cao_gemeenten"].values
    assert (municipal["pay_rule"], municipal["scale_offset"]) == ("offset", 1)
    youth = PRESETS_BY_KEY["cao_jeugdzorg"]
    assert youth.values["scale_offset"] == 0
    with translation.override("en"):
        assert "1.5 percent" in str(youth.explanation) and "SKJ" in str(youth.explanation)
