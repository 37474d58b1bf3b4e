import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse

from evaluations.models import ProgrammeEvaluation
from organisations.models import Membership, User
from programmes.models import Programme
from tests.evaluations.factories import halfway_traineeship, send
from tests.privacy.test_privacy import download_copy
from tests.programmes.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _data(response):
    return json.loads(zipfile.ZipFile(io.BytesIO(response.content)).read("data.json"))


def test_own_answers_in_the_trainees_copy_never_in_hrs(personas, client_for):
    traineeship = halfway_traineeship(ProgrammeFactory(owner=personas.organisation), trainee=personas.trainee)
    send(traineeship, rating=2, keep="Mijn eigen antwoord")
    own = _data(download_copy(client_for(personas.trainee), reverse("privacy_my_data_download")))
    (evaluation,) = own["programme_evaluations"]
    assert evaluation["moment"] == "midway"
    assert {"question": "Wat moet het programma vooral houden?", "rating": None, "text": "Mijn eigen antwoord"} in (
        evaluation["answers"]
    )
    membership = Membership.objects.get(user=personas.trainee, organisation=personas.organisation)
    hr_copy = download_copy(client_for(personas.hr), reverse("privacy_person_download", args=[membership.pk]))
    assert "programme_evaluations" not in _data(hr_copy)
    assert "Mijn eigen antwoord" not in hr_copy.content.decode("latin-1")


def test_demo_shows_totals_of_one_cohort_at_once(client_for):
    call_command("demo", stdout=io.StringIO())
    zonnedal = Programme.objects.get(name="Traineeship Sociaal Werk Welzijn Zonnedal")
    assert ProgrammeEvaluation.objects.filter(traineeship__cohort__name="Lichting vorig jaar").count() >= 2 * 5
    client = client_for(User.objects.get(email="hr@zonnedal.example"))
    html = client.get(reverse("evaluations:programme_results", kwargs={"pk": zonnedal.pk})).content.decode()
    assert "6 trainees hebben geantwoord." in html
    assert "Hoe waardevol waren de groepsdagen?" in html
    buurtkracht = Programme.objects.get(name="Traineeship Sociaal Werk Buurtkracht Noord")
    client = client_for(User.objects.get(email="coordinator@buurtkracht.example"))
    html = client.get(reverse("evaluations:programme_results", kwargs={"pk": buurtkracht.pk})).content.decode()
    assert "Niet getoond" in html and "heeft geantwoord." not in html and "hebben geantwoord." not in html
    call_command("demo", stdout=io.StringIO())
    assert ProgrammeEvaluation.objects.filter(traineeship__cohort__name="Lichting vorig jaar").count() == 2 * 7


def test_erasure_names_and_deletes_the_persons_evaluations(personas, client_for):
    from tests.privacy.test_privacy import make_traineeship

    traineeship = make_traineeship(personas.organisation, personas.trainee)
    send(traineeship, keep="Weg ermee")
    membership = Membership.objects.get(user=personas.trainee, organisation=personas.organisation)
    client = client_for(personas.hr)
    url = reverse("privacy_person_erase", args=[membership.pk])
    assert "1 programma-evaluatie, met de antwoorden" in client.get(url).context["summary"]
    assert client.post(url, {"confirm": "yes"}).status_code == 302
    assert not ProgrammeEvaluation.objects.exists()
