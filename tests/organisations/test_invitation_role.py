"""The invitation form preselects no role: HR adviser by default handed out HR rights by accident."""

from django.urls import reverse

from organisations.models import Invitation


def test_no_role_is_preselected_and_one_must_be_chosen(personas, client_for):
    client = client_for(personas.hr, "en")
    page = client.get(reverse("organisations:invite")).content.decode()
    assert '<option value="" selected>Choose a role</option>' in page
    response = client.post(reverse("organisations:invite"), {"name": "Nina Nieuw", "email": "nina@example.org"})
    assert response.status_code == 200
    assert response.context["form"].errors["role"] == ["This field is required."]
    assert 'value="nina@example.org"' in response.content.decode()
    assert not Invitation.objects.filter(email="nina@example.org").exists()
