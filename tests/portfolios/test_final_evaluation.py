import pytest
from django.urls import reverse

from organisations.models import AuditEntry
from portfolios.models import FinalEvaluation


def test_both_sign_then_locked_and_only_hr_reopens(traineeship, personas, client_for):
    url = reverse("portfolios:final_evaluation", kwargs={"pk": traineeship.pk})
    sign = reverse("portfolios:final_evaluation_sign", kwargs={"pk": traineeship.pk})
    trainee, mentor = client_for(personas.trainee), client_for(personas.mentor)
    response = trainee.post(
        url,
        {
            "trainee_development": "Ik ben gegroeid in gespreksvoering.",
            "trainee_went_well": "De samenwerking",
            "trainee_could_be_better": "Planning",
            "future_in_sector": "Ik blijf in het sociaal werk.",
            "options_in_organisation": "Vaste baan als wijkwerker",
            "version": 1,
        },
    )
    assert response.status_code == 302
    evaluation = FinalEvaluation.objects.get(traineeship=traineeship)
    assert evaluation.trainee_development == "Ik ben gegroeid in gespreksvoering."
    # The mentor cannot write the trainee's part.
    mentor.post(
        url,
        {
            "trainee_development": "overschreven",
            "mentor_development": "Sterk gegroeid",
            "mentor_went_well": "Inzet",
            "mentor_could_be_better": "Grenzen stellen",
            "future_in_sector": "Ik blijf in het sociaal werk.",
            "options_in_organisation": "Vaste baan als wijkwerker",
            "version": evaluation.version,
        },
    )
    evaluation.refresh_from_db()
    assert evaluation.trainee_development == "Ik ben gegroeid in gespreksvoering."
    assert evaluation.mentor_development == "Sterk gegroeid"
    # A stale save is refused.
    stale = trainee.post(url, {"trainee_development": "oud", "version": 1})
    assert stale.status_code == 200
    assert "alert-danger" in stale.content.decode()  # the page says why nothing was saved
    assert client_for(personas.hr).post(sign).status_code == 403
    evaluation.refresh_from_db()
    read = {"digest": evaluation.text_digest()}
    trainee.post(sign, read)
    mentor.post(sign, read)
    evaluation.refresh_from_db()
    assert evaluation.is_locked
    assert AuditEntry.objects.filter(action="evaluation.signed").count() == 2
    # Locked: edits refused.
    trainee.post(url, {"trainee_development": "later", "version": evaluation.version})
    evaluation.refresh_from_db()
    assert evaluation.trainee_development == "Ik ben gegroeid in gespreksvoering."
    reopen = reverse("portfolios:final_evaluation_reopen", kwargs={"pk": traineeship.pk})
    for role in ["trainee", "mentor", "manager", "coordinator"]:
        assert client_for(personas.users[role]).post(reopen, {"reason": "Fout in de tekst"}).status_code == 403
    assert client_for(personas.other_hr).post(reopen, {"reason": "Fout in de tekst"}).status_code == 404
    response = client_for(personas.hr).post(reopen, {"reason": "Een feitelijke fout in de toekomstparagraaf"})
    assert response.status_code == 302
    evaluation.refresh_from_db()
    assert not evaluation.is_locked and evaluation.reopened_by == personas.hr
    assert AuditEntry.objects.filter(action="evaluation.reopened").exists()
    page = trainee.get(url).content.decode()
    assert "Een feitelijke fout in de toekomstparagraaf" in page


def test_editing_after_one_signature_clears_it(traineeship, personas, client_for):
    url = reverse("portfolios:final_evaluation", kwargs={"pk": traineeship.pk})
    client_for(personas.trainee).post(url, {"trainee_development": "A", "version": 1})
    evaluation = FinalEvaluation.objects.get()
    client_for(personas.trainee).post(
        reverse("portfolios:final_evaluation_sign", kwargs={"pk": traineeship.pk}),
        {"digest": evaluation.text_digest()},
    )
    evaluation.refresh_from_db()
    assert evaluation.trainee_signed_at
    client_for(personas.mentor).post(url, {"mentor_development": "B", "version": evaluation.version})
    evaluation.refresh_from_db()
    assert evaluation.trainee_signed_at is None and evaluation.mentor_development == "B"


def _write(traineeship, personas, client_for):
    url = reverse("portfolios:final_evaluation", kwargs={"pk": traineeship.pk})
    client_for(personas.trainee).post(url, {"trainee_development": "Gegroeid in gesprekken", "version": 1})
    evaluation = FinalEvaluation.objects.get()
    client_for(personas.mentor).post(
        url, {"mentor_development": "Sterk in contact met gezinnen", "version": evaluation.version}
    )
    return url, reverse("portfolios:final_evaluation_sign", kwargs={"pk": traineeship.pk})


def test_trainee_sees_the_mentors_part_on_the_page_where_they_sign(traineeship, personas, client_for):
    url, _sign = _write(traineeship, personas, client_for)
    page = client_for(personas.trainee).get(url)
    html = page.content.decode()
    # The trainee's own part is in the form; the mentor's part is in the text being signed.
    assert "Sterk in contact met gezinnen" in html and "Gegroeid in gesprekken" in html
    evaluation = FinalEvaluation.objects.get()
    assert f'name="digest" value="{evaluation.text_digest()}"' in html


@pytest.mark.parametrize("signer", ["trainee", "mentor"])
def test_signing_text_that_changed_since_it_was_read_signs_nothing(traineeship, personas, client_for, signer):
    url, sign = _write(traineeship, personas, client_for)
    client = client_for(personas.users[signer])
    read = client.get(url).context["signed_text"].text_digest()
    # The other side changes their part after the page was opened.
    other = "mentor" if signer == "trainee" else "trainee"
    evaluation = FinalEvaluation.objects.get()
    field = "mentor_development" if other == "mentor" else "trainee_development"
    client_for(personas.users[other]).post(url, {field: "Nieuwe tekst na het lezen", "version": evaluation.version})
    response = client.post(sign, {"digest": read}, follow=True)
    evaluation.refresh_from_db()
    assert evaluation.trainee_signed_at is None and evaluation.mentor_signed_at is None
    html = response.content.decode()
    assert "niets ondertekend" in html and "Nieuwe tekst na het lezen" in html
    assert not AuditEntry.objects.filter(action="evaluation.signed").exists()
    # Signing the text now shown works.
    digest = response.context["signed_text"].text_digest()
    client.post(sign, {"digest": digest})
    evaluation.refresh_from_db()
    assert (evaluation.trainee_signed_at if signer == "trainee" else evaluation.mentor_signed_at) is not None


def test_signing_without_the_version_read_signs_nothing(traineeship, personas, client_for):
    _url, sign = _write(traineeship, personas, client_for)
    assert client_for(personas.trainee).post(sign, {"digest": "x" * 300}).status_code == 302
    assert FinalEvaluation.objects.get().trainee_signed_at is None
