import pytest
from django.urls import reverse

from goals.models import GoalProgress, LearningGoal
from organisations.models import AuditEntry
from overview.stappenplan import annotate_steps
from portfolios.models import Moment, SelfEvaluation
from programmes.models import Traineeship
from tests.portfolios.factories import GoalFactory

ANSWERS = {
    "talents": "Ik kan goed luisteren.",
    "competencies_present": "Gespreksvoering",
    "recent_knowledge": "Motiverende gespreksvoering uit de opleiding",
    "wants_to_learn": "Werken met gezinnen in armoede",
    "hopes": "Een vaste baan in het sociaal werk",
    "learning_styles": "Doen en daarna reflecteren",
}


def check(traineeship, key) -> bool:
    return annotate_steps(Traineeship.objects.filter(pk=traineeship.pk)).values_list(f"check_{key}", flat=True)[0]


def _profile_competencies(traineeship):
    return [pc.competency for pc in traineeship.profile_competencies.select_related("competency")]


def test_trainee_fills_start_self_evaluation_and_step1_is_marked(traineeship, personas, client_for):
    client = client_for(personas.trainee)
    url = reverse("portfolios:self_evaluation_edit", kwargs={"pk": traineeship.pk, "moment": "start"})
    data = dict(ANSWERS) | {f"rating_{c.pk}": "2" for c in _profile_competencies(traineeship)}
    response = client.post(url, data)
    assert response.status_code == 302
    evaluation = SelfEvaluation.objects.get(traineeship=traineeship, moment=Moment.START)
    assert evaluation.ratings.count() == 3
    assert check(traineeship, "start_self_evaluation")


def test_later_self_evaluation_shows_earlier_answers(traineeship, personas, client_for):
    client = client_for(personas.trainee)
    data = dict(ANSWERS) | {f"rating_{c.pk}": "2" for c in _profile_competencies(traineeship)}
    client.post(reverse("portfolios:self_evaluation_edit", kwargs={"pk": traineeship.pk, "moment": "start"}), data)
    response = client.get(reverse("portfolios:self_evaluation_edit", kwargs={"pk": traineeship.pk, "moment": "end"}))
    assert "Werken met gezinnen in armoede" in response.content.decode()


def test_missing_answer_keeps_the_rest(traineeship, personas, client_for):
    client = client_for(personas.trainee)
    data = dict(ANSWERS, talents="")
    response = client.post(
        reverse("portfolios:self_evaluation_edit", kwargs={"pk": traineeship.pk, "moment": "start"}), data
    )
    assert response.status_code == 200
    assert "Werken met gezinnen in armoede" in response.content.decode()
    assert not SelfEvaluation.objects.exists()


@pytest.mark.parametrize("role", ["mentor", "hr", "manager"])
def test_others_read_but_cannot_write_self_evaluation(role, traineeship, personas, client_for):
    client = client_for(personas.users[role])
    assert client.get(reverse("portfolios:self_evaluations", kwargs={"pk": traineeship.pk})).status_code == 200
    url = reverse("portfolios:self_evaluation_edit", kwargs={"pk": traineeship.pk, "moment": "start"})
    assert client.post(url, ANSWERS).status_code == 403


def test_trainee_adds_goal_and_mentor_approves(traineeship, personas, client_for):
    competency = _profile_competencies(traineeship)[1]
    trainee = client_for(personas.trainee)
    response = trainee.post(
        reverse("portfolios:goal_create", kwargs={"pk": traineeship.pk}),
        {
            "title": "Zelfstandig een keukentafelgesprek voeren",
            "measure": "Drie gesprekken, besproken met mijn werkbegeleider",
            "deadline": "2030-01-01",
            "competencies": [competency.pk],
            "talents": "luisteren",
            "propose": "1",
        },
    )
    assert response.status_code == 302
    goal = LearningGoal.objects.get(traineeship=traineeship)
    assert goal.status == LearningGoal.Status.PROPOSED
    approve = reverse("portfolios:goal_approve", kwargs={"pk": goal.pk})
    assert trainee.post(approve, {"scope": "individual", "version": goal.version}).status_code == 403
    assert client_for(personas.other_mentor).post(approve, {"scope": "individual", "version": 1}).status_code == 404
    response = client_for(personas.mentor).post(approve, {"scope": "everyone", "version": goal.version})
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.is_approved and goal.scope == "everyone" and goal.approved_by == personas.mentor
    assert AuditEntry.objects.filter(action="goal.approved", object_id=str(goal.pk)).exists()
    assert check(traineeship, "approved_goal") and check(traineeship, "approved_goals_marked")


def test_stale_goal_edit_is_refused(traineeship, personas, client_for):
    goal = GoalFactory(traineeship=traineeship)
    url = reverse("portfolios:goal_edit", kwargs={"pk": goal.pk})
    data = {"title": "Nieuw", "measure": "m", "deadline": "2030-01-01", "status": "draft", "version": 1}
    assert client_for(personas.mentor).post(url, data).status_code == 302
    response = client_for(personas.trainee).post(url, data | {"title": "Mijn versie"})
    assert response.status_code == 200
    assert "in the meantime" in response.content.decode() or "ondertussen" in response.content.decode()
    goal.refresh_from_db()
    assert goal.title == "Nieuw" and goal.version == 2


def test_progress_update_creates_goal_progress(traineeship, personas, client_for):
    goal = GoalFactory(traineeship=traineeship)
    response = client_for(personas.trainee).post(
        reverse("portfolios:goal_progress", kwargs={"pk": goal.pk}), {"progress": 40, "note": "Twee gesprekken"}
    )
    assert response.status_code == 302
    entry = GoalProgress.objects.get(goal=goal)
    assert entry.source == GoalProgress.Source.UPDATE and entry.progress == 40
    bad = client_for(personas.trainee).post(
        reverse("portfolios:goal_progress", kwargs={"pk": goal.pk}), {"progress": 140}
    )
    assert bad.status_code == 200 and GoalProgress.objects.count() == 1
