"""HR's overview: filters, counts per step, and a query count that does not grow with the list."""

from django.urls import reverse

from programmes import state
from programmes.models import Placement, Traineeship, WorkProfile
from tests.programmes.factories import CohortFactory, PlacementFactory, ProgrammeFactory, TraineeshipFactory
from tests.queries import page_queries


def make_traineeships(personas, count, programme=None):
    if programme is None:
        programme = ProgrammeFactory(owner=personas.organisation)
        cohort = CohortFactory(programme=programme)
        template = TraineeshipFactory(programme=programme, cohort=cohort, trainee=personas.trainee)
        PlacementFactory(traineeship=template, mentor=personas.mentor, manager=personas.manager)
        count -= 1
    else:
        cohort = programme.cohorts.get()
        template = programme.traineeships.first()
    users = [TraineeshipFactory.build(programme=programme).trainee for _ in range(count)]
    rows = [
        Traineeship(
            programme=programme,
            cohort=cohort,
            trainee=user,
            education_level="hbo",
            graduation_date=template.graduation_date,
            scale=6,
            start_date=template.start_date,
            end_date=template.end_date,
        )
        for user in users
    ]
    created = Traineeship.objects.bulk_create(rows)
    Placement.objects.bulk_create(
        [
            Placement(
                traineeship=t,
                organisation=personas.organisation,
                start_date=t.start_date,
                end_date=t.end_date,
                mentor=personas.mentor,
            )
            for t in created
        ]
    )
    # Bulk inserts send no signals: a bulk loader refreshes the stored state itself (programmes.state).
    state.refresh_all()
    return programme


def test_same_queries_at_10_and_200(personas, client_for):
    client = client_for(personas.hr)
    url = reverse("traineeship_list")
    make_traineeships(personas, 10)
    at_ten = page_queries(client, url)
    make_traineeships(personas, 190)
    assert Traineeship.objects.count() == 200
    assert page_queries(client, url) == at_ten
    filtered = url + "?order=-step&status=active"
    assert page_queries(client, filtered + "&page=2") == page_queries(client, filtered)


def test_home_pages_query_count_is_constant(personas, client_for):
    make_traineeships(personas, 10)
    for user in (personas.hr, personas.coordinator):
        client = client_for(user)
        at_ten = page_queries(client, reverse("home"))
        make_traineeships(personas, 20)
        assert page_queries(client, reverse("home")) == at_ten


def test_programme_and_cohort_pages_query_count_is_constant(personas, client_for):
    programme = make_traineeships(personas, 10)
    client = client_for(personas.hr)
    urls = [
        reverse("programmes:programme_detail", kwargs={"pk": programme.pk}),
        reverse("programmes:cohort_detail", kwargs={"pk": programme.cohorts.get().pk}),
        reverse("programmes:programme_list"),
    ]
    before = [page_queries(client, url) for url in urls]
    make_traineeships(personas, 40, programme=programme)
    assert [page_queries(client, url) for url in urls] == before


def test_filters_and_counts(personas, client_for):
    make_traineeships(personas, 5)
    described = Traineeship.objects.order_by("pk").first()
    WorkProfile.objects.create(traineeship=described, tasks="Spreekuur")
    client = client_for(personas.hr)
    url = reverse("traineeship_list")
    response = client.get(url)
    counts = {row["number"]: row["count"] for row in response.context["step_counts"]}
    assert counts[1] == 5
    assert sum(counts.values()) == 5
    assert client.get(url, {"step": "1"}).context["page"].paginator.count == 5
    assert client.get(url, {"step": "2"}).context["page"].paginator.count == 0
    assert client.get(url, {"q": personas.trainee.name}).context["page"].paginator.count == 1
    assert client.get(url, {"mentor": personas.mentor.pk}).context["page"].paginator.count == 5
    assert client.get(url, {"status": "finished"}).context["page"].paginator.count == 0
    names = [t.trainee.name for t in client.get(url, {"order": "name"}).context["page"]]
    assert names == sorted(names)


def test_the_page_count_is_right_with_and_without_filters(personas, client_for):
    """Unfiltered (or only sorted), the list is counted by its step counts: the pages still add up."""
    make_traineeships(personas, 30)
    client = client_for(personas.hr)
    url = reverse("traineeship_list")
    for query in ({}, {"order": "name"}, {"page": "2"}, {"step": "abc"}, {"q": ""}):
        page = client.get(url, query).context["page"]
        assert page.paginator.count == 30, query
    assert len(client.get(url, {"page": "2"}).context["page"]) == 5
    assert client.get(url, {"q": personas.trainee.name, "order": "name"}).context["page"].paginator.count == 1
    # Counting by the steps spares the list its own COUNT; a filter needs one.
    assert page_queries(client, url + "?order=name") + 1 == page_queries(client, url + "?step=1")


def test_bad_filter_values_do_not_break_the_overview(personas, client_for):
    programme = make_traineeships(personas, 3)
    client = client_for(personas.hr)
    for query in ("step=abc", "mentor=999999", "programme=x", "order=nonsense", "page=999", "placed_at=0&status=zz"):
        assert client.get(reverse("traineeship_list") + "?" + query).status_code == 200
    export = reverse("programmes:framework_export", kwargs={"pk": programme.framework_id, "file_format": "exe"})
    assert client.get(export).status_code == 404


def test_programme_list_counts_traineeships_and_cohorts_per_programme(personas, client_for):
    programme = ProgrammeFactory(owner=personas.organisation)
    CohortFactory.create_batch(2, programme=programme)
    TraineeshipFactory.create_batch(3, programme=programme, organisation=personas.organisation)
    ProgrammeFactory(owner=personas.organisation)  # none of either
    response = client_for(personas.hr).get(reverse("programmes:programme_list"))
    counts = {p.pk: (p.traineeship_count, p.cohort_count) for p in response.context["page"]}
    assert counts[programme.pk] == (3, 2)
    assert sorted(counts.values()) == [(0, 0), (3, 2)]
