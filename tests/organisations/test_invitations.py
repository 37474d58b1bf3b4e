from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from organisations.models import AuditEntry, Invitation, Membership, Role, User


def invite(client, **data):
    payload = {"name": "Nina Nieuw", "email": "nina@example.org", "role": "trainee"} | data
    return client.post(reverse("organisations:invite"), payload)


def link_from(message) -> str:
    return next(line for line in message.body.splitlines() if "/organisation/invitation/" in line).strip()


@pytest.mark.django_db
class TestInvite:
    def test_hr_invites_and_the_link_arrives_by_mail(self, personas, client_for):
        response = invite(client_for(personas.hr))
        assert response.status_code == 302
        invitation = Invitation.objects.get(email="nina@example.org")
        assert invitation.organisation == personas.organisation
        assert invitation.invited_by == personas.hr
        assert len(mail.outbox) == 1
        assert "Welzijn Testdal" in mail.outbox[0].subject
        token = link_from(mail.outbox[0]).rsplit("/", 2)[-2]
        # Only a hash of the token is stored.
        assert token not in invitation.token_hash
        assert AuditEntry.objects.filter(action="invitation.sent", organisation=personas.organisation).exists()

    def test_the_mail_is_in_dutch_by_default(self, personas, client_for):
        invite(client_for(personas.hr))
        assert "Uitnodiging" in mail.outbox[0].subject

    def test_bad_input_is_shown_at_the_field_and_kept(self, personas, client_for):
        response = invite(client_for(personas.hr), email="not-an-address", name="Zoë")
        assert response.status_code == 200
        assert "Zoë" in response.content.decode()
        assert response.context["form"].errors["email"]
        assert not Invitation.objects.exists()

    def test_existing_role_is_refused(self, personas, client_for):
        response = invite(client_for(personas.hr), email=personas.trainee.email, role="trainee")
        assert "heeft deze rol al" in str(response.context["form"].errors["email"])

    @pytest.mark.parametrize("role", ["manager", "mentor", "trainee", "coordinator"])
    def test_only_hr_invites(self, personas, client_for, role):
        assert invite(client_for(personas.users[role])).status_code == 403


@pytest.mark.django_db
class TestAccept:
    def invited(self, personas, client_for, **data):
        invite(client_for(personas.hr), **data)
        return link_from(mail.outbox[-1])

    def test_new_person_sets_password_and_lands_in_their_role(self, personas, client_for):
        link = self.invited(personas, client_for)
        client = client_for()
        assert client.get(link).status_code == 200
        response = client.post(
            link, {"name": "Nina Nieuw", "password1": "lang-en-veilig-42", "password2": "lang-en-veilig-42"}
        )
        assert response.status_code == 302
        user = User.objects.get(email="nina@example.org")
        assert Membership.objects.filter(user=user, organisation=personas.organisation, role=Role.TRAINEE).exists()
        home = client.get(reverse("home"))
        assert home.status_code == 200
        assert home.context["request"].membership.role == Role.TRAINEE
        # Signing in afterwards works with the new password.
        assert client_for().login(username="nina@example.org", password="lang-en-veilig-42")

    def test_link_works_once(self, personas, client_for):
        link = self.invited(personas, client_for)
        data = {"name": "Nina", "password1": "lang-en-veilig-42", "password2": "lang-en-veilig-42"}
        client_for().post(link, data)
        assert client_for().get(link).status_code == 404
        assert client_for().post(link, data).status_code == 404

    def test_link_expires(self, personas, client_for):
        link = self.invited(personas, client_for)
        with time_machine.travel(timezone.now() + timedelta(days=15)):
            assert client_for().get(link).status_code == 404

    def test_withdrawn_link_is_dead(self, personas, client_for):
        link = self.invited(personas, client_for)
        invitation = Invitation.objects.get(email="nina@example.org")
        client_for(personas.hr).post(reverse("organisations:invitation_revoke", args=[invitation.pk]))
        assert client_for().get(link).status_code == 404

    def test_weak_or_different_passwords_are_refused(self, personas, client_for):
        link = self.invited(personas, client_for)
        response = client_for().post(link, {"name": "Nina", "password1": "12345678", "password2": "12345678"})
        assert response.status_code == 200
        assert response.context["form"].errors["password1"]
        response = client_for().post(
            link, {"name": "Nina", "password1": "lang-en-veilig-42", "password2": "anders-42!"}
        )
        assert response.context["form"].errors["password2"]
        # The account that waits for the invitee stays unable to sign in.
        assert not User.objects.filter(email="nina@example.org", is_active=True).exists()

    def test_existing_user_signed_in_accepts_a_second_role(self, personas, client_for):
        link = self.invited(personas, client_for, email=personas.mentor.email, role="hr")
        client = client_for(personas.mentor)
        response = client.post(link)
        assert response.status_code == 302
        assert Membership.objects.filter(user=personas.mentor, role=Role.HR).exists()

    def test_signed_in_as_someone_else_is_refused(self, personas, client_for):
        link = self.invited(personas, client_for)
        assert client_for(personas.mentor).get(link).status_code == 403
