"""The inventory of learning activities: HR keeps it, everyone in the organisation reads it."""

from django.urls import reverse

from competencies.models import LearningActivity
from programmes.models import DevelopmentActivity
from tests.programmes.factories import CompetencyFactory, FrameworkFactory, LearningActivityFactory, TraineeshipFactory
from tests.queries import page_queries


def test_hr_adds_an_activity_with_competencies(personas, client_for):
    competency = CompetencyFactory(framework=FrameworkFactory(organisation=personas.organisation))
    foreign = CompetencyFactory(framework=FrameworkFactory(organisation=personas.other_organisation))
    client = client_for(personas.hr, "en")
    url = reverse("programmes:inventory_create")
    data = {"title": "Intervisie", "kind": "formal", "category": "intervision", "competencies": [competency.pk]}
    response = client.post(url, data)
    assert "formal learning" in response.context["form"].errors["category"][0]
    response = client.post(url, data | {"competencies": [foreign.pk], "kind": "informal"})
    assert "competencies" in response.context["form"].errors
    assert client.post(url, data | {"kind": "informal", "hours": "12", "cost": "0"}).status_code == 302
    activity = LearningActivity.objects.get()
    assert activity.organisation == personas.organisation
    assert list(activity.competencies.all()) == [competency]
    assert client_for(personas.mentor).get(reverse("programmes:inventory")).status_code == 200
    assert client_for(personas.trainee).get(reverse("programmes:inventory")).status_code == 403
    assert client_for(personas.mentor).post(url, data).status_code == 403


def test_removing_an_activity_keeps_the_traineeships_copy(personas, client_for):
    activity = LearningActivityFactory(organisation=personas.organisation)
    traineeship = TraineeshipFactory(organisation=personas.organisation)
    DevelopmentActivity.objects.create(
        traineeship=traineeship, learning_activity=activity, title=activity.title, kind="formal", category="training"
    )
    url = reverse("programmes:inventory_delete", kwargs={"pk": activity.pk})
    assert client_for(personas.other_hr).post(url).status_code == 404
    assert client_for(personas.hr).post(url).status_code == 302
    assert DevelopmentActivity.objects.get().title == activity.title


def test_inventory_query_count_is_constant(personas, client_for):
    competency = CompetencyFactory(framework=FrameworkFactory(organisation=personas.organisation))
    for _ in range(3):
        LearningActivityFactory(organisation=personas.organisation).competencies.add(competency)
    client = client_for(personas.hr)
    url = reverse("programmes:inventory")
    expected = page_queries(client, url)
    for _ in range(20):
        LearningActivityFactory(organisation=personas.organisation).competencies.add(competency)
    assert page_queries(client, url) == expected
