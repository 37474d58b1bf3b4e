"""Group activities: planned once for the cohort by HR or the coordinator, on every trainee's plan without a
copy per trainee, attendance registered per trainee by HR, the coordinator or the organiser, seen by the
trainee and their mentor, in the data copy and the portfolio PDF's data."""

import io
import json
import zipfile
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from programmes.models import DevelopmentDay, GroupAttendance
from tests.privacy.test_privacy import download_copy
from tests.programmes.factories import (
    CohortFactory,
    CompetencyFactory,
    LearningActivityFactory,
    PlacementFactory,
    ProgrammeFactory,
    TraineeshipFactory,
)


def cohort_with_trainees(personas, count=2):
    programme = ProgrammeFactory(owner=personas.organisation, coordinator=personas.coordinator)
    cohort = CohortFactory(programme=programme, name="Lichting voorjaar")
    first = TraineeshipFactory(programme=programme, cohort=cohort, trainee=personas.trainee)
    PlacementFactory(traineeship=first, manager=personas.manager, mentor=personas.mentor)
    others = [
        TraineeshipFactory(programme=programme, cohort=cohort, organisation=personas.organisation)
        for _ in range(count - 1)
    ]
    return cohort, [first, *others]


def plan(client, cohort, **values):
    data = {"topic": "Intervisie casuïstiek", "kind": "intervision", "date": cohort.start_date.isoformat()}
    data.update(values)
    return client.post(reverse("programmes:group_activity_create", kwargs={"pk": cohort.pk}), data)


def test_hr_plans_once_and_every_trainee_of_the_cohort_has_it(personas, client_for):
    cohort, (mine, other) = cohort_with_trainees(personas)
    competency = CompetencyFactory(framework=cohort.programme.framework, name="Gespreksvoering")
    inventory = LearningActivityFactory(organisation=personas.organisation, title="Intervisie volgens Balint")
    response = plan(
        client_for(personas.hr, "en"),
        cohort,
        start_time="13:00",
        end_time="16:00",
        place="Buurthuis De Linde",
        hours="3",
        learning_activity=inventory.pk,
        competencies=[competency.pk],
        date=(timezone.localdate() + timedelta(days=7)).isoformat(),
    )
    assert response.status_code == 302
    session = DevelopmentDay.objects.get()
    assert (session.cohort, session.learning_activity, list(session.competencies.all())) == (
        cohort,
        inventory,
        [competency],
    )
    # No copy per trainee: one row, shown on both trainees' development plans, labelled a group activity.
    for traineeship in (mine, other):
        page = client_for(personas.hr, "en").get(reverse("portfolios:activities", kwargs={"pk": traineeship.pk}))
        html = page.content.decode()
        assert "Intervisie casuïstiek" in html and "Buurthuis De Linde" in html
        assert "Group activities" in html and "Individual activities" in html
    home = client_for(personas.trainee, "en").get(reverse("home")).content.decode()
    assert "Next group activities of my cohort" in home and "Intervisie casuïstiek" in home


def test_the_plan_costs_the_same_queries_for_one_or_many_group_activities(personas, client_for):
    cohort, (mine, _other) = cohort_with_trainees(personas)
    client = client_for(personas.trainee, "en")
    url = reverse("portfolios:activities", kwargs={"pk": mine.pk})

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    DevelopmentDay.objects.create(cohort=cohort, date=mine.start_date, topic="Dag 1", hours=6)
    one = count()
    for n in range(2, 7):
        DevelopmentDay.objects.create(cohort=cohort, date=mine.start_date + timedelta(days=n), topic=f"Dag {n}")
    assert count() == one


def test_attendance_is_registered_per_trainee_and_seen_by_trainee_and_mentor(personas, client_for):
    cohort, (mine, other) = cohort_with_trainees(personas)
    session = DevelopmentDay.objects.create(cohort=cohort, date=mine.start_date, topic="Trainingsdag", hours=6)
    url = reverse("programmes:group_attendance", kwargs={"pk": session.pk})
    form = client_for(personas.coordinator, "en").get(url)
    assert form.status_code == 200 and personas.trainee.name in form.content.decode()
    response = client_for(personas.coordinator, "en").post(url, {f"t{mine.pk}": "excused", f"t{other.pk}": "present"})
    assert response.status_code == 302
    assert dict(GroupAttendance.objects.values_list("traineeship", "status")) == {
        mine.pk: "excused",
        other.pk: "present",
    }
    activities = reverse("portfolios:activities", kwargs={"pk": mine.pk})
    for reader in (personas.trainee, personas.mentor):
        assert "Absent with notice" in client_for(reader, "en").get(activities).content.decode()
    # Changing one's mind: "not registered" removes the registration.
    client_for(personas.hr, "en").post(url, {f"t{mine.pk}": "", f"t{other.pk}": "absent"})
    assert dict(GroupAttendance.objects.values_list("traineeship", "status")) == {other.pk: "absent"}


def test_who_may_register_attendance(personas, client_for):
    cohort, (mine, _other) = cohort_with_trainees(personas)
    session = DevelopmentDay.objects.create(cohort=cohort, date=mine.start_date, topic="Intervisie")
    url = reverse("programmes:group_attendance", kwargs={"pk": session.pk})
    data = {f"t{mine.pk}": "present"}
    # Someone outside the organisation does not even see the session; inside but not allowed: 403.
    assert client_for(personas.other_hr).post(url, data).status_code == 404
    assert client_for(personas.other_coordinator).get(url).status_code == 404
    for insider in (personas.mentor, personas.trainee, personas.manager):
        assert client_for(insider).post(url, data).status_code == 403
    assert not GroupAttendance.objects.exists()
    # The session's organiser registers too.
    session.organiser = personas.mentor
    session.save()
    assert client_for(personas.mentor).post(url, data).status_code == 302
    assert GroupAttendance.objects.get().status == "present"


def test_bad_input_is_refused_at_the_field_with_the_typed_values_kept(personas, client_for):
    cohort, _traineeships = cohort_with_trainees(personas)
    response = plan(client_for(personas.hr, "en"), cohort, start_time="15:00", end_time="10:00", place="Zaal 3")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["end_time"] == ["The end time must be after the start time."]
    html = response.content.decode()
    assert 'value="Zaal 3"' in html and 'value="15:00"' in html
    bad_choice = plan(client_for(personas.hr, "en"), cohort, kind="party", hours="-2")
    assert set(bad_choice.context["form"].errors) == {"kind", "hours"}
    assert not DevelopmentDay.objects.exists()


def test_attendance_is_in_the_trainees_data_copy(personas, client_for):
    cohort, (mine, _other) = cohort_with_trainees(personas)
    session = DevelopmentDay.objects.create(cohort=cohort, date=mine.start_date, topic="Themadag ethiek", hours=4)
    GroupAttendance.objects.create(session=session, traineeship=mine, status="present")
    response = download_copy(client_for(personas.trainee), reverse("privacy_my_data_download"))
    data = json.loads(zipfile.ZipFile(io.BytesIO(response.content)).read("data.json"))
    [row] = data["traineeships"][0]["group_activity_attendance"]
    assert (row["group_activity"], row["attendance"], row["hours"]) == ("Themadag ethiek", "present", "4.0")


def test_group_activities_are_in_the_portfolio_pdf_section(personas):
    from portfolios.pdf.portfolio import SECTIONS

    cohort, (mine, _other) = cohort_with_trainees(personas)
    session = DevelopmentDay.objects.create(cohort=cohort, date=mine.start_date, topic="Themadag ethiek", hours=4)
    GroupAttendance.objects.create(session=session, traineeship=mine, status="absent")
    section = next(s for s in SECTIONS if s.key == "activities")
    [row] = section.data(mine, set(), None)["group_sessions"]
    assert (row.topic, row.attendance) == ("Themadag ethiek", "absent")


def test_the_cohort_page_lists_and_links_its_group_activities(personas, client_for):
    cohort, (mine, _other) = cohort_with_trainees(personas)
    session = DevelopmentDay.objects.create(cohort=cohort, date=mine.start_date, topic="Kick-off", place="Utrecht")
    html = client_for(personas.hr, "en").get(reverse("programmes:cohort_detail", kwargs={"pk": cohort.pk})).content
    assert reverse("programmes:group_activity_detail", kwargs={"pk": session.pk}) in html.decode()
    assert reverse("programmes:group_activity_create", kwargs={"pk": cohort.pk}) in html.decode()
    assert client_for(personas.hr).post(reverse("programmes:group_activity_delete", kwargs={"pk": session.pk}))
    assert not DevelopmentDay.objects.exists()


def test_a_new_cohort_from_a_blueprint_gets_the_group_activities_without_attendance(personas, client_for):
    cohort, (mine, _other) = cohort_with_trainees(personas)
    competency = CompetencyFactory(framework=cohort.programme.framework)
    session = DevelopmentDay.objects.create(
        cohort=cohort, date=cohort.start_date, topic="Intervisie", kind="intervision", place="Zaal 1", hours=2
    )
    session.competencies.add(competency)
    GroupAttendance.objects.create(session=session, traineeship=mine, status="present")
    response = client_for(personas.hr).post(
        reverse("programmes:cohort_blueprint", kwargs={"pk": cohort.pk}),
        {
            "name": "Lichting najaar",
            "start_date": (cohort.start_date + timedelta(days=180)).isoformat(),
            "shift_days": "on",
        },
    )
    assert response.status_code == 302
    copy = cohort.copies.get().development_days.get()
    assert (copy.kind, copy.place, copy.hours, list(copy.competencies.all())) == (
        "intervision",
        "Zaal 1",
        2,
        [competency],
    )
    assert not copy.attendances.exists()
