"""A partner organisation sees only the traineeships placed with it; another organisation gets 404."""

from django.urls import reverse

from organisations.models import Role, SubmissionReceipt
from programmes.models import Traineeship
from tests.organisations.factories import OrganisationFactory, member
from tests.programmes.factories import PlacementFactory, ProgrammeFactory, TraineeshipFactory


def test_partner_sees_only_traineeships_placed_with_it(personas, client_for):
    owner, partner = personas.organisation, personas.other_organisation
    programme = ProgrammeFactory(owner=owner, max_duration_months=24)
    programme.partners.add(partner)
    placed = TraineeshipFactory(programme=programme)
    PlacementFactory(traineeship=placed, organisation=partner)
    not_placed = TraineeshipFactory(programme=programme)
    PlacementFactory(traineeship=not_placed)

    for user in (personas.other_hr, personas.other_manager):
        visible = set(Traineeship.objects.visible_to(user))
        assert visible == {placed}
        client = client_for(user)
        assert client.get(reverse("stappenplan", kwargs={"pk": placed.pk})).status_code == 200
        assert client.get(reverse("stappenplan", kwargs={"pk": not_placed.pk})).status_code == 404
        assert client.get(reverse("programmes:placements", kwargs={"pk": not_placed.pk})).status_code == 404
    # A partner's mentor and trainee see nothing of it (unless placed with them as mentor).
    assert not Traineeship.objects.visible_to(personas.other_mentor).exists()
    # The partner's HR may read but not change the placed traineeship.
    client = client_for(personas.other_hr)
    assert client.get(reverse("programmes:traineeship_edit", kwargs={"pk": placed.pk})).status_code == 403
    # The partner's overview lists only the placed one.
    response = client_for(personas.other_hr).get(reverse("traineeship_list"))
    assert [t.pk for t in response.context["page"]] == [placed.pk]


def test_outsider_gets_404_everywhere(personas, client_for):
    traineeship = TraineeshipFactory(organisation=personas.organisation, trainee=personas.trainee)
    PlacementFactory(traineeship=traineeship, mentor=personas.mentor)
    outsider = client_for(personas.outsider)
    for name in ("stappenplan", "programmes:work_profile", "programmes:activities", "programmes:placements"):
        assert outsider.get(reverse(name, kwargs={"pk": traineeship.pk})).status_code == 404
    assert (
        outsider.get(reverse("programmes:programme_detail", kwargs={"pk": traineeship.programme_id})).status_code == 404
    )
    assert outsider.get(reverse("traineeship_list")).context["page"].paginator.count == 0


def test_placement_choices_are_owner_and_partners_with_their_managers(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation, max_duration_months=24)
    traineeship = TraineeshipFactory(programme=programme)
    third = OrganisationFactory(slug="derde")
    url = reverse("programmes:placements", kwargs={"pk": traineeship.pk})
    client = client_for(personas.hr, "en")
    base = {
        "start_date": traineeship.start_date.isoformat(),
        "end_date": traineeship.end_date.isoformat(),
    }
    response = client.post(url, base | {"organisation": third.pk})
    assert "organisation" in response.context["form"].errors
    response = client.post(url, base | {"organisation": personas.organisation.pk, "manager": personas.mentor.pk})
    assert "manager" in response.context["form"].errors
    other_manager = member(personas.other_organisation, Role.MANAGER)
    programme.partners.add(personas.other_organisation)
    response = client.post(url, base | {"organisation": personas.organisation.pk, "manager": other_manager.pk})
    assert "is not a manager at" in response.context["form"].errors["manager"][0]
    response = client.post(url, base | {"organisation": personas.organisation.pk, "manager": personas.manager.pk})
    assert response.status_code == 302
    response = client.post(url, base | {"organisation": personas.other_organisation.pk})
    assert "overlaps" in response.context["form"].errors["start_date"][0]


def test_rotation_proposes_consecutive_placements(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation, max_duration_months=24, kind="regional")
    programme.partners.add(personas.other_organisation)
    traineeship = TraineeshipFactory(programme=programme)
    traineeship.end_date = traineeship.start_date.replace(year=traineeship.start_date.year + 2)
    traineeship.save()
    url = reverse("programmes:placements", kwargs={"pk": traineeship.pk})
    data = {"rotation-start_date": traineeship.start_date.isoformat(), "rotation-count": "3", "rotation-months": "8"}
    assert client_for(personas.hr).post(url, data).status_code == 302
    placements = list(traineeship.placements.order_by("start_date"))
    assert [p.organisation for p in placements] == [
        personas.organisation,
        personas.other_organisation,
        personas.organisation,
    ]
    for before, after in zip(placements, placements[1:], strict=False):
        assert (after.start_date - before.end_date).days == 1
    # Again (once the double-submit window has passed): overlaps, so nothing is added and the message says why.
    SubmissionReceipt.objects.all().delete()
    response = client_for(personas.hr, "en").post(url, data)
    assert response.status_code == 200
    assert "overlaps" in " ".join(response.context["rotation"].non_field_errors())
    assert traineeship.placements.count() == 3
