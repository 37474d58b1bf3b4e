"""In a real browser: the trainee evaluates the programme from "Wacht op jou"; the mentor rates the
final level beside the trainee's own rating and the growth shows."""

import pytest
from playwright.sync_api import expect

from evaluations.models import ProgrammeEvaluation
from portfolios.models import MentorCompetencyRating
from tests.browser.steps import press_through
from tests.evaluations.factories import halfway_traineeship
from tests.organisations.factories import PASSWORD
from tests.programmes.factories import ProgrammeFactory


def _sign_in(page, live_server, user):
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "traineeship_language", "value": "nl", "url": live_server.url}])
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("input[name=password]").focus()
    press_through(page, "Enter")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_trainee_evaluates_the_programme_from_the_home_page(live_server, page, personas):
    programme = ProgrammeFactory(owner=personas.organisation, name="Traineeship Buurtwerk")
    traineeship = halfway_traineeship(programme, trainee=personas.trainee)
    _sign_in(page, live_server, personas.trainee)
    page.get_by_role("link", name="Evalueer het programma").first.click()
    for group in ["Hoe goed werd je begeleid", "Kreeg je genoeg tijd", "Was je werkdruk", "Hoe waardevol"]:
        page.get_by_role("group", name=group).get_by_label("4 – goed").check()
    page.get_by_label("Wat moet het programma vooral houden?").fill("De intervisie")
    page.get_by_role("button", name="Evaluatie versturen").click()
    expect(page.get_by_text("Dank je wel: je evaluatie is verstuurd.")).to_be_visible()
    assert ProgrammeEvaluation.objects.get(traineeship=traineeship).answers.filter(rating=4).count() == 4
    page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role("link", name="Programma-evaluatie").click()
    expect(page.get_by_text("Halverwege: verstuurd")).to_be_visible()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_mentor_rates_the_final_level_and_the_portfolio_shows_growth(live_server, page, personas):
    from tests.portfolios.factories import traineeship_with_profile

    traineeship = traineeship_with_profile(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)
    competency = traineeship.profile_competencies.order_by("pk").first().competency
    _sign_in(page, live_server, personas.mentor)
    page.goto(f"{live_server.url}/portfolio/{traineeship.pk}/final-evaluation/")
    page.get_by_label("Hoe heeft de trainee zich ontwikkeld?").fill("Sterk gegroeid in gespreksvoering")
    page.get_by_label(f"Jouw oordeel: {competency.code} {competency.name}").select_option("3")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_role("heading", name="Groei per competentie")).to_be_visible()
    assert MentorCompetencyRating.objects.get(final_evaluation__traineeship=traineeship).level == 3
    page.goto(f"{live_server.url}/portfolio/{traineeship.pk}/")
    table = page.get_by_role("table", name="oordeel van de mentor")
    expect(table.get_by_role("row", name=f"{competency.code} {competency.name}")).to_be_visible()
