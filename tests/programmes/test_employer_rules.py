"""Contract rules per employer inside one regional programme (seed 002): a placement carries its employer's
cao, contract length, hours and scale, defaulting to the programme's; the placement form shows what applies
and refuses a placement longer than the employer's contract at the field, keeping what was typed."""

from datetime import date

from django.urls import reverse

from programmes.models import Placement, ProgrammeKind
from tests.organisations.factories import OrganisationFactory
from tests.programmes.factories import PlacementFactory, ProgrammeFactory, TraineeshipFactory


def regional(personas):
    """A regional programme of 24 months under the cao Gemeenten, with a partner employer."""
    programme = ProgrammeFactory(
        owner=personas.organisation,
        kind=ProgrammeKind.REGIONAL,
        agreement_name="cao Gemeenten",
        max_duration_months=24,
        pay_rule="offset",
        scale_offset=1,
        scale_mbo=None,
        scale_hbo=None,
        graduation_window_months=None,
    )
    partner = OrganisationFactory(name="Jeugdzorg Rivierenland")
    programme.partners.add(partner)
    traineeship = TraineeshipFactory(
        programme=programme,
        trainee=personas.trainee,
        start_date=date(2026, 1, 1),
        end_date=date(2027, 12, 31),
        graduation_date=date(2025, 7, 1),
        function_scale=9,
        scale=8,
    )
    return programme, partner, traineeship


def add(client, traineeship, **values):
    data = {"start_date": "2026-01-01", "end_date": "2026-12-31", "assignment": "Wijkteam"} | values
    return client.post(reverse("programmes:placements", kwargs={"pk": traineeship.pk}), data)


def test_a_placement_longer_than_the_employers_contract_is_refused_at_the_field(personas, client_for):
    _programme, partner, traineeship = regional(personas)
    response = add(
        client_for(personas.hr, "en"), traineeship, organisation=partner.pk, contract_months="8", pay_scale="8"
    )
    assert response.status_code == 200
    assert response.context["form"].errors["end_date"] == [
        "The contract with Jeugdzorg Rivierenland under cao Gemeenten lasts 8 months; "
        "end this placement before 01-09-2026."
    ]
    html = response.content.decode()
    assert 'value="2026-12-31"' in html and 'name="contract_months" value="8"' in html
    assert not Placement.objects.exists()
    hr = client_for(personas.hr)
    fits = add(hr, traineeship, organisation=partner.pk, contract_months="8", end_date="2026-08-31")
    assert fits.status_code == 302
    assert Placement.objects.get().contract_months == 8


def test_another_cao_at_one_employer_is_shown_on_the_traineeship_pages(personas, client_for):
    _programme, partner, traineeship = regional(personas)
    response = add(
        client_for(personas.hr, "en"),
        traineeship,
        organisation=partner.pk,
        cao_preset="cao_jeugdzorg",
        end_date="2026-08-31",
        contract_months="8",
    )
    assert response.status_code == 302
    PlacementFactory(traineeship=traineeship, start_date=date(2026, 9, 1), end_date=date(2027, 12, 31))
    for url in (
        reverse("stappenplan", kwargs={"pk": traineeship.pk}),
        reverse("programmes:placements", kwargs={"pk": traineeship.pk}),
    ):
        response = client_for(personas.hr, "en").get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "cao Jeugdzorg · contract of 8 months" in html
        assert "another cao than the programme" in html
        # The owner's placement follows the programme.
        assert "cao Gemeenten · contract of 24 months" in html


def test_the_employers_pay_scale_is_checked_against_its_cao(personas, client_for):
    _programme, partner, traineeship = regional(personas)
    response = add(
        client_for(personas.hr, "en"),
        traineeship,
        organisation=partner.pk,
        cao_preset="cao_jeugdzorg",
        end_date="2026-08-31",
        pay_scale="7",
    )
    assert response.context["form"].errors["pay_scale"] == ["Under cao Jeugdzorg this trainee is in scale 9."]
    assert add(client_for(personas.hr), traineeship, organisation=partner.pk, cao_preset="nonsense").status_code == 200


def test_a_next_placement_at_the_same_employer_carries_its_rules(personas, client_for):
    programme, partner, traineeship = regional(personas)
    PlacementFactory(
        traineeship=TraineeshipFactory(programme=programme, organisation=personas.organisation),
        organisation=partner,
        contract_months=8,
        cao_preset="cao_jeugdzorg",
    )
    page = client_for(personas.hr, "en").get(reverse("programmes:placements", kwargs={"pk": traineeship.pk}))
    assert "Jeugdzorg Rivierenland</strong>: cao Jeugdzorg · contract of 8 months" in page.content.decode()
    response = add(client_for(personas.hr, "en"), traineeship, organisation=partner.pk)
    assert "lasts 8 months" in response.context["form"].errors["end_date"][0]
    assert add(client_for(personas.hr), traineeship, organisation=partner.pk, end_date="2026-08-31").status_code == 302
    placement = Placement.objects.get(traineeship=traineeship)
    assert (placement.cao_preset, placement.contract_months) == ("cao_jeugdzorg", 8)


def test_a_single_employer_programme_has_no_employer_rules(personas, client_for):
    traineeship = TraineeshipFactory(organisation=personas.organisation)
    form = client_for(personas.hr).get(reverse("programmes:placements", kwargs={"pk": traineeship.pk})).context["form"]
    assert "contract_months" not in form.fields
