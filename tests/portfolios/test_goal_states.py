"""A learning goal's status moves only as ``portfolios.goal_states`` allows, through the views."""

import pytest
from django.urls import reverse

from goals.models import LearningGoal
from organisations.models import AuditEntry
from tests.portfolios.factories import GoalFactory

Status = LearningGoal.Status


def _move(client, goal, name, version=None):
    return client.post(
        reverse("portfolios:goal_move", kwargs={"pk": goal.pk}),
        {"move": name, "version": goal.version if version is None else version},
    )


def _approve(client, goal, scope="individual", version=None):
    return client.post(
        reverse("portfolios:goal_approve", kwargs={"pk": goal.pk}),
        {"scope": scope, "version": goal.version if version is None else version},
    )


def _edit_data(goal, **changes):
    data = {
        "title": goal.title,
        "measure": goal.measure,
        "deadline": goal.deadline.isoformat(),
        "competencies": [c.pk for c in goal.competencies.all()],
        "talents": goal.talents,
        "version": goal.version,
    }
    return data | changes


@pytest.fixture
def trainee(personas, client_for):
    return client_for(personas.trainee)


@pytest.fixture
def mentor(personas, client_for):
    return client_for(personas.mentor)


def test_new_goal_is_a_draft_unless_the_trainee_asks_for_approval(traineeship, trainee):
    url = reverse("portfolios:goal_create", kwargs={"pk": traineeship.pk})
    data = {"title": "Gesprekken met gezinnen", "measure": "Drie gesprekken", "deadline": "2030-01-01"}
    assert trainee.post(url, data).status_code == 302
    assert trainee.post(url, data | {"title": "Netwerk", "propose": "1"}).status_code == 302
    statuses = dict(LearningGoal.objects.filter(traineeship=traineeship).values_list("title", "status"))
    assert statuses == {"Gesprekken met gezinnen": Status.DRAFT, "Netwerk": Status.PROPOSED}


def test_trainee_cannot_approve_or_skip_approval(traineeship, trainee):
    goal = GoalFactory(traineeship=traineeship)
    # No way to "approved, in progress" for the trainee: not through the edit form ...
    response = trainee.post(
        reverse("portfolios:goal_edit", kwargs={"pk": goal.pk}), _edit_data(goal, status=Status.ACTIVE)
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.status == Status.DRAFT
    # ... nor by a move or the approval page.
    assert _move(trainee, goal, "achieve").status_code == 409
    assert _approve(trainee, goal).status_code == 403
    goal.refresh_from_db()
    assert goal.status == Status.DRAFT and not goal.is_approved


def test_draft_proposed_returned_proposed_approved(traineeship, personas, trainee, mentor):
    goal = GoalFactory(traineeship=traineeship)
    # The mentor cannot approve what was not proposed.
    assert _approve(mentor, goal).status_code == 403
    assert _move(trainee, goal, "propose").status_code == 302
    goal.refresh_from_db()
    assert goal.status == Status.PROPOSED
    # Returning is the mentor's, withdrawing the trainee's.
    assert _move(trainee, goal, "return").status_code == 403
    assert _move(mentor, goal, "return").status_code == 302
    goal.refresh_from_db()
    assert goal.status == Status.DRAFT
    _move(trainee, goal, "propose")
    goal.refresh_from_db()
    _move(trainee, goal, "withdraw")
    goal.refresh_from_db()
    assert goal.status == Status.DRAFT
    _move(trainee, goal, "propose")
    goal.refresh_from_db()
    assert _approve(mentor, goal, scope="everyone").status_code == 302
    goal.refresh_from_db()
    assert goal.status == Status.ACTIVE and goal.is_approved and goal.approved_by == personas.mentor
    moves = list(AuditEntry.objects.filter(action="goal.moved").values_list("params__status_to", flat=True))
    assert sorted(moves) == sorted(["proposed", "draft", "proposed", "draft", "proposed"])


def test_achieve_stop_and_reopen_are_the_mentors(traineeship, trainee, mentor):
    goal = GoalFactory(traineeship=traineeship, status=Status.PROPOSED)
    _approve(mentor, goal)
    goal.refresh_from_db()
    assert _move(trainee, goal, "achieve").status_code == 403
    assert _move(trainee, goal, "stop").status_code == 403
    # A trainee's 100 % is progress, not the mentor's judgement.
    trainee.post(reverse("portfolios:goal_progress", kwargs={"pk": goal.pk}), {"progress": 100})
    goal.refresh_from_db()
    assert goal.status == Status.ACTIVE
    assert _move(mentor, goal, "achieve").status_code == 302
    goal.refresh_from_db()
    assert goal.status == Status.ACHIEVED and goal.is_approved
    assert _move(mentor, goal, "reopen").status_code == 302
    goal.refresh_from_db()
    assert goal.status == Status.ACTIVE
    assert _move(mentor, goal, "stop").status_code == 302
    goal.refresh_from_db()
    assert goal.status == Status.DROPPED
    # Taken up again, it needs approval again.
    assert _move(trainee, goal, "resume").status_code == 302
    goal.refresh_from_db()
    assert goal.status == Status.DRAFT and not goal.is_approved


def test_trainee_stops_own_unapproved_goal(traineeship, trainee):
    goal = GoalFactory(traineeship=traineeship, status=Status.PROPOSED)
    assert _move(trainee, goal, "stop").status_code == 302
    goal.refresh_from_db()
    assert goal.status == Status.DROPPED


def test_changing_an_approved_goal_asks_approval_again_visibly_and_audited(traineeship, trainee, mentor):
    goal = GoalFactory(traineeship=traineeship, status=Status.PROPOSED)
    _approve(mentor, goal)
    goal.refresh_from_db()
    # Talents are not what the approval covers: the goal stays approved.
    response = trainee.post(
        reverse("portfolios:goal_edit", kwargs={"pk": goal.pk}), _edit_data(goal, talents="geduld"), follow=True
    )
    goal.refresh_from_db()
    assert goal.status == Status.ACTIVE and goal.is_approved
    response = trainee.post(
        reverse("portfolios:goal_edit", kwargs={"pk": goal.pk}),
        _edit_data(goal, title="Iets heel anders leren"),
        follow=True,
    )
    goal.refresh_from_db()
    assert goal.status == Status.PROPOSED and not goal.is_approved and goal.approved_by is None
    html = response.content.decode()
    assert "wacht opnieuw op goedkeuring" in html  # the message
    assert "Wacht op goedkeuring" in html  # the status badge
    assert "goedgekeurd door" not in html
    entry = AuditEntry.objects.get(action="goal.changed")
    assert entry.params["goal"] == "Iets heel anders leren" and entry.params["fields"] == "title"
    # Competencies are substance too.
    _approve(mentor, goal)
    goal.refresh_from_db()
    competency = traineeship.profile_competencies.first().competency
    trainee.post(
        reverse("portfolios:goal_edit", kwargs={"pk": goal.pk}), _edit_data(goal, competencies=[competency.pk])
    )
    goal.refresh_from_db()
    assert goal.status == Status.PROPOSED
    assert AuditEntry.objects.filter(action="goal.changed").count() == 2


def test_approval_of_a_goal_changed_since_the_page_opened_is_refused(traineeship, trainee, mentor):
    goal = GoalFactory(traineeship=traineeship, status=Status.PROPOSED)
    opened_at = goal.version
    page = mentor.get(reverse("portfolios:goal_approve", kwargs={"pk": goal.pk})).content.decode()
    assert goal.title in page and goal.measure in page
    trainee.post(reverse("portfolios:goal_edit", kwargs={"pk": goal.pk}), _edit_data(goal, measure="Vijf gesprekken"))
    response = _approve(mentor, goal, version=opened_at)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vijf gesprekken" in html and "Er is niets goedgekeurd" in html
    goal.refresh_from_db()
    assert goal.status == Status.PROPOSED and not goal.is_approved
    # The form now carries the version shown: approving again works.
    version = response.context["form"].data["version"]
    assert _approve(mentor, goal, version=version).status_code == 302
    goal.refresh_from_db()
    assert goal.status == Status.ACTIVE


def test_stale_move_changes_nothing(traineeship, trainee, mentor):
    goal = GoalFactory(traineeship=traineeship, status=Status.PROPOSED)
    opened_at = goal.version
    _move(mentor, goal, "return")
    response = _move(trainee, goal, "withdraw", version=opened_at)
    assert response.status_code == 409
    assert "intussen veranderd" in response.content.decode()
    goal.refresh_from_db()
    assert goal.status == Status.DRAFT and goal.version == opened_at + 1


def test_goal_page_offers_only_the_allowed_moves(traineeship, personas, trainee, mentor, client_for):
    goal = GoalFactory(traineeship=traineeship, status=Status.PROPOSED)
    url = reverse("portfolios:goals", kwargs={"pk": traineeship.pk})
    trainee_html = trainee.get(url).content.decode()
    mentor_html = mentor.get(url).content.decode()
    assert 'value="withdraw"' in trainee_html and 'value="return"' not in trainee_html
    assert 'value="return"' in mentor_html and 'value="withdraw"' not in mentor_html
    assert reverse("portfolios:goal_approve", kwargs={"pk": goal.pk}) in mentor_html
    assert reverse("portfolios:goal_approve", kwargs={"pk": goal.pk}) not in trainee_html
    assert 'name="move"' not in client_for(personas.manager).get(url).content.decode()


def test_mentor_changing_an_approved_goal_approves_it_again_explicitly(traineeship, mentor):
    goal = GoalFactory(traineeship=traineeship, status=Status.PROPOSED)
    _approve(mentor, goal)
    goal.refresh_from_db()
    response = mentor.post(
        reverse("portfolios:goal_edit", kwargs={"pk": goal.pk}), _edit_data(goal, deadline="2031-01-01"), follow=True
    )
    goal.refresh_from_db()
    assert goal.status == Status.PROPOSED and not goal.is_approved
    assert "Keur het goed zodra jij en de trainee het eens zijn" in response.content.decode()
    assert _approve(mentor, goal).status_code == 302
