"""Position profiles: HR writes step 1 before hiring, and the traineeship is created from it."""

from django.urls import reverse

from competencies.models import CompetencyLevel
from programmes.models import (
    Placement,
    PositionProfile,
    PositionProfileCompetency,
    ProfileCompetency,
    Traineeship,
    WorkProfile,
)
from tests.programmes.factories import (
    CohortFactory,
    CompetencyFactory,
    PositionProfileFactory,
    ProgrammeFactory,
)


def profile_data(competencies=(), **overrides):
    data = {
        "title": "Trainee jongerenwerk",
        "kind": "tasks",
        "tasks": "Ambulant jongerenwerk in Noord",
    }
    for competency, purpose, level in competencies:
        data[f"purpose_{competency.pk}"] = purpose
        data[f"level_{competency.pk}"] = level
    return data | overrides


def test_hr_creates_a_profile_with_competencies(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation)
    cohort = CohortFactory(programme=programme)
    present, develop, unused = (CompetencyFactory(framework=programme.framework) for _ in range(3))
    data = profile_data(
        [(present, "required", "startbekwaam"), (develop, "develop", "vakbekwaam"), (unused, "", "startbekwaam")],
        cohort=cohort.pk,
    )
    response = client_for(personas.hr).post(
        reverse("programmes:position_profile_create", kwargs={"pk": programme.pk}), data
    )
    profile = PositionProfile.objects.get()
    assert response.status_code == 302 and response["Location"] == profile.get_absolute_url()
    assert (profile.organisation, profile.programme, profile.cohort) == (personas.organisation, programme, cohort)
    assert profile.created_by == personas.hr and profile.status == "open"
    assert {(row.competency, row.purpose, row.target_level) for row in profile.competencies.all()} == {
        (present, "required", "startbekwaam"),
        (develop, "develop", "vakbekwaam"),
    }
    listing = client_for(personas.hr).get(reverse("programmes:position_profile_list"))
    assert "Trainee jongerenwerk" in listing.content.decode()


def test_bad_input_keeps_what_was_typed(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation)
    competency = CompetencyFactory(framework=programme.framework)
    data = profile_data(
        [(competency, "develop", "vakbekwaam")],
        kind="assignment",
        tasks="",
        assignment="Een buurtonderzoek naar eenzaamheid",
        end_result="",
    )
    response = client_for(personas.hr, "en").post(
        reverse("programmes:position_profile_create", kwargs={"pk": programme.pk}), data
    )
    assert response.status_code == 200
    assert response.context["form"].errors["end_result"] == ["Name the concrete end result of the assignment."]
    html = response.content.decode()
    assert "Een buurtonderzoek naar eenzaamheid" in html
    assert 'value="develop" selected' in html and 'value="vakbekwaam" selected' in html
    assert not PositionProfile.objects.exists()


def test_a_choice_outside_the_list_is_an_error_at_the_field(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation)
    competency = CompetencyFactory(framework=programme.framework)
    data = profile_data([(competency, "everything", "startbekwaam")])
    response = client_for(personas.hr).post(
        reverse("programmes:position_profile_create", kwargs={"pk": programme.pk}), data
    )
    assert response.status_code == 200
    assert response.context["table"].errors[f"purpose_{competency.pk}"]
    assert not PositionProfile.objects.exists()


def test_edit_replaces_the_work_and_competencies(personas, client_for):
    profile = PositionProfileFactory(programme__owner=personas.organisation)
    first, second = (CompetencyFactory(framework=profile.programme.framework) for _ in range(2))
    PositionProfileCompetency.objects.create(profile=profile, competency=first, purpose="required")
    url = reverse("programmes:position_profile_edit", kwargs={"pk": profile.pk})
    page = client_for(personas.hr).get(url)
    assert page.status_code == 200 and profile.tasks in page.content.decode()
    response = client_for(personas.hr).post(
        url, profile_data([(second, "develop", "vakbekwaam")], title="Trainee wijkteam", tasks="Huisbezoeken")
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert (profile.title, profile.tasks) == ("Trainee wijkteam", "Huisbezoeken")
    assert list(profile.competencies.values_list("competency", "purpose")) == [(second.pk, "develop")]


def test_employer_is_asked_only_when_the_programme_has_several(personas, client_for):
    single = ProgrammeFactory(owner=personas.organisation)
    regional = ProgrammeFactory(owner=personas.organisation)
    regional.partners.add(personas.other_organisation)
    client = client_for(personas.hr)
    assert (
        "employer"
        not in client.get(reverse("programmes:position_profile_create", kwargs={"pk": single.pk}))
        .context["form"]
        .fields
    )
    form = client.get(reverse("programmes:position_profile_create", kwargs={"pk": regional.pk})).context["form"]
    assert set(form.fields["employer"].queryset) == {personas.organisation, personas.other_organisation}


def _hire(client, profile, trainee, **overrides):
    data = {
        "trainee": trainee.pk,
        "education_level": "hbo",
        "graduation_date": "2025-06-30",
        "start_date": "2025-09-01",
        "end_date": "2026-08-31",
        "scale": "6",
        "status": "planned",
    } | overrides
    url = reverse("programmes:traineeship_create", kwargs={"pk": profile.programme_id})
    return client.post(f"{url}?profile={profile.pk}", data)


def test_traineeship_from_a_profile_carries_it_over_exactly(personas, client_for):
    cohort = CohortFactory(programme__owner=personas.organisation)
    profile = PositionProfileFactory(
        programme=cohort.programme,
        cohort=cohort,
        kind="assignment",
        tasks="",
        assignment="Buurtonderzoek",
        end_result="Een rapport met aanbevelingen",
        work_needed="Interviews",
        independence="Ja, met begeleiding",
    )
    required, develop = (CompetencyFactory(framework=profile.programme.framework) for _ in range(2))
    PositionProfileCompetency.objects.create(
        profile=profile, competency=required, purpose="required", target_level=CompetencyLevel.STARTBEKWAAM
    )
    PositionProfileCompetency.objects.create(
        profile=profile, competency=develop, purpose="develop", target_level=CompetencyLevel.VAKBEKWAAM
    )
    client = client_for(personas.hr)
    form_page = client.get(
        reverse("programmes:traineeship_create", kwargs={"pk": profile.programme_id}) + f"?profile={profile.pk}"
    )
    assert form_page.context["form"].initial["cohort"] == cohort.pk
    assert form_page.context["form"].initial["start_date"] == cohort.start_date
    assert (
        f"From the position profile “{profile.title}”"
        in client_for(personas.hr, "en").get(form_page.request["PATH_INFO"] + f"?profile={profile.pk}").content.decode()
    )
    response = _hire(client, profile, personas.trainee, cohort=cohort.pk)
    traineeship = Traineeship.objects.get(programme=profile.programme)
    assert response.status_code == 302
    work = WorkProfile.objects.get(traineeship=traineeship)
    assert (work.kind, work.tasks, work.assignment, work.end_result, work.work_needed, work.independence) == (
        "assignment",
        "",
        "Buurtonderzoek",
        "Een rapport met aanbevelingen",
        "Interviews",
        "Ja, met begeleiding",
    )
    assert sorted(
        ProfileCompetency.objects.filter(traineeship=traineeship).values_list("competency", "purpose", "target_level")
    ) == sorted([(required.pk, "required", "startbekwaam"), (develop.pk, "develop", "vakbekwaam")])
    assert list(profile.traineeships.all()) == [traineeship]
    detail = client.get(profile.get_absolute_url()).content.decode()
    assert personas.trainee.name in detail
    # The profile stays open for reuse; the same vacancy filled twice is two traineeships.
    assert PositionProfile.objects.get(pk=profile.pk).is_open


def test_several_employers_the_first_placement_is_at_the_profiles_employer(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation)
    programme.partners.add(personas.other_organisation)
    profile = PositionProfileFactory(programme=programme, employer=personas.other_organisation)
    _hire(client_for(personas.hr), profile, personas.trainee)
    placement = Placement.objects.get(traineeship__programme=programme)
    assert placement.organisation == personas.other_organisation


def test_a_bad_hire_keeps_the_profile_unfilled(personas, client_for):
    profile = PositionProfileFactory(programme__owner=personas.organisation)
    response = _hire(client_for(personas.hr), profile, personas.trainee, scale="9")
    assert response.status_code == 200 and response.context["profile"] == profile
    assert not Traineeship.objects.exists() and not profile.traineeships.exists()


def test_archive_and_reopen(personas, client_for):
    profile = PositionProfileFactory(programme__owner=personas.organisation)
    client = client_for(personas.hr)
    url = reverse("programmes:position_profile_status", kwargs={"pk": profile.pk})
    client.post(url, {"status": "archived"})
    assert PositionProfile.objects.get(pk=profile.pk).status == "archived"
    listing = client.get(reverse("programmes:position_profile_list")).content.decode()
    assert profile.title not in listing
    archived = client.get(reverse("programmes:position_profile_list") + "?status=archived")
    assert profile.title in archived.content.decode()
    # An archived profile is not offered for hiring.
    hire = reverse("programmes:traineeship_create", kwargs={"pk": profile.programme_id}) + f"?profile={profile.pk}"
    assert client.get(hire).status_code == 404
    client.post(url, {"status": "open"})
    assert PositionProfile.objects.get(pk=profile.pk).status == "open"


def test_scoping_404_outside_403_inside(personas, client_for):
    profile = PositionProfileFactory(programme__owner=personas.organisation)
    detail = profile.get_absolute_url()
    hire = reverse("programmes:traineeship_create", kwargs={"pk": profile.programme_id}) + f"?profile={profile.pk}"
    assert client_for(personas.other_hr).get(detail).status_code == 404
    assert client_for(personas.hr).get(detail).status_code == 200
    for role in ("manager", "mentor", "trainee", "coordinator"):
        assert client_for(personas.users[role]).get(detail).status_code == 403
    # The coordinator may create traineeships in the programme, but not from HR's profile.
    assert client_for(personas.coordinator).get(hire).status_code == 403
    other = PositionProfileFactory(programme__owner=personas.other_organisation)
    wrong = reverse("programmes:traineeship_create", kwargs={"pk": profile.programme_id}) + f"?profile={other.pk}"
    assert client_for(personas.hr).get(wrong).status_code == 404
    mismatch = PositionProfileFactory(programme__owner=personas.organisation)
    url = reverse("programmes:traineeship_create", kwargs={"pk": profile.programme_id}) + f"?profile={mismatch.pk}"
    assert client_for(personas.hr).get(url).status_code == 404
    nonsense = reverse("programmes:traineeship_create", kwargs={"pk": profile.programme_id}) + "?profile=abc"
    assert client_for(personas.hr).get(nonsense).status_code == 404
    # Another organisation's profiles are not in HR's list.
    assert other.title not in client_for(personas.hr).get(reverse("programmes:position_profile_list")).content.decode()


def test_demo_has_an_open_profile_and_one_that_filled_the_demo_traineeship(db, client_for):
    from django.core.management import call_command

    call_command("demo", stdout=None)
    call_command("demo", stdout=None)  # idempotent
    for slug in ("zonnedal", "buurtkracht"):
        profiles = PositionProfile.objects.filter(organisation__slug=slug)
        assert profiles.count() == 2
        open_profile = profiles.get(title="Trainee jongerenwerk")
        assert not open_profile.traineeships.exists() and open_profile.competencies.count() == 5
        filled = profiles.get(title="Trainee sociaal werk in het buurtteam")
        traineeship = filled.traineeships.get()
        assert traineeship.trainee.email == f"trainee@{slug}.example"
        assert sorted(filled.competencies.values_list("competency", "purpose")) == sorted(
            traineeship.profile_competencies.values_list("competency", "purpose")
        )
    hr = PositionProfile.objects.filter(organisation__slug="zonnedal").first().created_by
    listing = client_for(hr).get(reverse("programmes:position_profile_list")).content.decode()
    assert "Trainee jongerenwerk" in listing and "Trainee sociaal werk in het buurtteam" in listing


def test_the_profile_wins_over_the_cohorts_set_up_and_activities_still_come_along(personas, client_for):
    from tests.programmes.factories import LearningActivityFactory, TraineeshipFactory

    cohort = CohortFactory(programme__owner=personas.organisation)
    model = TraineeshipFactory(programme=cohort.programme, cohort=cohort)
    WorkProfile.objects.create(traineeship=model, tasks="Taken van het voorbeeld")
    old, new = (CompetencyFactory(framework=cohort.programme.framework) for _ in range(2))
    ProfileCompetency.objects.create(traineeship=model, competency=old, purpose="required")
    activity = LearningActivityFactory(organisation=personas.organisation, title="Intervisie trainees")
    model.development_activities.create(
        learning_activity=activity, title=activity.title, kind="formal", category="training"
    )
    cohort.model_traineeship = model
    cohort.save()
    profile = PositionProfileFactory(programme=cohort.programme, cohort=cohort, tasks="Taken van het profiel")
    PositionProfileCompetency.objects.create(profile=profile, competency=new, purpose="develop")
    _hire(client_for(personas.hr), profile, personas.trainee, cohort=cohort.pk, copy_setup="on")
    traineeship = Traineeship.objects.get(trainee=personas.trainee)
    assert traineeship.work_profile.tasks == "Taken van het profiel"
    assert list(traineeship.profile_competencies.values_list("competency", "purpose")) == [(new.pk, "develop")]
    assert list(traineeship.development_activities.values_list("title", flat=True)) == ["Intervisie trainees"]


def test_a_competency_in_a_position_profile_is_not_deleted(personas, client_for):
    profile = PositionProfileFactory(programme__owner=personas.organisation)
    competency = CompetencyFactory(framework=profile.programme.framework)
    PositionProfileCompetency.objects.create(profile=profile, competency=competency, purpose="required")
    response = client_for(personas.hr, "en").post(
        reverse("programmes:competency_delete", kwargs={"pk": competency.pk}), follow=True
    )
    assert response.status_code == 200
    assert "part of a position profile and cannot be deleted" in response.content.decode()
    assert profile.competencies.filter(competency=competency).exists()
