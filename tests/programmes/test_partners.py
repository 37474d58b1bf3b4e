"""Partners by consent: an organisation is a programme partner only when its HR accepts."""

from django.urls import reverse

from programmes.models import PartnerInvitation, Programme
from tests.programmes.factories import TraineeshipFactory

PROGRAMME = {
    "name": "Regionaal",
    "kind": "regional",
    "learning_time_percent": "20",
    "meeting_rhythm_weeks": "4",
    "escalate_person_days": "3",
    "escalate_supervisor_days": "7",
    "escalate_hr_days": "14",
    "pay_rule": "fixed",
}


def test_invited_partner_reads_nothing_until_its_hr_accepts(personas, client_for):
    owner_hr = client_for(personas.hr, "en")
    # The picker lists no organisation: the owner names the partner exactly.
    form = owner_hr.get(reverse("programmes:programme_create")).context["form"]
    assert list(form.fields["partners"].queryset) == []
    response = owner_hr.post(reverse("programmes:programme_create"), PROGRAMME | {"invite_partner": "Andere"})
    assert "invite_partner" in response.context["form"].errors
    response = owner_hr.post(
        reverse("programmes:programme_create"), PROGRAMME | {"invite_partner": personas.other_hr.email.upper()}
    )
    assert response.status_code == 302
    programme = Programme.objects.get()
    invitation = PartnerInvitation.objects.get(programme=programme)
    assert invitation.organisation == personas.other_organisation and invitation.accepted is None
    assert not programme.partners.exists()
    # Not a partner yet: its coordinator cannot be chosen and its staff see nothing.
    edit = reverse("programmes:programme_edit", kwargs={"pk": programme.pk})
    response = owner_hr.post(edit, PROGRAMME | {"coordinator": personas.other_coordinator.pk})
    assert "coordinator" in response.context["form"].errors
    detail = reverse("programmes:programme_detail", kwargs={"pk": programme.pk})
    assert client_for(personas.other_hr).get(detail).status_code == 404

    partner_hr = client_for(personas.other_hr, "en")
    home = partner_hr.get(reverse("home")).content.decode()
    assert reverse("programmes:partner_invitations") in home
    page = partner_hr.get(reverse("programmes:partner_invitations"))
    assert list(page.context["pending"]) == [invitation]
    answer = reverse("programmes:partner_invitation_answer", kwargs={"pk": invitation.pk})
    assert owner_hr.post(answer, {"answer": "accept"}).status_code == 403  # the owner cannot accept for them
    assert partner_hr.post(answer, {"answer": "accept"}).status_code == 302
    assert list(programme.partners.all()) == [personas.other_organisation]
    assert client_for(personas.other_hr).get(detail).status_code == 200
    response = owner_hr.post(
        edit,
        PROGRAMME | {"coordinator": personas.other_coordinator.pk, "partners": [personas.other_organisation.pk]},
    )
    assert response.status_code == 302
    assert Programme.objects.get().coordinator == personas.other_coordinator


def test_declined_partner_is_no_partner_and_hosts_no_placement(personas, client_for):
    programme = Programme.objects.create(owner=personas.organisation, name="Regio", kind="regional")
    client_for(personas.hr).post(
        reverse("programmes:programme_edit", kwargs={"pk": programme.pk}),
        PROGRAMME | {"invite_partner": personas.other_organisation.name},
    )
    invitation = PartnerInvitation.objects.get()
    client_for(personas.other_hr).post(
        reverse("programmes:partner_invitation_answer", kwargs={"pk": invitation.pk}), {"answer": "decline"}
    )
    assert not programme.partners.exists()
    traineeship = TraineeshipFactory(programme=programme, trainee=personas.trainee)
    page = client_for(personas.hr).get(reverse("programmes:placements", kwargs={"pk": traineeship.pk}))
    assert personas.other_organisation not in page.context["form"].fields["organisation"].queryset
