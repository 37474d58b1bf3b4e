"""Steps 1 and 2 in the browser's terms: the stappenplan reflects the data, not a checkbox."""

from django.urls import reverse

from overview.stappenplan import steps_for
from programmes.models import DevelopmentActivity, ProfileCompetency, WorkProfile
from tests.programmes.factories import (
    CohortFactory,
    CompetencyFactory,
    LearningActivityFactory,
    PlacementFactory,
    TraineeshipFactory,
)


def test_steps_follow_the_data(personas, client_for):
    traineeship = TraineeshipFactory(organisation=personas.organisation, trainee=personas.trainee)
    framework = traineeship.programme.framework
    a1 = CompetencyFactory(framework=framework, code="A1")
    a2 = CompetencyFactory(framework=framework, code="A2")
    activity = LearningActivityFactory(organisation=personas.organisation, title="Training meldcode")
    activity.competencies.add(a2)
    client = client_for(personas.hr, "en")

    steps = steps_for(traineeship)
    assert steps[0].current and not steps[0].done and not steps[0].started
    assert len(steps[0].missing) >= 3

    url = reverse("programmes:work_profile", kwargs={"pk": traineeship.pk})
    response = client.post(url, {"kind": "assignment", "assignment": "Buurtonderzoek"})
    assert "end_result" in response.context["form"].errors
    assert client.post(url, {"kind": "tasks", "tasks": "Spreekuur en huisbezoeken"}).status_code == 302
    assert steps_for(traineeship)[0].started

    url = reverse("programmes:profile_competencies", kwargs={"pk": traineeship.pk})
    # One table, one submission: a purpose and a level per competency.
    client.post(
        url,
        {
            f"purpose_{a1.pk}": "required",
            f"level_{a1.pk}": "startbekwaam",
            f"purpose_{a2.pk}": "develop",
            f"level_{a2.pk}": "vakbekwaam",
        },
    )
    assert ProfileCompetency.objects.filter(traineeship=traineeship).count() == 2
    steps = steps_for(traineeship)
    step1_portfolio_checks = [m for m in steps[0].missing if "programmes" not in m[2]]
    assert steps[0].done or step1_portfolio_checks

    url = reverse("programmes:activities", kwargs={"pk": traineeship.pk})
    response = client.get(url)
    suggestions = response.context["suggestions"]
    assert [(s.competency, s.activities) for s in suggestions] == [(a2, [activity])]
    assert client.post(url, {"activities": [activity.pk]}).status_code == 302
    chosen = DevelopmentActivity.objects.get(traineeship=traineeship)
    assert chosen.learning_activity == activity
    assert list(chosen.competencies.all()) == [a2]
    assert client.get(url).context["suggestions"] == []
    assert steps_for(traineeship)[1].done

    assert not steps_for(traineeship)[2].done  # no placement yet
    PlacementFactory(traineeship=traineeship)
    assert "The traineeship has no placement yet." not in [m[0] for m in steps_for(traineeship)[2].missing]

    page = client.get(reverse("stappenplan", kwargs={"pk": traineeship.pk}))
    html = page.content.decode()
    assert "Step 2: Learning activities" in html
    assert "Done" in html


def test_readers_see_but_cannot_change(personas, client_for):
    traineeship = TraineeshipFactory(organisation=personas.organisation, trainee=personas.trainee)
    WorkProfile.objects.create(traineeship=traineeship, tasks="Spreekuur")
    client = client_for(personas.trainee)
    url = reverse("programmes:work_profile", kwargs={"pk": traineeship.pk})
    response = client.get(url)
    assert response.status_code == 200
    assert "Spreekuur" in response.content.decode()
    assert "<textarea" not in response.content.decode()
    assert client.post(url, {"kind": "tasks", "tasks": "Iets anders"}).status_code == 403


def test_blueprint_copies_the_set_up(personas, client_for):
    source_traineeship = TraineeshipFactory(organisation=personas.organisation)
    cohort = CohortFactory(programme=source_traineeship.programme)
    source_traineeship.cohort = cohort
    source_traineeship.save()
    competency = CompetencyFactory(framework=source_traineeship.programme.framework)
    WorkProfile.objects.create(traineeship=source_traineeship, tasks="Ambulant werk")
    ProfileCompetency.objects.create(traineeship=source_traineeship, competency=competency, purpose="develop")
    activity = LearningActivityFactory(organisation=personas.organisation)
    DevelopmentActivity.objects.create(
        traineeship=source_traineeship,
        learning_activity=activity,
        title=activity.title,
        kind="formal",
        category="training",
    )
    PlacementFactory(traineeship=source_traineeship, mentor=personas.mentor)
    cohort.development_days.create(date=cohort.start_date, topic="Kick-off")

    client = client_for(personas.hr)
    response = client.post(
        reverse("programmes:cohort_blueprint", kwargs={"pk": cohort.pk}),
        {
            "name": "Lichting 2027",
            "start_date": "2027-01-01",
            "model_traineeship": source_traineeship.pk,
            "shift_days": "on",
        },
    )
    assert response.status_code == 302
    new_cohort = cohort.copies.get()
    assert list(new_cohort.mentor_pool.all()) == [personas.mentor]
    assert new_cohort.development_days.get().date.isoformat() == "2027-01-01"

    programme = source_traineeship.programme
    data = {
        "trainee": personas.trainee.pk,
        "cohort": new_cohort.pk,
        "education_level": "hbo",
        "graduation_date": "2026-09-30",
        "start_date": "2027-01-01",
        "end_date": "2027-12-31",
        "scale": "6",
        "status": "planned",
        "copy_setup": "on",
    }
    response = client.post(reverse("programmes:traineeship_create", kwargs={"pk": programme.pk}), data)
    assert response.status_code == 302
    new = new_cohort.traineeships.get()
    assert new.work_profile.tasks == "Ambulant werk"
    assert list(new.profile_competencies.values_list("competency", flat=True)) == [competency.pk]
    assert new.development_activities.get().learning_activity == activity


def test_navigation_marks_only_the_closest_item(personas, client_for):
    response = client_for(personas.hr).get(reverse("programmes:framework_list"))
    items = response.context["nav_items"] + response.context["nav_more"]
    current = [item["label"] for item in items if item["current"]]
    assert [str(label) for label in current] == ["Competentiekaders"]
    assert response.context["nav_more_current"]  # the "More" menu that holds it is marked too
