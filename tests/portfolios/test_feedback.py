import re
from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from portfolios.models import FeedbackRequest


def ask(traineeship, personas, client_for, django_capture_on_commit_callbacks):
    competencies = [pc.competency for pc in traineeship.profile_competencies.select_related("competency")][:2]
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(personas.trainee).post(
            reverse("portfolios:feedback_request", kwargs={"pk": traineeship.pk}),
            {
                "colleague_name": "Fatima de Collega",
                "colleague_email": "fatima@example.org",
                "competencies": [c.pk for c in competencies],
                "question": "Hoe ga ik om met boze bewoners?",
            },
        )
    assert response.status_code == 302
    link = re.search(r"https?://\S+/portfolio/feedback/\S+/", mail.outbox[-1].body).group(0)
    return link.split("testserver")[-1], competencies


def test_colleague_answers_once_without_an_account(
    traineeship, personas, client_for, django_capture_on_commit_callbacks
):
    personas.trainee.name = "Sanne Jansen-Geheim"
    personas.trainee.save()
    goal_title = "Geheim leerdoel over budgetcoaching"
    traineeship.learning_goals.create(title=goal_title)
    path, competencies = ask(traineeship, personas, client_for, django_capture_on_commit_callbacks)
    request = FeedbackRequest.objects.get()
    assert path.rstrip("/").split("/")[-1] not in request.token_hash  # only the hash is stored
    anonymous = client_for(None)
    page = anonymous.get(path).content.decode()
    assert "Sanne" in page and "Jansen-Geheim" not in page
    assert "Hoe ga ik om met boze bewoners?" in page and competencies[0].name in page
    assert goal_title not in page and str(traineeship.programme) not in page
    response = anonymous.post(
        path, {f"answer_{competencies[0].pk}": "Blijft rustig en vat goed samen.", "free_text": "Top collega"}
    )
    assert response.status_code == 200
    request.refresh_from_db()
    assert request.is_answered and request.answers.count() == 1
    again = anonymous.post(path, {f"answer_{competencies[0].pk}": "Nog eens"})
    assert again.status_code == 404 and request.answers.count() == 1
    assert anonymous.get(path).status_code == 404
    portfolio = client_for(personas.trainee).get(reverse("portfolios:feedback", kwargs={"pk": traineeship.pk}))
    assert "Blijft rustig en vat goed samen." in portfolio.content.decode()
    # The giver is shown by the address the link went to, not by the name the trainee typed.
    assert "fatima@example.org" in portfolio.content.decode()
    assert "Fatima de Collega" not in portfolio.content.decode()


def test_anonymous_feedback_hides_the_name(traineeship, personas, client_for, django_capture_on_commit_callbacks):
    path, competencies = ask(traineeship, personas, client_for, django_capture_on_commit_callbacks)
    client_for(None).post(path, {f"answer_{competencies[1].pk}": "Durft door te vragen.", "anonymous": "on"})
    request = FeedbackRequest.objects.get()
    assert request.anonymous and request.colleague_name == "" and request.colleague_email == ""
    page = client_for(personas.trainee).get(reverse("portfolios:feedback", kwargs={"pk": traineeship.pk}))
    assert "Durft door te vragen." in page.content.decode() and "Fatima" not in page.content.decode()
    # The question was addressed to the giver: it would point at them, so it is gone too.
    assert "boze bewoners" not in page.content.decode() and "fatima@" not in page.content.decode()
    assert request.question == ""


def test_expired_link_is_dead(traineeship, personas, client_for, django_capture_on_commit_callbacks):
    path, _competencies = ask(traineeship, personas, client_for, django_capture_on_commit_callbacks)
    FeedbackRequest.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client_for(None).get(path)
    assert response.status_code == 404
    assert "no longer works" in response.content.decode() or "werkt niet meer" in response.content.decode()


def test_empty_answer_is_refused_with_a_message(traineeship, personas, client_for, django_capture_on_commit_callbacks):
    path, _competencies = ask(traineeship, personas, client_for, django_capture_on_commit_callbacks)
    response = client_for(None).post(path, {"free_text": "  "})
    assert response.status_code == 200
    assert not FeedbackRequest.objects.get().is_answered


def test_only_the_trainee_asks(traineeship, personas, client_for):
    url = reverse("portfolios:feedback_request", kwargs={"pk": traineeship.pk})
    assert client_for(personas.mentor).get(url).status_code == 403
    assert client_for(personas.other_trainee).get(url).status_code == 404
