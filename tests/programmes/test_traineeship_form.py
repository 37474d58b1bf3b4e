"""Agreement rules show at the field, and nothing typed is lost."""

from django.urls import reverse

from organisations.models import Role
from programmes.models import Programme, Traineeship
from tests.organisations.factories import member
from tests.programmes.factories import ProgrammeFactory, TraineeshipFactory
from tests.queries import page_queries


def post_traineeship(client, programme, trainee, **overrides):
    data = {
        "trainee": trainee.pk,
        "education_level": "hbo",
        "graduation_date": "2025-06-30",
        "start_date": "2025-09-01",
        "end_date": "2026-08-31",
        "scale": "6",
        "status": "planned",
    } | overrides
    return client.post(reverse("programmes:traineeship_create", kwargs={"pk": programme.pk}), data)


def test_valid_traineeship_is_created_and_leads_to_step_one(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation)
    response = post_traineeship(client_for(personas.hr), programme, personas.trainee)
    traineeship = Traineeship.objects.get(programme=programme)
    assert response.status_code == 302
    assert response["Location"] == reverse("programmes:work_profile", kwargs={"pk": traineeship.pk})


def test_cao_sociaal_werk_lasts_at_most_twelve_months(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation)
    response = post_traineeship(client_for(personas.hr, "en"), programme, personas.trainee, end_date="2026-12-31")
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "lasts at most 12 months" in errors["end_date"][0]
    assert 'value="2026-12-31"' in response.content.decode()  # what was typed stays
    assert not Traineeship.objects.exists()


def test_start_within_a_year_of_graduation(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation)
    response = post_traineeship(
        client_for(personas.hr, "en"), programme, personas.trainee, graduation_date="2024-01-31"
    )
    assert "within 12 months of graduation" in response.context["form"].errors["start_date"][0]


def test_hbo_graduate_is_in_scale_six(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation)
    response = post_traineeship(client_for(personas.hr, "en"), programme, personas.trainee, scale="8")
    assert response.context["form"].errors["scale"] == [
        f"Under {programme.agreement_name} an hbo graduate is in scale 6."
    ]


def test_message_is_dutch_by_default(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation)
    response = post_traineeship(client_for(personas.hr), programme, personas.trainee, scale="8")
    assert "schaal 6" in response.context["form"].errors["scale"][0]


def test_offset_pay_needs_the_function_scale(personas, client_for):
    programme = ProgrammeFactory(
        owner=personas.organisation, pay_rule="offset", scale_offset=1, scale_hbo=None, max_duration_months=24
    )
    client = client_for(personas.hr, "en")
    response = post_traineeship(client, programme, personas.trainee, scale="9")
    assert "function_scale" in response.context["form"].errors
    response = post_traineeship(client, programme, personas.trainee, scale="9", function_scale="9")
    assert "scale 8" in response.context["form"].errors["scale"][0]
    response = post_traineeship(client, programme, personas.trainee, scale="8", function_scale="9")
    assert response.status_code == 302


def test_only_trainees_of_the_organisation_can_be_chosen(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation)
    stranger = member(personas.other_organisation, Role.TRAINEE)
    response = post_traineeship(client_for(personas.hr, "en"), programme, stranger)
    assert "trainee" in response.context["form"].errors
    response = post_traineeship(client_for(personas.hr, "en"), programme, personas.mentor)
    assert "trainee" in response.context["form"].errors


def test_preset_fills_the_agreement_without_javascript(personas, client_for):
    client = client_for(personas.hr, "en")
    response = client.post(
        reverse("programmes:programme_create"),
        {"name": "Traineeship 2026", "kind": "social_work", "preset": "cao_sociaal_werk_2021", "apply_preset": "1"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert not form.is_bound
    assert form.initial["max_duration_months"] == 12
    assert form.initial["scale_hbo"] == 6
    assert form.initial["name"] == "Traineeship 2026"
    assert not Programme.objects.exists()
    html = response.content.decode()
    assert 'value="cao Sociaal Werk 2021-2023"' in html


def test_programme_saved_with_preset(personas, client_for):
    client = client_for(personas.hr, "en")
    response = client.post(
        reverse("programmes:programme_create"),
        {
            "name": "Gemeentelijk traineeship",
            "kind": "classic",
            "preset": "cao_gemeenten",
            "learning_time_percent": "20",
            "meeting_rhythm_weeks": "4",
            "escalate_person_days": "3",
            "escalate_supervisor_days": "7",
            "escalate_hr_days": "14",
            "pay_rule": "fixed",
        },
    )
    assert response.status_code == 302
    programme = Programme.objects.get()
    assert programme.owner == personas.organisation
    assert (programme.pay_rule, programme.scale_offset, programme.max_duration_months) == ("offset", 1, 24)


def test_edit_traineeship_sets_outcome(personas, client_for):
    from tests.programmes.factories import TraineeshipFactory

    traineeship = TraineeshipFactory(organisation=personas.organisation, trainee=personas.trainee)
    client = client_for(personas.hr)
    url = reverse("programmes:traineeship_edit", kwargs={"pk": traineeship.pk})
    data = {
        "trainee": personas.trainee.pk,
        "education_level": "hbo",
        "graduation_date": traineeship.graduation_date.isoformat(),
        "start_date": traineeship.start_date.isoformat(),
        "end_date": traineeship.end_date.isoformat(),
        "scale": "6",
        "status": "finished",
        "outcome": "hired",
    }
    assert client.post(url, data).status_code == 302
    traineeship.refresh_from_db()
    assert (traineeship.status, traineeship.outcome) == ("finished", "hired")


def test_coordinators_of_other_organisations_are_not_listed(personas, client_for):
    response = client_for(personas.hr).get(reverse("programmes:programme_create"))
    choices = list(response.context["form"].fields["coordinator"].queryset)
    assert choices == [personas.coordinator]


def test_trainee_choices_stay_short_however_many_trainees_are_busy(personas, client_for):
    """Only trainees without a planned or running traineeship are offered; an existing one keeps its trainee."""
    programme = ProgrammeFactory(owner=personas.organisation)
    busy = TraineeshipFactory(programme=programme, organisation=personas.organisation)
    client = client_for(personas.hr)
    url = reverse("programmes:traineeship_create", kwargs={"pk": programme.pk})
    few = page_queries(client, url)
    response = client.get(url)
    choices = list(response.context["form"].fields["trainee"].queryset)
    assert personas.trainee in choices and busy.trainee not in choices
    TraineeshipFactory.create_batch(15, programme=programme, organisation=personas.organisation)
    assert page_queries(client, url) == few
    response = client.get(url)
    assert list(response.context["form"].fields["trainee"].queryset) == choices
    edit = client.get(reverse("programmes:traineeship_edit", kwargs={"pk": busy.pk}))
    assert list(edit.context["form"].fields["trainee"].queryset) == [busy.trainee]


def test_hr_sets_the_escalation_ladder_and_its_steps_come_in_order(personas, client_for):
    client = client_for(personas.hr, "en")
    data = {
        "name": "Regionaal",
        "kind": "regional",
        "learning_time_percent": "20",
        "meeting_rhythm_weeks": "4",
        "escalate_person_days": "5",
        "escalate_supervisor_days": "4",
        "escalate_hr_days": "20",
        "pay_rule": "fixed",
    }
    response = client.post(reverse("programmes:programme_create"), data)
    assert response.status_code == 200
    assert "comes later than the one before" in str(response.context["form"].errors["escalate_hr_days"])
    response = client.post(reverse("programmes:programme_create"), data | {"escalate_supervisor_days": "10"})
    assert response.status_code == 302
    programme = Programme.objects.get()
    assert (programme.escalate_person_days, programme.escalate_supervisor_days, programme.escalate_hr_days) == (
        5,
        10,
        20,
    )
