"""HR's new traineeship as a guided flow: what the agreement fixes is filled in, one table for competencies,
a placement for a single employer, and the five steps as navigation."""

from django.urls import reverse

from programmes.models import Placement, ProfileCompetency, Traineeship
from tests.programmes.factories import CompetencyFactory, ProgrammeFactory, TraineeshipFactory


def create(client, programme, trainee, **overrides):
    data = {
        "trainee": trainee.pk,
        "education_level": "hbo",
        "graduation_date": "2025-06-30",
        "start_date": "2025-09-01",
        "status": "planned",
    } | overrides
    return client.post(reverse("programmes:traineeship_create", kwargs={"pk": programme.pk}), data)


def test_end_date_and_scale_follow_the_agreement_when_left_empty(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation)
    client = client_for(personas.hr, "en")
    page = client.get(reverse("programmes:traineeship_create", kwargs={"pk": programme.pk})).content.decode()
    assert "the maximum of cao Sociaal Werk 2021-2023" in page  # the rule is shown
    assert "hbo 6" in page
    assert create(client, programme, personas.trainee).status_code == 302
    traineeship = Traineeship.objects.get(programme=programme)
    assert str(traineeship.end_date) == "2026-08-31"
    assert traineeship.scale == 6


def test_a_typed_scale_is_kept_and_checked(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation)
    response = create(client_for(personas.hr, "en"), programme, personas.trainee, scale="8", end_date="2026-05-31")
    assert "hbo graduate is in scale 6" in response.context["form"].errors["scale"][0]
    assert 'value="2026-05-31"' in response.content.decode()
    assert not Traineeship.objects.exists()


def test_without_a_rule_the_scale_is_required(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation, scale_mbo=None, scale_hbo=None)
    response = create(client_for(personas.hr, "en"), programme, personas.trainee, end_date="2026-08-31")
    assert response.status_code == 200
    assert response.context["form"].errors["scale"] == ["This field is required."]


def test_single_employer_gets_its_placement(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation)
    create(client_for(personas.hr), programme, personas.trainee)
    placement = Placement.objects.get(traineeship__programme=programme)
    assert placement.organisation == personas.organisation
    assert str(placement.start_date) == "2025-09-01"


def test_competencies_in_one_table_one_submission(personas, client_for):
    traineeship = TraineeshipFactory(programme__owner=personas.organisation)
    framework = traineeship.programme.framework
    first, second, third = (CompetencyFactory(framework=framework) for _ in range(3))
    client = client_for(personas.hr, "en")
    url = reverse("programmes:profile_competencies", kwargs={"pk": traineeship.pk})
    assert f'name="purpose_{third.pk}"' in client.get(url).content.decode()
    response = client.post(
        url,
        {
            f"purpose_{first.pk}": "required",
            f"purpose_{second.pk}": "develop",
            f"level_{second.pk}": "vakbekwaam",
        },
    )
    assert response["Location"] == reverse("programmes:activities", kwargs={"pk": traineeship.pk})
    rows = {row.competency_id: row for row in ProfileCompetency.objects.filter(traineeship=traineeship)}
    assert set(rows) == {first.pk, second.pk}
    assert rows[second.pk].target_level == "vakbekwaam"
    # Clearing a row in the table takes the competency out of the profile.
    client.post(url, {f"purpose_{second.pk}": "develop"})
    assert list(ProfileCompetency.objects.filter(traineeship=traineeship).values_list("competency", flat=True)) == [
        second.pk
    ]


def test_competency_table_keeps_input_on_a_bad_value(personas, client_for):
    traineeship = TraineeshipFactory(programme__owner=personas.organisation)
    competency = CompetencyFactory(framework=traineeship.programme.framework)
    client = client_for(personas.hr, "en")
    url = reverse("programmes:profile_competencies", kwargs={"pk": traineeship.pk})
    response = client.post(url, {f"purpose_{competency.pk}": "develop", f"level_{competency.pk}": "guru"})
    assert response.status_code == 200
    assert f"level_{competency.pk}" in response.context["form"].errors
    assert '<option value="develop" selected>' in response.content.decode()
    assert not ProfileCompetency.objects.exists()


def test_competency_table_scope(personas, client_for):
    traineeship = TraineeshipFactory(programme__owner=personas.organisation)
    competency = CompetencyFactory(framework=traineeship.programme.framework)
    url = reverse("programmes:profile_competencies", kwargs={"pk": traineeship.pk})
    data = {f"purpose_{competency.pk}": "develop"}
    assert client_for(personas.outsider).post(url, data).status_code == 404
    assert client_for(personas.trainee).post(url, data).status_code in (403, 404)
    assert not ProfileCompetency.objects.exists()


def test_five_steps_are_the_navigation_with_a_next_step(personas, client_for):
    traineeship = TraineeshipFactory(programme__owner=personas.organisation)
    client = client_for(personas.hr, "en")
    page = client.get(reverse("programmes:activities", kwargs={"pk": traineeship.pk})).content.decode()
    for label in ["1. Work and competencies", "2. Learning activities", "3. Placement and mentor", "4. Shape", "5. Ev"]:
        assert label in page
    assert reverse("mentors:traineeship_mentors", kwargs={"pk": traineeship.pk}) in page
    assert "Next step" in page
    # The menu highlights Traineeships, not Programmes.
    nav = {
        item["label"]: item["current"]
        for item in client.get(page and reverse("programmes:work_profile", kwargs={"pk": traineeship.pk})).context[
            "nav_items"
        ]
    }
    assert nav["Traineeships"] is True
    assert nav["Programmes"] is False


def test_placement_page_links_to_choosing_a_mentor(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation)
    create(client_for(personas.hr), programme, personas.trainee)
    traineeship = Traineeship.objects.get(programme=programme)
    page = client_for(personas.hr, "en").get(reverse("programmes:placements", kwargs={"pk": traineeship.pk}))
    assert reverse("mentors:traineeship_mentors", kwargs={"pk": traineeship.pk}) in page.content.decode()


def test_new_traineeship_action(personas, client_for):
    client = client_for(personas.hr, "en")
    assert "New traineeship" in client.get(reverse("traineeship_list")).content.decode()
    assert reverse("traineeship_new") in client.get(reverse("home")).content.decode()
    # No programme yet: the page says so.
    assert "there is none yet" in client.get(reverse("traineeship_new")).content.decode()
    only = ProgrammeFactory(owner=personas.organisation)
    response = client.get(reverse("traineeship_new"))
    assert response["Location"] == reverse("programmes:traineeship_create", kwargs={"pk": only.pk})
    ProgrammeFactory(owner=personas.organisation, name="Tweede")
    ProgrammeFactory(owner=personas.other_organisation, name="Niet van ons")
    page = client.get(reverse("traineeship_new")).content.decode()
    assert "Tweede" in page and only.name in page and "Niet van ons" not in page
    assert client_for(personas.trainee).get(reverse("traineeship_new")).status_code == 403


def invite_in_form(client, programme, **overrides):
    data = {
        "new_trainee_name": "Nina Nieuw",
        "new_trainee_email": "Nina@Example.org",
        "education_level": "hbo",
        "graduation_date": "2025-06-30",
        "start_date": "2025-09-01",
        "status": "planned",
    } | overrides
    return client.post(reverse("programmes:traineeship_create", kwargs={"pk": programme.pk}), data)


def test_hr_invites_the_trainee_in_the_same_form_and_goes_on(personas, client_for):
    from organisations.models import Invitation, OutgoingMail

    programme = ProgrammeFactory(owner=personas.organisation)
    response = invite_in_form(client_for(personas.hr, "en"), programme)
    traineeship = Traineeship.objects.get(programme=programme)
    assert response["Location"] == reverse("programmes:work_profile", kwargs={"pk": traineeship.pk})
    # The traineeship waits for a person who cannot sign in until they accept.
    assert traineeship.trainee.email == "nina@example.org" and traineeship.trainee.name == "Nina Nieuw"
    assert not traineeship.trainee.is_active and not traineeship.trainee.has_usable_password()
    invitation = Invitation.objects.get(email="nina@example.org", role="trainee", organisation=personas.organisation)
    assert invitation.is_open
    assert OutgoingMail.objects.filter(recipient="nina@example.org").exists()


def test_the_invited_trainee_accepts_and_finds_the_traineeship(personas, client, client_for):
    from django.core import mail

    programme = ProgrammeFactory(owner=personas.organisation)
    invite_in_form(client_for(personas.hr, "en"), programme)
    link = next(line.strip() for message in mail.outbox for line in message.body.splitlines() if "/invitation/" in line)
    path = link[link.index("/organisation/") :]
    response = client.post(
        path, {"name": "Nina de Vries", "password1": "een-lang-wachtwoord-7", "password2": "een-lang-wachtwoord-7"}
    )
    assert response.status_code == 302
    traineeship = Traineeship.objects.get(programme=programme)
    traineeship.trainee.refresh_from_db()
    assert traineeship.trainee.is_active and traineeship.trainee.name == "Nina de Vries"
    assert client.get(reverse("stappenplan", kwargs={"pk": traineeship.pk})).status_code == 200


def test_a_pending_invitee_can_be_chosen(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation)
    client = client_for(personas.hr, "en")
    client.post(reverse("organisations:invite"), {"name": "Omar Open", "email": "omar@example.org", "role": "trainee"})
    page = client.get(reverse("programmes:traineeship_create", kwargs={"pk": programme.pk})).content.decode()
    assert "Omar Open (omar@example.org, invited)" in page


def test_choose_or_invite_not_both_and_input_is_kept(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation)
    client = client_for(personas.hr, "en")
    both = invite_in_form(client, programme, trainee=personas.trainee.pk)
    assert "not both" in both.context["form"].errors["new_trainee_email"][0]
    assert 'value="Nina Nieuw"' in both.content.decode()
    neither = invite_in_form(client, programme, new_trainee_name="", new_trainee_email="")
    assert "Choose a trainee from the list" in neither.context["form"].errors["trainee"][0]
    half = invite_in_form(client, programme, new_trainee_email="")
    assert half.context["form"].errors["new_trainee_email"]
    assert not Traineeship.objects.filter(programme=programme).exists()


def test_only_hr_of_the_owner_invites_from_the_form(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation)
    page = client_for(personas.coordinator, "en").get(
        reverse("programmes:traineeship_create", kwargs={"pk": programme.pk})
    )
    if page.status_code == 200:
        assert "new_trainee_email" not in page.content.decode()
