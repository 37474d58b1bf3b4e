"""The trainee edits and deletes evidence and reflections until the portfolio is locked."""

import pytest
from django.urls import reverse
from django.utils import timezone

from portfolios.models import Evidence, FinalEvaluation, Reflection
from tests.mentors.factories import LearningGoalFactory, mentored_traineeship


@pytest.fixture
def traineeship(personas):
    return mentored_traineeship(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)


@pytest.fixture
def link(traineeship):
    goal = LearningGoalFactory(traineeship=traineeship)
    evidence = Evidence.objects.create(traineeship=traineeship, kind="link", title="Vlog", url="https://example.org/v")
    evidence.goals.set([goal])
    return evidence


def lock(traineeship, personas):
    FinalEvaluation.objects.create(
        traineeship=traineeship,
        trainee_signed_at=timezone.now(),
        mentor_signed_at=timezone.now(),
        mentor_signed_by=personas.mentor,
    )


def test_trainee_edits_and_deletes_evidence(link, personas, client_for):
    trainee = client_for(personas.trainee)
    listing = trainee.get(reverse("portfolios:evidence", kwargs={"pk": link.traineeship_id})).content.decode()
    assert reverse("portfolios:evidence_edit", kwargs={"pk": link.pk}) in listing
    url = reverse("portfolios:evidence_edit", kwargs={"pk": link.pk})
    goal = link.goals.get()
    response = trainee.post(url, {"title": "Vlog over huisbezoek", "url": "https://example.org/w", "goals": [goal.pk]})
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.title == "Vlog over huisbezoek" and link.url == "https://example.org/w"
    # Bad input: a message at the field, nothing saved.
    html = trainee.post(url, {"title": "", "url": "https://example.org/w", "goals": [goal.pk]}).content.decode()
    assert "data-error-summary" in html
    assert trainee.post(reverse("portfolios:evidence_delete", kwargs={"pk": link.pk})).status_code == 302
    assert not Evidence.objects.filter(pk=link.pk).exists()


def test_trainee_edits_and_deletes_a_reflection(traineeship, personas, client_for):
    reflection = Reflection.objects.create(traineeship=traineeship, text="Eerste week")
    trainee = client_for(personas.trainee)
    url = reverse("portfolios:reflection_edit", kwargs={"pk": reflection.pk})
    today = timezone.localdate().isoformat()
    data = {"written_on": today, "text": "Eerste week, aangevuld", "shared_with_mentor": "on"}
    assert trainee.post(url, data).status_code == 302
    reflection.refresh_from_db()
    assert reflection.text == "Eerste week, aangevuld" and reflection.shared_with_mentor
    assert client_for(personas.mentor).post(url, data).status_code == 403
    assert trainee.post(reverse("portfolios:reflection_delete", kwargs={"pk": reflection.pk})).status_code == 302
    assert not Reflection.objects.exists()


def test_a_locked_portfolio_cannot_change(link, personas, client_for):
    lock(link.traineeship, personas)
    reflection = Reflection.objects.create(traineeship=link.traineeship, text="Vast")
    trainee = client_for(personas.trainee)
    listing = trainee.get(reverse("portfolios:evidence", kwargs={"pk": link.traineeship_id})).content.decode()
    assert reverse("portfolios:evidence_edit", kwargs={"pk": link.pk}) not in listing
    trainee.post(reverse("portfolios:evidence_delete", kwargs={"pk": link.pk}))
    trainee.post(reverse("portfolios:reflection_delete", kwargs={"pk": reflection.pk}))
    edited = trainee.post(reverse("portfolios:reflection_edit", kwargs={"pk": reflection.pk}), {"text": "Anders"})
    assert edited.status_code == 302
    assert Evidence.objects.filter(pk=link.pk).exists()
    reflection.refresh_from_db()
    assert reflection.text == "Vast"


def test_required_fields_are_marked(traineeship, personas, client_for):
    html = client_for(personas.trainee).get(reverse("portfolios:reflections", kwargs={"pk": traineeship.pk}))
    html = html.content.decode()
    assert 'name="text"' in html and "required" in html.split('name="text"')[1].split(">")[0]
    assert "asteriskField" in html
