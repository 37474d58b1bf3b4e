"""The mentor's judgement of the final level (issue 16 point 5): rated in the final evaluation beside
the trainee's own rating, signed with it, and shown from start to end as growth on the portfolio
page and in the PDFs."""

import pytest
from django.urls import reverse
from django.utils import timezone

from portfolios.models import CompetencyRating, FinalEvaluation, MentorCompetencyRating, Moment, SelfEvaluation
from tests.portfolios.pdf_helpers import flat_text, open_pdf, struct_elements

pytestmark = pytest.mark.django_db


def _competencies(traineeship):
    return [pc.competency for pc in traineeship.profile_competencies.select_related("competency").order_by("pk")]


def _self_rate(traineeship, levels_per_moment):
    for moment, levels in levels_per_moment.items():
        evaluation = SelfEvaluation.objects.create(traineeship=traineeship, moment=moment, submitted_at=timezone.now())
        for competency, level in zip(_competencies(traineeship), levels, strict=False):
            CompetencyRating.objects.create(self_evaluation=evaluation, competency=competency, level=level)


MENTOR_PART = {
    "mentor_development": "Sterk gegroeid",
    "mentor_went_well": "Inzet",
    "mentor_could_be_better": "Grenzen stellen",
    "future_in_sector": "Blijft in het sociaal werk",
    "options_in_organisation": "Vaste baan",
}


def _rate(client, traineeship, levels, version=1):
    data = {**MENTOR_PART, "version": version}
    for competency, level in zip(_competencies(traineeship), levels, strict=True):
        data[f"mentor_level_{competency.pk}"] = str(level) if level else ""
    return client.post(reverse("portfolios:final_evaluation", kwargs={"pk": traineeship.pk}), data)


def test_mentor_rates_each_competency_beside_the_trainees_own(traineeship, personas, client_for):
    _self_rate(traineeship, {Moment.START: [1, 2, 1], Moment.END: [3, 3, 2]})
    mentor = client_for(personas.mentor)
    url = reverse("portfolios:final_evaluation", kwargs={"pk": traineeship.pk})
    page = mentor.get(url).content.decode()
    first = _competencies(traineeship)[0]
    assert f"Jouw oordeel: {first.code} {first.name}" in page
    assert "De eigen beoordeling van de trainee: 3 – vakbekwaam (Einde)" in page
    assert _rate(mentor, traineeship, [4, 3, None]).status_code == 302
    evaluation = FinalEvaluation.objects.get(traineeship=traineeship)
    assert dict(evaluation.mentor_ratings.values_list("competency", "level")) == {
        first.pk: 4,
        _competencies(traineeship)[1].pk: 3,
    }
    # The final evaluation page shows the growth, both ratings side by side, before anyone signs.
    page = client_for(personas.trainee).get(url).content.decode()
    assert "Groei per competentie" in page
    assert "<td>1</td><td>–</td><td>3</td><td>4</td>" in page.replace("\n", "").replace(" ", "")


def test_a_wrong_level_is_an_error_and_the_trainee_cannot_rate(traineeship, personas, client_for):
    competency = _competencies(traineeship)[0]
    response = _rate(client_for(personas.mentor), traineeship, [9, None, None])
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not MentorCompetencyRating.objects.exists()
    trainee = client_for(personas.trainee)
    url = reverse("portfolios:final_evaluation", kwargs={"pk": traineeship.pk})
    assert f"mentor_level_{competency.pk}" not in trainee.get(url).content.decode()
    trainee.post(url, {"trainee_development": "Gegroeid", "version": 1, f"mentor_level_{competency.pk}": "4"})
    assert not MentorCompetencyRating.objects.exists()
    # Others who see the traineeship may not write, outsiders do not see it.
    assert _rate(client_for(personas.hr), traineeship, [4, 4, 4]).status_code == 403
    assert _rate(client_for(personas.other_mentor), traineeship, [4, 4, 4]).status_code == 404
    assert not MentorCompetencyRating.objects.exists()


def test_a_changed_rating_clears_the_signatures_and_signing_covers_it(traineeship, personas, client_for):
    mentor, trainee = client_for(personas.mentor), client_for(personas.trainee)
    _rate(mentor, traineeship, [3, 3, 3])
    evaluation = FinalEvaluation.objects.get(traineeship=traineeship)
    digest = evaluation.text_digest()
    sign = reverse("portfolios:final_evaluation_sign", kwargs={"pk": traineeship.pk})
    trainee.post(sign, {"digest": digest})
    _rate(mentor, traineeship, [4, 3, 3], version=FinalEvaluation.objects.get(pk=evaluation.pk).version)
    evaluation.refresh_from_db()
    assert evaluation.trainee_signed_at is None  # what the trainee signed changed
    assert evaluation.text_digest() != digest
    # The digest the trainee read before the change no longer signs.
    trainee.post(sign, {"digest": digest})
    evaluation.refresh_from_db()
    assert evaluation.trainee_signed_at is None


def test_portfolio_page_and_pdf_show_growth_from_start_to_end(traineeship, personas, client_for):
    _self_rate(traineeship, {Moment.START: [1, 1, 1], Moment.MIDWAY: [2, 2, 2], Moment.END: [3, 3, 3]})
    _rate(client_for(personas.mentor), traineeship, [4, 4, 3])
    manager = client_for(personas.manager, "en")
    page = manager.get(reverse("portfolios:portfolio", kwargs={"pk": traineeship.pk})).content.decode()
    assert "Growth per competency" in page
    assert "<td>1</td><td>2</td><td>3</td><td>4</td>" in page.replace("\n", "").replace(" ", "")
    assert 'aria-hidden="true"' in page and "<svg" in page
    # The coordinator reads the final evaluation but not self-evaluations: only the mentor's column.
    coordinator = client_for(personas.coordinator, "en")
    evaluation_page = coordinator.get(reverse("portfolios:final_evaluation", kwargs={"pk": traineeship.pk}))
    assert "Start (self)" not in evaluation_page.content.decode()
    response = manager.get(reverse("portfolios:portfolio_pdf", kwargs={"pk": traineeship.pk}))
    assert response.status_code == 200
    text = flat_text(response.content)
    assert "Growth per competency" in text
    pdf = open_pdf(response.content)
    assert pdf.open_metadata().get("pdfaid:conformance") == "A"  # still PDF/A, tagged
    alts = [str(figure.get("/Alt", "")) for figure in struct_elements(pdf, "/Figure")]
    chart = next(alt for alt in alts if alt.startswith("Competency ratings over the traineeship"))
    assert "Start (self) 1, Midway (self) 2, End (self) 3, Mentor 4" in chart
    final = manager.get(reverse("portfolios:final_evaluation_pdf", kwargs={"pk": traineeship.pk}))
    assert "judgement of the final level" in flat_text(final.content)
    assert "4 – fully experienced" in flat_text(final.content)


def test_mentor_ratings_in_the_trainees_data_copy(traineeship, personas, client_for):
    import io
    import json
    import zipfile

    from tests.privacy.test_privacy import download_copy

    _rate(client_for(personas.mentor), traineeship, [4, None, None])
    copy = download_copy(client_for(personas.trainee), reverse("privacy_my_data_download"))
    data = json.loads(zipfile.ZipFile(io.BytesIO(copy.content)).read("data.json"))
    (evaluation,) = data["final_evaluations"]
    assert evaluation["mentor_ratings"] == [{"competency": str(_competencies(traineeship)[0]), "level": 4}]


def test_the_empty_form_to_print_has_a_line_per_competency(traineeship, personas, client_for):
    response = client_for(personas.manager, "en").get(
        reverse("portfolios:final_evaluation_pdf", kwargs={"pk": traineeship.pk})
    )
    text = flat_text(response.content)
    assert "judgement of the final level" in text
    for competency in _competencies(traineeship):
        assert f"{competency.code} {competency.name} 1 · 2 · 3 · 4" in text
    assert open_pdf(response.content).open_metadata().get("pdfaid:conformance") == "A"
