"""An organisation with many mentors: the overview shows the busiest, HR's list pages through all of
them in SQL, each at a fixed number of queries."""

from django.urls import reverse

from mentors.selectors import mentors_by_load
from organisations.models import Role
from tests.mentors.factories import MentorProfileFactory, mentored_traineeship
from tests.organisations.factories import member
from tests.queries import page_queries


def mentors(personas, count, first=0):
    return [
        member(personas.organisation, Role.MENTOR, email=f"mentor{n:03d}@testdal.example")
        for n in range(first, first + count)
    ]


def test_the_busiest_mentors_come_first_and_a_page_holds_ten(personas, client_for):
    extra = mentors(personas, 14)
    for _ in range(3):
        mentored_traineeship(personas.organisation, mentor=extra[5])
    mentored_traineeship(personas.organisation, mentor=extra[9])
    busiest = mentors_by_load(personas.organisation)
    assert busiest[:2] == [extra[5], extra[9]] and len(busiest) == 10
    assert [m.mentees for m in busiest[:2]] == [3, 1]

    for user, link in ((personas.hr, True), (personas.manager, False)):
        response = client_for(user).get(reverse("manager_overview"))
        names = [row["user"] for row in response.context["mentors"]]
        assert names == busiest
        html = response.content.decode()
        assert "De 10 mentoren met de meeste mentees, van de 15." in html  # 14 and the personas' own mentor
        assert (reverse("mentors:profiles") in html) is link


def test_hrs_mentor_list_pages_in_the_database(personas, client_for):
    mentors(personas, 30)
    client = client_for(personas.hr)
    url = reverse("mentors:profiles")
    first = client.get(url).context
    assert first["page"].paginator.count == 31 and len(first["rows"]) == 25
    second = client.get(url, {"page": 2}).context["rows"]
    assert len(second) == 6
    assert not {row["user"] for row in first["rows"]} & {row["user"] for row in second}
    overview = reverse("manager_overview")
    queries = page_queries(client, url), page_queries(client, overview)
    mentors(personas, 40, first=30)
    assert (page_queries(client, url), page_queries(client, overview)) == queries


def test_choosing_a_mentor_shows_those_with_room_and_offers_everyone(personas, client_for):
    extra = mentors(personas, 14)
    MentorProfileFactory(organisation=personas.organisation, user=extra[13], capacity=1)
    for mentor in extra[:12]:
        mentored_traineeship(personas.organisation, mentor=mentor)
    mentored_traineeship(personas.organisation, mentor=extra[13])  # full: one mentee, capacity one
    traineeship = mentored_traineeship(personas.organisation, mentor=None)
    placement = traineeship.placements.get()
    client = client_for(personas.hr)
    url = reverse("mentors:traineeship_mentors", kwargs={"pk": traineeship.pk})
    (entry,) = client.get(url).context["entries"]
    shown = [row["user"] for row in entry["candidates"]]
    assert len(shown) == 10 and set(shown[:2]) == {personas.mentor, extra[12]}  # no mentees yet
    assert entry["form"].fields["mentor"].queryset.count() == 15
    assert "De 10 mentoren met de minste mentees, van de 15" in client.get(url).content.decode()
    # One outside the table can be chosen; the warning about their load still comes.
    choice = {"placement": placement.pk, f"placement-{placement.pk}-mentor": extra[13].pk}
    response = client.post(url, choice, follow=True)
    placement.refresh_from_db()
    assert placement.mentor == extra[13]
    assert any("capacity" in str(m) or "capaciteit" in str(m) for m in response.context["messages"])
