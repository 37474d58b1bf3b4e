"""The portfolio PDF as a manager files it: tagged PDF/A-3a, the evidence inside, for whom it was made."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from portfolios.models import CompetencyRating, FinalEvaluation, Moment, SelfEvaluation
from tests.mentors.factories import MeetingFactory, record
from tests.portfolios.factories import GoalFactory
from tests.portfolios.pdf_helpers import flat_text as text_of
from tests.portfolios.pdf_helpers import open_pdf, pages_text, store_evidence, struct_elements

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def portfolio_pdf(client, traineeship):
    response = client.get(reverse("portfolios:portfolio_pdf", kwargs={"pk": traineeship.pk}))
    assert response.status_code == 200
    return response


def test_portfolio_is_tagged_pdf_a_3a_with_language_and_title(traineeship, personas, client_for):
    response = portfolio_pdf(client_for(personas.manager, "en"), traineeship)
    pdf = open_pdf(response.content)
    assert "/StructTreeRoot" in pdf.Root
    assert bool(pdf.Root.MarkInfo.Marked) is True
    assert str(pdf.Root.Lang) == "en"
    metadata = pdf.open_metadata()
    assert metadata.get("pdfaid:part") == "3" and metadata.get("pdfaid:conformance") == "A"
    title = f"Portfolio of {traineeship.trainee.name}"
    assert metadata.get("dc:title") == title and str(pdf.docinfo.Title) == title
    assert struct_elements(pdf, "/H1") and struct_elements(pdf, "/H2")
    assert struct_elements(pdf, "/TH")  # table headers are tagged as such


def test_pdf_says_for_whom_it_was_made_and_has_a_colophon(traineeship, personas, client_for):
    personas.organisation.retention_years = 5
    personas.organisation.save()
    pages = pages_text(portfolio_pdf(client_for(personas.manager, "en"), traineeship).content)
    cover, last = pages[0], pages[-1]
    # One stored file serves everyone with the same view, so it names the view, not the person.
    assert "Anyone reading as Manager" in cover and personas.manager.name not in cover
    assert personas.organisation.name in cover and traineeship.programme.name in cover
    assert "About this document" in last and "Anyone reading as Manager" in last
    assert "for 5 years after the traineeship ends" in last
    trainee_copy = pages_text(portfolio_pdf(client_for(personas.trainee, "en"), traineeship).content)
    assert "Anyone reading as Trainee" in trainee_copy[0]


def test_evidence_files_are_embedded_with_name_and_relation(traineeship, personas, client_for):
    goal = GoalFactory(traineeship=traineeship, title="Huisbezoeken zelfstandig")
    evidence = store_evidence(traineeship, "Certificaat Motiverende gespreksvoering", MINIMAL_PDF, "certificaat.pdf")
    evidence.goals.add(goal)
    response = portfolio_pdf(client_for(personas.manager, "en"), traineeship)
    pdf = open_pdf(response.content)
    assert list(pdf.attachments) == ["01-certificaat.pdf"]
    spec = pdf.attachments["01-certificaat.pdf"]
    assert spec.get_file().read_bytes() == MINIMAL_PDF
    assert "Huisbezoeken zelfstandig" in spec.description
    assert str(spec.obj.AFRelationship) == "/Supplement"
    # associated with the document, as PDF/A-3 asks
    assert {str(spec.get("/F")) for spec in pdf.Root.AF} == {"01-certificaat.pdf"}
    text = text_of(response.content)
    assert "Inside this PDF as “01-certificaat.pdf”" in text
    assert "paperclip" in text


def test_evidence_above_the_size_limit_is_listed_with_a_note(traineeship, personas, client_for, settings):
    settings.PORTFOLIO_PDF_ATTACHMENTS_MAX_BYTES = len(MINIMAL_PDF) * 2 + 10
    for name in ["een.pdf", "twee.pdf", "drie.pdf"]:
        store_evidence(traineeship, f"Bewijs {name}", MINIMAL_PDF, name)
    response = portfolio_pdf(client_for(personas.manager, "en"), traineeship)
    pdf = open_pdf(response.content)
    assert len(pdf.attachments) == 2
    assert sum(len(pdf.attachments[n].get_file().read_bytes()) for n in pdf.attachments) <= (
        settings.PORTFOLIO_PDF_ATTACHMENTS_MAX_BYTES
    )
    assert "would exceed the limit" in text_of(response.content)


def pages_lines(client, traineeship):
    return [page.splitlines() for page in pages_text(portfolio_pdf(client, traineeship).content)]


def page_of(pages, heading):
    return next(index for index, lines in enumerate(pages) if heading in lines)


def test_sections_flow_on_and_only_big_parts_start_a_page(traineeship, personas, client_for):
    client = client_for(personas.manager, "en")
    pages = pages_lines(client, traineeship)
    # A short portfolio: the small sections share a page instead of taking one each, and an empty
    # meetings section or a final evaluation not yet started does not get a page of its own.
    assert page_of(pages, "Profile") == page_of(pages, "Development plan") == page_of(pages, "Evidence")
    assert page_of(pages, "Progress meetings") == page_of(pages, "Final evaluation")
    assert pages[page_of(pages, "About this document")][0] == "About this document"  # the colophon page

    record(MeetingFactory(traineeship=traineeship), personas.mentor, notes="Eerste gesprek")
    FinalEvaluation.objects.create(traineeship=traineeship, trainee_development="Gegroeid")
    pages = pages_lines(client, traineeship)
    for heading in ["Progress meetings", "Final evaluation"]:  # big parts open a page, under their heading
        assert pages[page_of(pages, heading)][0] == heading
    assert page_of(pages, "Colleague feedback") < page_of(pages, "Progress meetings")


def test_chart_shows_start_midway_and_end_with_alternative_text(traineeship, personas, client_for):
    competency = traineeship.profile_competencies.first().competency
    for level, moment in enumerate([Moment.START, Moment.MIDWAY, Moment.END], start=1):
        evaluation = SelfEvaluation.objects.create(traineeship=traineeship, moment=moment, submitted_at=timezone.now())
        CompetencyRating.objects.create(self_evaluation=evaluation, competency=competency, level=level)
    pdf = open_pdf(portfolio_pdf(client_for(personas.manager, "en"), traineeship).content)
    alts = [str(figure.get("/Alt", "")) for figure in struct_elements(pdf, "/Figure")]
    chart = next(alt for alt in alts if alt.startswith("Competency ratings over the traineeship"))
    assert "Start (self) 1, Midway (self) 2, End (self) 3" in chart


def test_logo_of_the_organisation_is_on_the_cover(traineeship, personas, client_for):
    from django.core.files.base import ContentFile

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "navy").save(buffer, "PNG")
    personas.organisation.logo.save("logo.png", ContentFile(buffer.getvalue()), save=True)
    pdf = open_pdf(portfolio_pdf(client_for(personas.manager, "en"), traineeship).content)
    assert len(list(pdf.pages[0].get_images())) == 1
    alts = [str(figure.get("/Alt", "")) for figure in struct_elements(pdf, "/Figure")]
    assert f"Logo of {personas.organisation.name}" in alts


def test_dutch_ascii_file_names(traineeship, personas, client_for):
    personas.trainee.name = "Zoë Çelik-de Vries"
    personas.trainee.save()
    response = portfolio_pdf(client_for(personas.manager), traineeship)
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="portfolio-zoe-celik-de-vries-{today}.pdf"'
    FinalEvaluation.objects.create(traineeship=traineeship, trainee_development="Gegroeid")
    final = client_for(personas.manager).get(reverse("portfolios:final_evaluation_pdf", kwargs={"pk": traineeship.pk}))
    assert final["Content-Disposition"] == 'attachment; filename="eindevaluatie-zoe-celik-de-vries.pdf"'


def test_final_evaluation_not_started_offers_a_titled_empty_form(traineeship, personas, client_for):
    client = client_for(personas.manager, "en")
    page = client.get(reverse("portfolios:portfolio", kwargs={"pk": traineeship.pk})).content.decode()
    assert "Empty final evaluation form to print (not started yet)" in page
    assert "The final evaluation as PDF" not in page
    response = client.get(reverse("portfolios:final_evaluation_pdf", kwargs={"pk": traineeship.pk}))
    assert response.status_code == 200
    assert "eindevaluatie-formulier-" in response["Content-Disposition"]
    text = text_of(response.content)
    assert f"Final evaluation form for {traineeship.trainee.name} (to fill in)" in text
    assert "This is an empty form" in text and "date and signature" in text
    FinalEvaluation.objects.create(traineeship=traineeship, trainee_development="Veel geleerd")
    page = client.get(reverse("portfolios:portfolio", kwargs={"pk": traineeship.pk})).content.decode()
    assert "The final evaluation as PDF" in page
    filled = client.get(reverse("portfolios:final_evaluation_pdf", kwargs={"pk": traineeship.pk}))
    assert "Veel geleerd" in text_of(filled.content)


@pytest.mark.parametrize("reader", ["manager", "trainee"])
def test_final_evaluation_pdf_is_tagged_too(traineeship, personas, client_for, reader):
    FinalEvaluation.objects.create(traineeship=traineeship, trainee_development="Veel geleerd")
    response = client_for(personas.users[reader], "en").get(
        reverse("portfolios:final_evaluation_pdf", kwargs={"pk": traineeship.pk})
    )
    pdf = open_pdf(response.content)
    assert "/StructTreeRoot" in pdf.Root and pdf.open_metadata().get("pdfaid:conformance") == "A"


def test_page_references_stay_right_when_cached():
    import pydyf

    from portfolios.pdf import speedups

    speedups.install()
    pdf = pydyf.PDF()
    for _ in range(2):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    first = pdf.page_references
    assert pdf.page_references is first and len(first) == 2  # cached, not rebuilt per element
    pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert len(pdf.page_references) == 3 and pdf.page_references[:2] == first
