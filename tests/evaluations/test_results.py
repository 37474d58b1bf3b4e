"""Totals for HR and the coordinator: only from five trainees on, scoped to the programme's organisations."""

import pytest
from django.urls import reverse

from evaluations.models import Question
from tests.evaluations.factories import halfway_traineeship, send
from tests.programmes.factories import CohortFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

HIDDEN = "Niet getoond"


@pytest.fixture
def programme(personas):
    return ProgrammeFactory(owner=personas.organisation, coordinator=personas.coordinator)


def _results(client, programme):
    response = client.get(reverse("evaluations:programme_results", kwargs={"pk": programme.pk}))
    assert response.status_code == 200
    return response.content.decode()


def _answered(programme, cohort, count, *, rating=4):
    traineeships = [halfway_traineeship(programme, cohort=cohort) for _ in range(count)]
    for number, traineeship in enumerate(traineeships):
        send(traineeship, rating=rating, keep=f"Antwoord van trainee {number}")
    return traineeships


def _halfway(html):
    return html.split('id="moment-end"')[0]


def test_four_answers_show_nothing_five_show_the_totals(programme, personas, client_for):
    cohort = CohortFactory(programme=programme, name="Lichting A")
    traineeships = _answered(programme, cohort, 4, rating=3)
    client = client_for(personas.hr)
    html = _halfway(_results(client, programme))
    assert html.count(HIDDEN) == 2  # the programme and its cohort
    assert "Antwoord van trainee" not in html
    assert "3,0" not in html and "4 trainees" not in html
    _answered(programme, cohort, 1, rating=5)
    html = _halfway(_results(client, programme))
    assert HIDDEN not in html
    assert "5 trainees hebben geantwoord." in html
    assert "3,4" in html  # (4 × 3 + 5) / 5
    assert 'width="68"' in html  # the bar: 3.4 of 5
    assert "Antwoord van trainee 3" in html
    # Never a name: nothing leads to a person.
    for traineeship in traineeships:
        assert traineeship.trainee.name not in html


def test_the_coordinator_reads_them_too(programme, personas, client_for):
    _answered(programme, CohortFactory(programme=programme), 5)
    html = _results(client_for(personas.coordinator), programme)
    assert "5 trainees hebben geantwoord." in html


def test_a_cohort_is_withheld_when_subtracting_it_would_show_a_few(programme, personas, client_for):
    big, small = CohortFactory(programme=programme, name="Groot"), CohortFactory(programme=programme, name="Klein")
    _answered(programme, big, 5, rating=4)
    _answered(programme, small, 1, rating=1)
    html = _halfway(_results(client_for(personas.hr), programme))
    assert "6 trainees hebben geantwoord." in html  # the programme
    assert html.count(HIDDEN) == 2  # both cohorts: the big one minus the total would show the small one
    _answered(programme, small, 4, rating=1)
    html = _halfway(_results(client_for(personas.hr), programme))
    assert HIDDEN not in html


def test_scoping_and_roles(programme, personas, client_for):
    _answered(programme, CohortFactory(programme=programme), 5)
    url = reverse("evaluations:programme_results", kwargs={"pk": programme.pk})
    for user in (personas.other_hr, personas.other_coordinator):
        assert client_for(user).get(url).status_code == 404
    for user in (personas.manager, personas.mentor, personas.trainee):
        assert client_for(user).get(url).status_code == 403
    listing = client_for(personas.hr).get(reverse("evaluations:results")).content.decode()
    assert url in listing
    assert url not in client_for(personas.other_hr).get(reverse("evaluations:results")).content.decode()


def test_individual_answers_never_reach_hr_mentor_or_manager(programme, personas, client_for):
    cohort = CohortFactory(programme=programme)
    (own,) = _answered(programme, cohort, 1)
    url = reverse("evaluations:answer", kwargs={"pk": own.pk, "moment": "midway"})
    for user in (personas.hr, personas.manager, personas.mentor, personas.coordinator):
        response = client_for(user).get(url)
        assert response.status_code in (403, 404)
        assert "Antwoord van trainee 0" not in response.content.decode()
    assert "Antwoord van trainee 0" not in _results(client_for(personas.hr), programme)


def test_hr_edits_the_questions(programme, personas, client_for):
    client = client_for(personas.hr)
    url = reverse("evaluations:questions", kwargs={"pk": programme.pk})
    page = client.get(url)
    assert page.status_code == 200
    questions = list(Question.objects.filter(programme=programme))
    assert len(questions) == 6
    data = {"form-TOTAL_FORMS": "7", "form-INITIAL_FORMS": "6", "form-MIN_NUM_FORMS": "0", "form-MAX_NUM_FORMS": "1000"}
    for index, question in enumerate(questions):
        data |= {
            f"form-{index}-id": str(question.pk),
            f"form-{index}-text": question.text,
            f"form-{index}-kind": question.kind,
            f"form-{index}-position": str(question.position),
            f"form-{index}-active": "on",
        }
    data |= {"form-0-text": "Hoe was de begeleiding door je mentor?", "form-5-active": ""}
    data |= {
        "form-6-text": "Hoe was de intervisie?",
        "form-6-kind": "rating",
        "form-6-position": "7",
        "form-6-active": "on",
    }
    assert client.post(url, data).status_code == 302
    assert Question.objects.filter(programme=programme, text="Hoe was de intervisie?").exists()
    assert Question.objects.get(pk=questions[0].pk).text == "Hoe was de begeleiding door je mentor?"
    assert not Question.objects.get(pk=questions[5].pk).active
    # Answered, a question keeps its kind.
    send(halfway_traineeship(programme))
    data |= {"form-0-kind": "open", "form-TOTAL_FORMS": "6"}
    data = {key: value for key, value in data.items() if not key.startswith("form-6-")}
    data["form-INITIAL_FORMS"] = "7"
    data["form-TOTAL_FORMS"] = "7"
    new = Question.objects.get(text="Hoe was de intervisie?")
    data |= {"form-6-id": str(new.pk), "form-6-text": new.text, "form-6-kind": "rating", "form-6-position": "7"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "kind stays" in response.content.decode() or "blijft" in response.content.decode()
    assert Question.objects.get(pk=questions[0].pk).kind == "rating"
    # Outside the organisation: 404; a manager inside: 403.
    assert client_for(personas.other_hr).get(url).status_code == 404
    assert client_for(personas.manager).get(url).status_code == 403
