"""The cohort blueprint offers its model traineeship from a searched, paged list, not all of a big cohort."""

from django.urls import reverse

from tests.organisations.factories import UserFactory
from tests.programmes.factories import CohortFactory, ProgrammeFactory, TraineeshipFactory


def make_cohort(personas, count):
    programme = ProgrammeFactory(owner=personas.organisation)
    cohort = CohortFactory(programme=programme)
    traineeships = [
        TraineeshipFactory(programme=programme, cohort=cohort, trainee=UserFactory(name=f"Trainee {i:02d}"))
        for i in range(count)
    ]
    return cohort, traineeships


def options(response):
    return [value for value, _label in response.context["form"].fields["model_traineeship"].widget.choices if value]


def test_blueprint_lists_a_page_and_searches(personas, client_for):
    cohort, traineeships = make_cohort(personas, 27)
    client = client_for(personas.hr, language="en")
    url = reverse("programmes:cohort_blueprint", kwargs={"pk": cohort.pk})
    first = client.get(url)
    assert len(options(first)) == 25
    assert "27 traineeships to choose from" in first.content.decode()
    assert len(options(client.get(url, {"page": 2}))) == 2
    found = client.get(url, {"q": "Trainee 13"})
    assert options(found) == [traineeships[13].pk]
    assert "1 traineeship to choose from" in found.content.decode()
    assert client.get(url, {"page": "x"}).status_code == 200


def test_blueprint_accepts_any_traineeship_of_the_cohort_and_refuses_others(personas, client_for):
    cohort, traineeships = make_cohort(personas, 27)
    _other_cohort, others = make_cohort(personas, 1)
    client = client_for(personas.hr, language="en")
    url = reverse("programmes:cohort_blueprint", kwargs={"pk": cohort.pk})
    data = {"name": "Lichting 2027", "start_date": "2027-01-01"}
    refused = client.post(url, {**data, "model_traineeship": others[0].pk})
    assert refused.status_code == 200 and refused.context["form"].errors["model_traineeship"]
    # A traineeship on the second page is a valid choice too.
    accepted = client.post(url, {**data, "model_traineeship": traineeships[-1].pk})
    assert accepted.status_code == 302
    assert cohort.copies.get().model_traineeship == traineeships[-1]
