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
    trainee.post(sign)
    mentor.post(sign)
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
    client_for(personas.trainee).post(reverse("portfolios:final_evaluation_sign", kwargs={"pk": traineeship.pk}))
    evaluation = FinalEvaluation.objects.get()
    assert evaluation.trainee_signed_at
    client_for(personas.mentor).post(url, {"mentor_development": "B", "version": evaluation.version})
    evaluation.refresh_from_db()
    assert evaluation.trainee_signed_at is None and evaluation.mentor_development == "B"
