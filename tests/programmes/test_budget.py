"""The development budget: the programme's default or the traineeship's own, the chosen activities' cost
against it with a warning when over, and totals per cohort for HR."""

from decimal import Decimal

from django.urls import reverse

from tests.programmes.factories import CohortFactory, LearningActivityFactory, ProgrammeFactory, TraineeshipFactory


def choose(client, traineeship, *costs):
    activities = [
        LearningActivityFactory(organisation=traineeship.programme.owner, cost=Decimal(cost)) for cost in costs
    ]
    url = reverse("programmes:activities", kwargs={"pk": traineeship.pk})
    assert client.post(url, {"activities": [a.pk for a in activities]}).status_code == 302
    return client.get(url).content.decode()


def test_chosen_activities_within_the_programmes_default_budget(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation, default_development_budget=Decimal(1500))
    traineeship = TraineeshipFactory(programme=programme, organisation=personas.organisation)
    html = choose(client_for(personas.hr, "en"), traineeship, "600", "400")
    assert "cost € 1000.00 of the budget of € 1500.00; € 500.00 is left" in html
    assert "Over budget" not in html


def test_over_the_traineeships_own_budget_is_a_warning(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation, default_development_budget=Decimal(1500))
    traineeship = TraineeshipFactory(
        programme=programme, organisation=personas.organisation, development_budget=Decimal(800)
    )
    html = choose(client_for(personas.hr, "en"), traineeship, "600", "400")
    assert 'role="alert">Over budget: the chosen activities cost € 1000.00, the budget is € 800.00.' in html


def test_hr_sees_totals_per_cohort(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation, default_development_budget=Decimal(1000))
    cohort = CohortFactory(programme=programme, name="Lichting 2026")
    client = client_for(personas.hr, "en")
    over = TraineeshipFactory(programme=programme, cohort=cohort, organisation=personas.organisation)
    within = TraineeshipFactory(programme=programme, cohort=cohort, organisation=personas.organisation)
    choose(client, over, "1200")
    choose(client, within, "300")
    detail = client.get(reverse("programmes:programme_detail", kwargs={"pk": programme.pk})).content.decode()
    url = reverse("programmes:programme_budget", kwargs={"pk": programme.pk})
    assert url in detail
    response = client.get(url)
    [row] = response.context["rows"]
    assert (row.name, row.trainees, row.budget, row.spent, row.over) == ("Lichting 2026", 2, 2000, 1500, 1)
    assert "1 traineeship" in response.content.decode()
    assert client_for(personas.trainee).get(url).status_code == 403


def test_a_negative_budget_is_refused_at_the_field(personas, client_for):
    response = client_for(personas.hr, "en").post(
        reverse("programmes:programme_create"),
        {"name": "P", "kind": "classic", "pay_rule": "fixed", "default_development_budget": "-5"},
    )
    assert "default_development_budget" in response.context["form"].errors


def test_two_cohorts_with_one_name_stay_two_rows_in_one_query(personas, client_for, django_assert_num_queries):
    from programmes.budget import cohort_budgets

    programme = ProgrammeFactory(owner=personas.organisation, default_development_budget=Decimal(1000))
    first = CohortFactory(programme=programme, name="Lichting", start_date="2025-09-01")
    second = CohortFactory(programme=programme, name="Lichting", start_date="2026-09-01")
    client = client_for(personas.hr, "en")
    choose(client, TraineeshipFactory(programme=programme, cohort=first, organisation=personas.organisation), "1200")
    TraineeshipFactory(programme=programme, cohort=second, organisation=personas.organisation)
    TraineeshipFactory(programme=programme, cohort=second, organisation=personas.organisation)
    with django_assert_num_queries(1):
        rows = cohort_budgets(programme)
    assert [(r.cohort_id, r.trainees, r.budget, r.spent, r.over) for r in rows] == [
        (first.pk, 1, 1000, 1200, 1),
        (second.pk, 2, 2000, 0, 0),
    ]
