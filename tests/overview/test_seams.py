"""Where the apps meet: the pages link to each other for whoever may use them."""

from django.urls import reverse

from tests.mentors.factories import MeetingFactory, mentored_traineeship, record


def links(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_stappenplan_links_portfolio_meetings_and_mentor_choice_by_role(personas, client_for):
    traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)
    meeting = record(MeetingFactory(traineeship=traineeship), personas.mentor)
    url = reverse("stappenplan", kwargs={"pk": traineeship.pk})
    portfolio = reverse("portfolios:portfolio", kwargs={"pk": traineeship.pk})
    choose = reverse("mentors:traineeship_mentors", kwargs={"pk": traineeship.pk})
    plan = reverse("mentors:meeting_plan", kwargs={"pk": traineeship.pk})

    hr = links(client_for(personas.hr, "en").get(url))
    assert portfolio in hr and choose in hr and plan in hr and meeting.get_absolute_url() in hr

    trainee = links(client_for(personas.trainee, "en").get(url))
    assert portfolio in trainee and meeting.get_absolute_url() in trainee
    assert choose not in trainee and plan not in trainee  # pages the trainee may not use

    mentor = links(client_for(personas.mentor, "en").get(url))
    assert plan in mentor and choose not in mentor
    assert client_for(personas.mentor).get(choose).status_code == 403
    assert client_for(personas.trainee).get(plan).status_code == 403

    assert url in links(client_for(personas.trainee, "en").get(portfolio))  # and back


def test_mentor_home_links_each_mentee_to_portfolio_and_stappenplan_once(personas, client_for):
    traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)
    html = links(client_for(personas.mentor, "en").get(reverse("home")))
    portfolio = reverse("portfolios:portfolio", kwargs={"pk": traineeship.pk})
    assert html.count(f'href="{portfolio}"') == 1  # no second list of the same portfolios
    assert reverse("stappenplan", kwargs={"pk": traineeship.pk}) in html


def test_meeting_links_to_the_traineeship_also_after_it_finished(personas, client_for):
    traineeship = mentored_traineeship(
        personas.organisation, trainee=personas.trainee, mentor=personas.mentor, status="finished"
    )
    meeting = record(MeetingFactory(traineeship=traineeship), personas.mentor)
    html = links(client_for(personas.mentor, "en").get(meeting.get_absolute_url()))
    assert reverse("portfolios:portfolio", kwargs={"pk": traineeship.pk}) in html
    assert reverse("stappenplan", kwargs={"pk": traineeship.pk}) in html


def test_trainee_home_links_own_stappenplan_and_portfolio(personas, client_for):
    traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee, mentor=personas.mentor)
    html = links(client_for(personas.trainee, "en").get(reverse("home")))
    assert reverse("stappenplan", kwargs={"pk": traineeship.pk}) in html
    assert reverse("portfolios:portfolio", kwargs={"pk": traineeship.pk}) in html
