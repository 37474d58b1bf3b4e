"""HR sets up a traineeship under the cao Sociaal Werk in the browser, steps 1 and 2, and sees the stappenplan."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from organisations.models import Role
from programmes.dates import add_months
from programmes.models import Traineeship
from tests.browser.steps import click_through, sign_in
from tests.organisations.factories import PASSWORD, OrganisationFactory, member
from tests.programmes.factories import CompetencyFactory, FrameworkFactory, LearningActivityFactory, ProgrammeFactory


def field(label: str) -> re.Pattern:
    """A form label, with or without crispy's asterisk for required fields."""
    return re.compile(rf"^\s*{re.escape(label)}\s*\*?\s*$")


@pytest.mark.browser
def test_hr_sets_up_a_traineeship(live_server, page, transactional_db):
    organisation = OrganisationFactory(name="Welzijn Testdal", slug="testdal")
    hr = member(organisation, Role.HR, email="hr@testdal.example", name="Hanna HR")
    member(organisation, Role.TRAINEE, email="tess@testdal.example", name="Tess Trainee")
    framework = FrameworkFactory(organisation=organisation, name="Competentieprofiel sociaal werk")
    CompetencyFactory(framework=framework, code="A1", name="Contact en werkrelatie")
    a6 = CompetencyFactory(framework=framework, code="A6", name="Signaleren en veiligheid")
    activity = LearningActivityFactory(organisation=organisation, title="Training meldcode")
    activity.competencies.add(a6)

    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", hr.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").last.click()

    # A programme under the cao Sociaal Werk, its agreement filled in from the preset.
    page.get_by_role("link", name="Programmes", exact=True).click()
    page.get_by_role("link", name="New programme").click()
    page.get_by_label(field("Name")).fill("Traineeship Sociaal Werk 2026")
    page.get_by_label(field("Kind")).select_option("social_work")
    page.get_by_label(field("Agreement preset")).select_option("cao_sociaal_werk_2021")
    # With JavaScript the preset fills the agreement at once; the button does the same without.
    expect(page.get_by_label(field("Maximum duration (months)"))).to_have_value("12")
    page.get_by_role("button", name="Apply preset").click()
    expect(page.get_by_label(field("Maximum duration (months)"))).to_have_value("12")
    expect(page.get_by_label(field("Name"))).to_have_value("Traineeship Sociaal Werk 2026")
    page.get_by_label(field("Competency framework")).select_option(label=framework.name)
    page.get_by_role("button", name="Save programme").click()
    page.get_by_role("heading", name="Traineeship Sociaal Werk 2026").wait_for()

    # A traineeship that breaks the agreement gets the message at the field; nothing typed is lost.
    page.get_by_role("link", name="Add a traineeship").click()
    start = timezone.localdate().replace(day=1)
    page.get_by_label(field("Trainee")).select_option(label="Tess Trainee (tess@testdal.example)")
    page.get_by_label(field("Education level")).select_option("hbo")
    page.get_by_label(field("Graduation date")).fill(add_months(start, -3).isoformat())
    page.get_by_label(field("Start date")).fill(start.isoformat())
    page.get_by_label(field("End date")).fill(add_months(start, 18).isoformat())
    page.get_by_label(field("Pay scale during the traineeship")).fill("6")
    page.get_by_role("button", name="Save traineeship").click()
    # The error summary at the top links to the field, where the same message stands.
    expect(page.locator('[data-error-summary] a[href="#id_end_date"]')).to_be_visible()
    expect(
        page.locator("#id_end_date ~ .invalid-feedback, .invalid-feedback")
        .get_by_text(re.compile("lasts at most 12 months"))
        .first
    ).to_be_visible()
    expect(page.get_by_label(field("Pay scale during the traineeship"))).to_have_value("6")
    page.get_by_label(field("End date")).fill((add_months(start, 12) - timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Save traineeship").click()
    # The flow goes on to step 1 at once; the single employer's placement is already there.
    page.get_by_role("heading", name="Step 1: the work").wait_for()

    # Step 1: the work, and the competencies of the profile in one table.
    page.get_by_label(field("Tasks")).fill("Spreekuur in het buurtteam en huisbezoeken.")
    page.get_by_role("button", name="Save and choose competencies").click()
    page.get_by_label("Purpose of A1 Contact en werkrelatie").select_option("required")
    page.get_by_label("Purpose of A6 Signaleren en veiligheid").select_option("develop")
    page.get_by_role("button", name="Save the competencies and go to step 2").click()

    # Step 2: the suggestion points at the activity that covers A6; choose it.
    page.get_by_role("button", name="choose Training meldcode").click()
    expect(page.get_by_role("row", name=re.compile("Training meldcode"))).to_be_visible()

    click_through(page.get_by_role("link", name="Overview"))
    steps = page.locator("ol.step-list > li")
    # HR's part of step 1 is done; what is left is the trainee's own start self-evaluation.
    expect(steps.nth(0)).to_contain_text("self-evaluation")
    expect(steps.nth(0)).not_to_contain_text("not described")
    expect(steps.nth(0)).not_to_contain_text("No competencies")
    expect(steps.nth(1)).to_contain_text("Done")
    expect(steps.nth(2)).not_to_contain_text("Add a placement")


@pytest.mark.browser
def test_hr_invites_and_finishes_steps_one_to_three_in_few_submissions(live_server, page, transactional_db):
    """From an organisation with only its programme: invite a new trainee, create the traineeship,
    finish steps 1-3 (work, competencies, an activity, the mentor) without typing an address."""
    organisation = OrganisationFactory(name="Welzijn Telgen", slug="telgen")
    hr = member(organisation, Role.HR, email="hr@telgen.example", name="Hanna HR")
    member(organisation, Role.MENTOR, email="mo@telgen.example", name="Mo Mentor")
    framework = FrameworkFactory(organisation=organisation, name="Competentieprofiel sociaal werk")
    CompetencyFactory(framework=framework, code="A1", name="Contact en werkrelatie")
    a6 = CompetencyFactory(framework=framework, code="A6", name="Signaleren en veiligheid")
    LearningActivityFactory(organisation=organisation, title="Training meldcode").competencies.add(a6)
    ProgrammeFactory(owner=organisation, name="Traineeship Telgen", framework=framework)

    sign_in(page, live_server.url, hr.email, PASSWORD)
    submissions = []
    page.on("request", lambda request: submissions.append(request.url) if request.method == "POST" else None)

    page.get_by_role("link", name="New traineeship").first.click()
    start = timezone.localdate().replace(day=1)
    page.get_by_label(field("Name of the new trainee")).fill("Nina Nieuw")
    page.get_by_label(field("E-mail address of the new trainee")).fill("nina@telgen.example")
    page.get_by_label(field("Education level")).select_option("hbo")
    page.get_by_label(field("Graduation date")).fill(add_months(start, -3).isoformat())
    page.get_by_label(field("Start date")).fill(start.isoformat())
    page.get_by_role("button", name="Save traineeship").click()
    page.get_by_role("heading", name="Step 1: the work").wait_for()

    page.get_by_label(field("Tasks")).fill("Spreekuur in het buurtteam en huisbezoeken.")
    page.get_by_role("button", name="Save and choose competencies").click()
    page.get_by_label("Purpose of A1 Contact en werkrelatie").select_option("required")
    page.get_by_label("Purpose of A6 Signaleren en veiligheid").select_option("develop")
    page.get_by_role("button", name="Save the competencies and go to step 2").click()
    page.get_by_role("button", name="choose Training meldcode").click()
    page.get_by_role("row", name=re.compile("Training meldcode")).wait_for()

    page.get_by_role("link", name=re.compile("^Next step")).click()
    mentor_select = page.get_by_label(field("Mentor")).first
    mentor_select.select_option(mentor_select.locator("option", has_text="Mo Mentor").get_attribute("value"))
    page.get_by_role("button", name=re.compile("^Save mentor")).first.click()
    page.get_by_text("Mo Mentor").first.wait_for()

    traineeship = Traineeship.objects.get(programme__owner=organisation)
    assert traineeship.trainee.email == "nina@telgen.example"
    assert traineeship.placements.get().mentor.name == "Mo Mentor"
    assert traineeship.profile_competencies.count() == 2 and traineeship.development_activities.count() == 1
    print(f"\nHR: invitation to mentor in {len(submissions)} form submissions")
    assert len(submissions) <= 8
