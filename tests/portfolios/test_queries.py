"""The portfolio page and its lists take the same number of queries for few and many records."""

import uuid

import pytest
from django.urls import reverse

from portfolios import services
from portfolios.models import Evidence, FeedbackAnswer, FeedbackRequest, Reflection
from programmes import state
from programmes.models import DevelopmentActivity
from tests.portfolios.factories import GoalFactory
from tests.queries import page_queries

PAGES = ["portfolio", "goals", "activities", "evidence", "reflections", "feedback", "self_evaluations"]


def fill(traineeship, personas, n):
    # The stored state is computed once for the batch, not once per saved row.
    with state.deferred():
        _fill(traineeship, personas, n)


def _fill(traineeship, personas, n):
    competency = traineeship.profile_competencies.first().competency
    for index in range(n):
        goal = GoalFactory(traineeship=traineeship)
        goal.competencies.add(competency)
        services.goal_progress_add(goal=goal, actor=personas.trainee, progress=10, note="")
        activity = DevelopmentActivity.objects.create(
            traineeship=traineeship, title=f"A{index}", kind="formal", category="training", hours=2
        )
        activity.competencies.add(competency)
        evidence = Evidence.objects.create(traineeship=traineeship, kind="link", title="V", url="https://e.org/v")
        evidence.goals.add(goal)
        evidence.competencies.add(competency)
        Reflection.objects.create(traineeship=traineeship, text="R", shared_with_mentor=True)
        request = FeedbackRequest.objects.create(
            traineeship=traineeship,
            colleague_name="C",
            colleague_email="c@example.org",
            token_hash=uuid.uuid4().hex,
            expires_at="2030-01-01T00:00Z",
            answered_at="2026-01-01T00:00Z",
        )
        request.competencies.add(competency)
        FeedbackAnswer.objects.create(request=request, competency=competency, answer="A")


@pytest.mark.parametrize("role", ["trainee", "mentor"])
def test_same_queries_for_few_and_many(role, traineeship, personas, client_for):
    # Every page is counted with few records and again with many: one fill serves all of them.
    client = client_for(personas.users[role])
    urls = {page: reverse(f"portfolios:{page}", kwargs={"pk": traineeship.pk}) for page in PAGES}
    fill(traineeship, personas, 2)
    few = {page: page_queries(client, url) for page, url in urls.items()}
    fill(traineeship, personas, 12)
    assert {page: page_queries(client, url) for page, url in urls.items()} == few
    # A budget, not a count: the portfolio page reads the growth per competency (the trainee's own
    # ratings and the mentor's judgement) besides its lists.
    assert max(few.values()) <= 22, few


def test_mentor_home_lists_portfolios_in_fixed_queries(
    traineeship, personas, client_for, django_assert_max_num_queries
):
    client = client_for(personas.mentor)
    # The notices and the navigation's count come from the cache on a second view (one query for the
    # newest change mark, see tests/queries.py), the escalation signals do not. Three more list what
    # waits on the mentor (overview.waiting); one checks that the stored traineeship state is of
    # today (programmes.state.ensure_fresh).
    client.get(reverse("home"))
    with django_assert_max_num_queries(20):
        response = client.get(reverse("home"))
    assert reverse("portfolios:portfolio", kwargs={"pk": traineeship.pk}) in response.content.decode()
