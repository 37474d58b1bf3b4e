"""The trainee's own programme evaluation: open halfway, sent once, read only by the trainee."""

import pytest
from django.urls import reverse

from evaluations.models import Answer, ProgrammeEvaluation, Question
from tests.evaluations.factories import halfway_traineeship, send
from tests.programmes.factories import CohortFactory, ProgrammeFactory, TraineeshipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def traineeship(personas):
    from tests.programmes.factories import PlacementFactory

    programme = ProgrammeFactory(owner=personas.organisation, coordinator=personas.coordinator)
    traineeship = halfway_traineeship(programme, trainee=personas.trainee, cohort=CohortFactory(programme=programme))
    PlacementFactory(traineeship=traineeship, mentor=personas.mentor, manager=personas.manager)
    return traineeship


def _url(traineeship, moment="midway"):
    return reverse("evaluations:answer", kwargs={"pk": traineeship.pk, "moment": moment})


def _valid(response_or_questions):
    data = {}
    for question in Question.objects.filter(active=True):
        key = f"question_{question.pk}"
        data[key] = "4" if question.kind == Question.Kind.RATING else "De groepsdagen houden."
    return data


def test_trainee_sends_the_halfway_evaluation_once(traineeship, personas, client_for):
    client = client_for(personas.trainee)
    page = client.get(_url(traineeship))
    assert page.status_code == 200
    # The defaults from the seeds, in Dutch.
    assert "Hoe waardevol waren de groepsdagen?" in page.content.decode()
    data = _valid(page)
    response = client.post(_url(traineeship), data)
    assert response.status_code == 302
    evaluation = ProgrammeEvaluation.objects.get(traineeship=traineeship, moment="midway")
    assert evaluation.answers.filter(rating=4).count() == 4
    assert evaluation.answers.filter(question__kind="open", text="De groepsdagen houden.").count() == 2
    shown = client.get(_url(traineeship)).content.decode()
    assert "De groepsdagen houden." in shown and "Evaluatie versturen" not in shown
    # Sent is sent: a second post changes nothing.
    data[next(key for key in data if data[key] == "4")] = "1"
    client.post(_url(traineeship), data)
    assert not Answer.objects.filter(rating=1).exists()


def test_a_missing_rating_is_an_error_at_the_field(traineeship, personas, client_for):
    client = client_for(personas.trainee)
    client.get(_url(traineeship))
    data = _valid(None)
    rating = Question.objects.filter(kind="rating").first()
    del data[f"question_{rating.pk}"]
    response = client.post(_url(traineeship), data)
    assert response.status_code == 200
    assert "Kies een beoordeling van 1 tot 5." in response.content.decode()
    data[f"question_{rating.pk}"] = "9"
    assert client.post(_url(traineeship), data).status_code == 200
    assert not ProgrammeEvaluation.objects.exists()


def test_not_open_before_halfway(personas, client_for):
    traineeship = TraineeshipFactory(organisation=personas.organisation, trainee=personas.trainee)
    client = client_for(personas.trainee)
    page = client.get(_url(traineeship, "end"))
    assert page.status_code == 200 and "opent op" in page.content.decode()
    assert client.post(_url(traineeship, "end"), {}).status_code == 302
    assert not ProgrammeEvaluation.objects.exists()
    assert client.get(_url(traineeship, "later")).status_code == 404


def test_nobody_but_the_trainee_reads_or_sends_it(traineeship, personas, client_for):
    send(traineeship, keep="Alleen van mij")
    for user in (personas.hr, personas.mentor, personas.manager, personas.coordinator):
        assert client_for(user).get(_url(traineeship)).status_code == 403
        assert client_for(user).post(_url(traineeship), {}).status_code == 403
    for user in (personas.other_hr, personas.other_trainee):
        assert client_for(user).get(_url(traineeship)).status_code == 404


def test_home_and_menu_lead_the_trainee_to_an_open_evaluation(traineeship, personas, client_for):
    client = client_for(personas.trainee)
    home = client.get(reverse("home")).content.decode()
    assert _url(traineeship) in home
    assert reverse("evaluations:mine") in home
    listing = client.get(reverse("evaluations:mine")).content.decode()
    assert _url(traineeship) in listing
    send(traineeship)
    assert _url(traineeship) not in client.get(reverse("home")).content.decode()


def test_the_first_to_open_in_english_does_not_word_the_programmes_questions(traineeship, personas, client_for):
    """The default questions are the programme's, for everyone: made in the site's language whoever
    opens an evaluation first and in whatever language (HR rewords them on the questions page)."""
    page = client_for(personas.trainee, language="en").get(_url(traineeship))
    assert page.status_code == 200 and 'lang="en"' in page.content.decode()
    texts = set(Question.objects.filter(programme=traineeship.programme).values_list("text", flat=True))
    assert {"Hoe waardevol waren de groepsdagen?", "Wat moet het programma vooral houden?"} <= texts
    assert "How valuable were the group days?" not in texts
