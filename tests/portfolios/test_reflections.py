from django.urls import reverse

from portfolios.models import Reflection


def test_private_reflections_stay_with_the_trainee(traineeship, personas, client_for):
    trainee = client_for(personas.trainee)
    url = reverse("portfolios:reflections", kwargs={"pk": traineeship.pk})
    trainee.post(url, {"written_on": "2026-10-01", "text": "Gedeelde gedachte <b>vet</b>", "shared_with_mentor": "on"})
    trainee.post(url, {"written_on": "2026-10-02", "text": "Alleen voor mij"})
    assert Reflection.objects.count() == 2
    own = trainee.get(url).content.decode()
    assert "Gedeelde gedachte &lt;b&gt;vet&lt;/b&gt;" in own and "Alleen voor mij" in own
    mentor = client_for(personas.mentor).get(url).content.decode()
    assert "Gedeelde gedachte" in mentor and "Alleen voor mij" not in mentor
    for role in ["hr", "manager", "coordinator"]:
        page = client_for(personas.users[role]).get(url).content.decode()
        assert "Gedeelde gedachte" not in page and "Alleen voor mij" not in page
    assert client_for(personas.mentor).post(url, {"text": "x"}).status_code == 403
    assert client_for(personas.other_mentor).get(url).status_code == 404
