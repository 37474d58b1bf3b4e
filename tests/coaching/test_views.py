"""The independent coach through the views: what the coach sees (only what the trainee shares),
what nobody else sees (the sessions), and how a coach comes in (chosen, proposed or invited)."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from coaching.models import Coaching, CoachingSession
from organisations.models import AuditEntry, Membership, Role, User
from portfolios.models import Reflection
from tests.coaching.factories import coached
from tests.mentors.factories import mentored_traineeship


def page(client, name, **kwargs):
    return client.get(reverse(name, kwargs=kwargs))


@pytest.mark.django_db
class TestTheCoachSeesOnlyWhatIsShared:
    def test_the_coach_reads_shared_reflections_and_the_sessions(self, world, personas, client_for):
        response = page(client_for(personas.coach), "coaching:traineeship", pk=world["traineeship"].pk)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Gedeeld met de coach" in html
        assert "Alleen voor mij" not in html
        session = page(client_for(personas.coach), "coaching:session_detail", pk=world["coaching_session"].pk)
        assert "Sessie een" in session.content.decode()

    @pytest.mark.parametrize(
        "name",
        [
            "stappenplan",
            "portfolios:portfolio",
            "portfolios:reflections",
            "portfolios:goals",
            "portfolios:final_evaluation",
            "portfolios:portfolio_pdf",
            "mentors:meeting_plan",
        ],
    )
    def test_the_traineeships_own_pages_do_not_exist_for_the_coach(self, world, personas, client_for, name):
        assert page(client_for(personas.coach), name, pk=world["traineeship"].pk).status_code == 404

    def test_the_mentors_meeting_notes_do_not_exist_for_the_coach(self, world, personas, client_for):
        coach = client_for(personas.coach)
        assert page(coach, "mentors:meeting_detail", pk=world["meeting"].pk).status_code == 404
        assert "Goed gesprek" not in page(coach, "mentors:meetings").content.decode()

    def test_other_traineeships_do_not_exist_for_the_coach(self, world, personas, client_for):
        coach = client_for(personas.coach)
        assert page(coach, "coaching:traineeship", pk=world["other:traineeship"].pk).status_code == 404
        assert page(coach, "coaching:session_detail", pk=world["other:coaching_session"].pk).status_code == 404
        uncoached = mentored_traineeship(personas.organisation)
        assert page(coach, "coaching:traineeship", pk=uncoached.pk).status_code == 404

    def test_a_former_coach_sees_nothing_any_more(self, world, personas, client_for):
        former = client_for(world.people["former_coach"])
        assert page(former, "coaching:traineeship", pk=world["traineeship"].pk).status_code == 404
        assert page(former, "coaching:session_detail", pk=world["former_session"].pk).status_code == 404

    def test_removing_the_coach_role_ends_access_at_once(self, world, personas, client_for):
        Membership.objects.filter(user=personas.coach, role=Role.COACH).delete()
        Membership.objects.create(user=personas.coach, organisation=personas.organisation, role=Role.MENTOR)
        coach = client_for(personas.coach)
        assert page(coach, "coaching:traineeship", pk=world["traineeship"].pk).status_code == 404
        assert page(coach, "coaching:session_detail", pk=world["coaching_session"].pk).status_code == 404

    def test_the_home_page_lists_the_coachees_and_upcoming_sessions(self, world, personas, client_for):
        html = page(client_for(personas.coach), "home").content.decode()
        assert personas.trainee.name in html
        assert "Spreekkamer 2" in html
        assert reverse("coaching:coachees") in html  # the coach's menu

    def test_the_trainee_shares_a_reflection_with_the_coach(self, world, personas, client_for):
        trainee = client_for(personas.trainee)
        trainee.post(
            reverse("portfolios:reflections", kwargs={"pk": world["traineeship"].pk}),
            {"written_on": "2026-10-01", "text": "Vraag voor mijn coach", "shared_with_coach": "on"},
        )
        assert Reflection.objects.get(text="Vraag voor mijn coach").shared_with_coach
        html = page(client_for(personas.coach), "coaching:traineeship", pk=world["traineeship"].pk).content.decode()
        assert "Vraag voor mijn coach" in html


@pytest.mark.django_db
class TestNobodyElseReadsTheSessions:
    @pytest.mark.parametrize("role", ["hr", "manager", "mentor", "coordinator"])
    def test_others_see_the_coach_and_the_count_never_a_session(self, world, personas, client_for, role):
        client = client_for(personas.users[role])
        response = page(client, "coaching:traineeship", pk=world["traineeship"].pk)
        html = response.content.decode()
        assert response.status_code == 200
        assert personas.coach.name in html
        assert "2 gesprekken hebben plaatsgevonden"  # this coach's and the former coach's in html
        assert "Sessie een" not in html and "Spreekkamer 2" not in html
        assert "Gedeeld met de coach" not in html
        session = world["coaching_session"]
        assert page(client, "coaching:session_detail", pk=session.pk).status_code == 404
        assert page(client, "coaching:session_edit", pk=session.pk).status_code == 404
        assert page(client, "coaching:session_ics", pk=session.pk).status_code == 404
        assert b"VEVENT" not in page(client, "coaching:sessions_ics").content

    def test_the_stappenplan_shows_who_coaches(self, world, personas, client_for):
        html = page(client_for(personas.manager), "stappenplan", pk=world["traineeship"].pk).content.decode()
        assert personas.coach.name in html and "Sessie een" not in html

    def test_the_trainee_reads_and_adds_to_the_notes(self, world, personas, client_for):
        trainee = client_for(personas.trainee)
        session = world["coaching_session"]
        assert "Sessie een" in page(trainee, "coaching:session_detail", pk=session.pk).content.decode()
        trainee.post(reverse("coaching:session_edit", kwargs={"pk": session.pk}), {"notes": "Mijn aanvulling"})
        session.refresh_from_db()
        assert session.notes == "Mijn aanvulling"
        assert trainee.post(reverse("coaching:session_delete", kwargs={"pk": session.pk})).status_code == 403

    def test_the_calendar_file_has_the_time_not_the_notes(self, world, personas, client_for):
        response = page(client_for(personas.trainee), "coaching:session_ics", pk=world["coaching_session"].pk)
        content = response.content.decode()
        assert response["Content-Type"].startswith("text/calendar")
        assert "BEGIN:VEVENT" in content and "Spreekkamer 2" in content
        assert "Sessie een" not in content


@pytest.mark.django_db
class TestPlanningSessions:
    def test_the_coach_plans_a_session(self, world, personas, client_for):
        coach = client_for(personas.coach)
        url = reverse("coaching:session_plan", kwargs={"pk": world["traineeship"].pk})
        data = {"date": "2026-12-10", "start_time": "14:00", "duration_minutes": 45, "mode": "online"}
        response = coach.post(url, data | {"location": "https://meet.example.org/x"})
        assert response.status_code == 302
        session = CoachingSession.objects.get(date="2026-12-10")
        assert session.coaching == world["coaching"]
        assert (
            "meet.example.org"
            in page(client_for(personas.trainee), "coaching:traineeship", pk=world["traineeship"].pk).content.decode()
        )

    def test_a_meeting_in_person_needs_a_place(self, world, personas, client_for):
        url = reverse("coaching:session_plan", kwargs={"pk": world["traineeship"].pk})
        response = client_for(personas.coach).post(
            url, {"date": "2026-12-10", "start_time": "14:00", "duration_minutes": 60, "mode": "in_person"}
        )
        assert response.status_code == 200
        assert response.context["form"].errors["location"]

    def test_a_bad_date_is_a_message_at_the_field(self, world, personas, client_for):
        url = reverse("coaching:session_plan", kwargs={"pk": world["traineeship"].pk})
        response = client_for(personas.coach).post(
            url, {"date": "morgen", "start_time": "25:00", "duration_minutes": 5, "mode": "online"}
        )
        assert response.status_code == 200
        assert {"date", "start_time", "duration_minutes"} <= set(response.context["form"].errors)

    @pytest.mark.parametrize("role", ["hr", "mentor", "trainee"])
    def test_only_the_coach_plans(self, world, personas, client_for, role):
        url = reverse("coaching:session_plan", kwargs={"pk": world["traineeship"].pk})
        assert client_for(personas.users[role]).get(url).status_code == 403


@pytest.mark.django_db
class TestAssigningACoach:
    def test_hr_chooses_a_coach_of_the_organisation(self, personas, client_for):
        traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee)
        url = reverse("coaching:coach_assign", kwargs={"pk": traineeship.pk})
        assert personas.coach.name in client_for(personas.hr).get(url).content.decode()
        response = client_for(personas.hr).post(url, {"choose-coach": personas.coach.pk})
        assert response.status_code == 302
        assert Coaching.objects.current().get(traineeship=traineeship).coach == personas.coach
        assert AuditEntry.objects.filter(action="coach.assigned", subject=personas.trainee).exists()
        assert page(client_for(personas.coach), "coaching:traineeship", pk=traineeship.pk).status_code == 200

    def test_a_mentor_is_no_coach_choice(self, personas, client_for):
        traineeship = mentored_traineeship(personas.organisation)
        url = reverse("coaching:coach_assign", kwargs={"pk": traineeship.pk})
        response = client_for(personas.hr).post(url, {"choose-coach": personas.mentor.pk})
        assert response.status_code == 200 and response.context["choose"].errors["coach"]

    @pytest.mark.parametrize("role", ["mentor", "manager", "trainee", "coach"])
    def test_only_hr_and_the_coordinator_assign(self, world, personas, client_for, role):
        url = reverse("coaching:coach_assign", kwargs={"pk": world["traineeship"].pk})
        assert client_for(personas.users[role]).get(url).status_code == 403

    def test_the_trainee_proposes_and_hr_accepts(self, personas, client_for):
        traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee)
        trainee = client_for(personas.trainee)
        trainee.post(
            reverse("coaching:coach_propose", kwargs={"pk": traineeship.pk}), {"choose-coach": personas.coach.pk}
        )
        proposal = Coaching.objects.proposed().get(traineeship=traineeship)
        # A proposed coach sees nothing until HR confirms.
        assert page(client_for(personas.coach), "coaching:traineeship", pk=traineeship.pk).status_code == 404
        client_for(personas.hr).post(
            reverse("coaching:proposal_answer", kwargs={"pk": traineeship.pk}), {"answer": "accept"}
        )
        proposal.refresh_from_db()
        assert proposal.is_current
        assert page(client_for(personas.coach), "coaching:traineeship", pk=traineeship.pk).status_code == 200

    def test_ending_the_coaching_ends_the_coachs_access(self, world, personas, client_for):
        client_for(personas.hr).post(reverse("coaching:coach_end", kwargs={"pk": world["traineeship"].pk}))
        assert not Coaching.objects.current().filter(traineeship=world["traineeship"]).exists()
        assert page(client_for(personas.coach), "coaching:traineeship", pk=world["traineeship"].pk).status_code == 404
        # The trainee keeps the sessions.
        trainee = client_for(personas.trainee)
        assert page(trainee, "coaching:session_detail", pk=world["coaching_session"].pk).status_code == 200


@pytest.mark.django_db
def test_an_outside_coach_is_invited_by_email_and_sees_only_that_traineeship(personas, client_for):
    traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee)
    other = mentored_traineeship(personas.organisation)
    hr = client_for(personas.hr)
    url = reverse("coaching:coach_assign", kwargs={"pk": traineeship.pk})
    response = hr.post(url, {"invite-name": "Olga Buiten", "invite-email": "olga@coachpraktijk.example"})
    assert response.status_code == 302
    coaching = Coaching.objects.current().get(traineeship=traineeship)
    assert coaching.coach.email == "olga@coachpraktijk.example" and not coaching.coach.is_active
    assert "uitgenodigd" in hr.get(reverse("coaching:traineeship", kwargs={"pk": traineeship.pk})).content.decode()
    link = re.search(r"https?://\S+/organisation/invitation/\S+/", mail.outbox[-1].body).group(0)
    visitor = client_for(None)
    accepted = visitor.post(
        link.split("://", 1)[1].split("/", 1)[1].join(["/", ""]),
        {"name": "Olga Buiten", "password1": "een-lang-wachtwoord-42", "password2": "een-lang-wachtwoord-42"},
    )
    assert accepted.status_code == 302
    coach = User.objects.get(email="olga@coachpraktijk.example")
    assert coach.is_active
    assert set(Membership.objects.filter(user=coach).values_list("role", flat=True)) == {Role.COACH}
    home = visitor.get(reverse("home")).content.decode()
    assert personas.trainee.name in home
    assert visitor.get(reverse("coaching:traineeship", kwargs={"pk": traineeship.pk})).status_code == 200
    assert visitor.get(reverse("coaching:traineeship", kwargs={"pk": other.pk})).status_code == 404
    assert visitor.get(reverse("stappenplan", kwargs={"pk": traineeship.pk})).status_code == 404
    assert visitor.get(reverse("traineeship_list")).status_code == 403
    assert visitor.get(reverse("organisations:people")).status_code == 403


@pytest.mark.django_db
def test_the_coach_is_listed_among_the_coachees_page_only_for_coaches(personas, client_for):
    traineeship = mentored_traineeship(personas.organisation, trainee=personas.trainee)
    coached(traineeship, personas.coach)
    assert personas.trainee.name in page(client_for(personas.coach), "coaching:coachees").content.decode()
    assert page(client_for(personas.hr), "coaching:coachees").status_code == 403
