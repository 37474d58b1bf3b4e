"""One journey in a real browser: the trainee fills a self-evaluation and adds a learning goal."""

import pytest
from playwright.sync_api import expect

from goals.models import LearningGoal
from organisations.models import User
from portfolios.models import SelfEvaluation
from tests.browser.steps import click_through
from tests.organisations.factories import PASSWORD


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_trainee_fills_self_evaluation_and_adds_goal(live_server, page, personas, traineeship):
    trainee: User = personas.trainee
    page.context.add_cookies([{"name": "traineeship_language", "value": "nl", "url": live_server.url}])
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", trainee.email)
    page.fill("input[name=password]", PASSWORD)
    page.press("input[name=password]", "Enter")
    page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role("link", name="Mijn portfolio").click()
    page.get_by_role("link", name="Zelfevaluaties").click()
    click_through(page.get_by_role("link", name="Invullen Start"))  # the form's fields are read at once below
    for index, textarea in enumerate(page.locator("textarea").all()):
        textarea.fill(f"Antwoord {index} van de trainee")
    for select in page.locator("select").all():
        select.select_option("2")
    page.get_by_role("button", name="Zelfevaluatie opslaan").click()
    expect(page.get_by_text("Antwoord 3 van de trainee")).to_be_visible()
    page.get_by_role("link", name="Portfolio van").first.click()
    page.get_by_role("link", name="Ontwikkelplan").click()
    page.get_by_role("link", name="Leerdoel toevoegen").click()
    page.get_by_label("Wat wil je leren?").fill("Zelfstandig huisbezoeken afleggen")
    page.get_by_label("Waaraan zien jij en je mentor dat het bereikt is?").fill("Drie bezoeken besproken")
    page.get_by_label("Wanneer bereikt").fill("2030-06-30")
    page.get_by_role("button", name="Opslaan en om goedkeuring vragen").click()
    expect(page.get_by_role("heading", name="Zelfstandig huisbezoeken afleggen")).to_be_visible()
    assert SelfEvaluation.objects.filter(traineeship=traineeship, moment="start").exists()
    goal = LearningGoal.objects.get(traineeship=traineeship, title="Zelfstandig huisbezoeken afleggen")
    assert goal.status == LearningGoal.Status.PROPOSED
