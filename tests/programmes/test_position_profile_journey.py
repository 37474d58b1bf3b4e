"""HR writes a position profile before hiring, prints it for the vacancy and hires on it, in the browser."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from organisations.models import Role
from programmes.dates import add_months
from programmes.models import PositionProfile, Traineeship, WorkProfile
from tests.browser.steps import sign_in
from tests.organisations.factories import PASSWORD, OrganisationFactory, member
from tests.programmes.factories import CohortFactory, CompetencyFactory, FrameworkFactory, ProgrammeFactory


def field(label: str) -> re.Pattern:
    return re.compile(rf"^\s*{re.escape(label)}\s*\*?\s*$")


@pytest.mark.browser
def test_hr_writes_a_profile_prints_it_and_hires_on_it(live_server, page, transactional_db):
    organisation = OrganisationFactory(name="Welzijn Telgen", slug="telgen")
    hr = member(organisation, Role.HR, email="hr@telgen.example", name="Hanna HR")
    member(organisation, Role.TRAINEE, email="tess@telgen.example", name="Tess Trainee")
    framework = FrameworkFactory(organisation=organisation, name="Competentieprofiel sociaal werk")
    CompetencyFactory(framework=framework, code="A1", name="Contact en werkrelatie")
    CompetencyFactory(framework=framework, code="A6", name="Signaleren en veiligheid")
    programme = ProgrammeFactory(owner=organisation, name="Traineeship Telgen", framework=framework)
    cohort = CohortFactory(programme=programme, name="Lichting 2026", start_date=timezone.localdate().replace(day=1))

    sign_in(page, live_server.url, hr.email, PASSWORD)

    # From the "More" menu to the position profiles.
    page.locator("summary", has_text="More").click()
    page.get_by_role("link", name="Position profiles").click()
    page.get_by_role("link", name="New position profile").click()
    page.get_by_label(field("Title")).fill("Trainee jongerenwerk")
    page.get_by_label(field("Cohort")).select_option(label="Lichting 2026")
    page.get_by_label(field("Tasks")).fill("Ambulant jongerenwerk in de wijk.")
    page.get_by_label("Purpose of A1 Contact en werkrelatie").select_option("required")
    page.get_by_label("Purpose of A6 Signaleren en veiligheid").select_option("develop")
    page.get_by_role("button", name="Save position profile").click()
    page.get_by_role("heading", name="Trainee jongerenwerk").wait_for()

    # The PDF for the vacancy downloads.
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF for the vacancy").click()
    assert download.value.suggested_filename == "Functieprofiel Trainee jongerenwerk.pdf"

    # Someone is hired: the traineeship is created from the profile.
    page.get_by_role("link", name="Create traineeship from this profile").click()
    expect(page.get_by_label(field("Cohort"))).to_have_value(str(cohort.pk))
    start = cohort.start_date
    page.get_by_label(field("Trainee")).select_option(label="Tess Trainee (tess@telgen.example)")
    page.get_by_label(field("Education level")).select_option("hbo")
    page.get_by_label(field("Graduation date")).fill(add_months(start, -3).isoformat())
    page.get_by_role("button", name="Save traineeship").click()
    page.get_by_role("heading", name="Step 1: the work").wait_for()
    expect(page.get_by_label(field("Tasks"))).to_have_value("Ambulant jongerenwerk in de wijk.")

    traineeship = Traineeship.objects.get(programme=programme)
    assert WorkProfile.objects.get(traineeship=traineeship).tasks == "Ambulant jongerenwerk in de wijk."
    assert sorted(traineeship.profile_competencies.values_list("competency__code", "purpose")) == [
        ("A1", "required"),
        ("A6", "develop"),
    ]
    assert list(PositionProfile.objects.get().traineeships.all()) == [traineeship]
