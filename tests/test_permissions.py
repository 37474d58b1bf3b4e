"""The list scope and the per-object rule are one rule: they agree for every actor and traineeship."""

import pytest
from django.contrib.auth.models import AnonymousUser

from programmes.models import Traineeship
from programmes.permissions import Relation, relations_of
from tests.world import World


@pytest.mark.django_db
def test_visible_to_and_relations_of_agree_for_everyone_in_the_world(personas):
    world = World(personas)
    actors = [*personas.users.values(), *world.people.values(), AnonymousUser()]
    traineeships = list(Traineeship.objects.select_related("programme"))
    assert len(traineeships) >= 6
    disagreements = []
    for user in actors:
        visible = set(Traineeship.objects.visible_to(user).values_list("pk", flat=True))
        for traineeship in traineeships:
            if (traineeship.pk in visible) != bool(relations_of(user, traineeship)):
                disagreements.append(f"{user} / {traineeship}")
    assert not disagreements, disagreements


@pytest.mark.django_db
def test_relations_follow_placements_and_time(personas):
    world = World(personas)
    regional = world["regional"]
    assert relations_of(personas.other_hr, regional) == {Relation.PARTNER, Relation.PARTNER_HR}
    assert relations_of(personas.other_coordinator, regional) == {Relation.PARTNER}
    assert Relation.MENTOR in relations_of(personas.other_mentor, regional)
    # The finished placement's mentor, past the grace period, and the removed mentor: nothing.
    assert relations_of(personas.mentor, regional) == frozenset()
    assert relations_of(world.people["former_mentor"], world["formerly_mentored"]) == frozenset()
    assert relations_of(world.people["pending_hr"], regional) == frozenset()


@pytest.mark.django_db
def test_grace_period_keeps_the_mentor_for_a_while(personas):
    from datetime import timedelta

    from django.utils import timezone

    from programmes.permissions import GRACE_DAYS

    world = World(personas)
    placement = world["finished_placement"]
    placement.end_date = timezone.localdate() - timedelta(days=GRACE_DAYS)
    placement.save()
    assert Relation.MENTOR in relations_of(personas.mentor, world["regional"])


@pytest.mark.django_db
def test_portfolio_scope_and_portfolio_rule_agree(personas):
    from programmes.permissions import PORTFOLIO, portfolio_scope

    world = World(personas)
    actors = [*personas.users.values(), *world.people.values(), AnonymousUser()]
    traineeships = list(Traineeship.objects.select_related("programme"))
    disagreements = []
    for user in actors:
        readable = set(Traineeship.objects.filter(portfolio_scope(user)).values_list("pk", flat=True))
        for traineeship in traineeships:
            if (traineeship.pk in readable) != PORTFOLIO.allows(relations_of(user, traineeship)):
                disagreements.append(f"{user} / {traineeship}")
    assert not disagreements, disagreements


@pytest.mark.django_db
def test_mentor_acts_belong_to_the_mentor_of_the_placement_concerned(personas, client_for):
    from django.urls import reverse

    from tests.mentors.factories import MeetingFactory

    world = World(personas)
    regional = world["regional"]
    client = client_for(personas.other_mentor)
    now = MeetingFactory(traineeship=regional, date=world["partner_placement"].start_date)
    earlier = MeetingFactory(traineeship=regional, date=world["finished_placement"].start_date)
    assert client.get(reverse("mentors:meeting_record", args=[now.pk])).status_code == 200
    # A meeting of the owner's earlier period is not the partner mentor's to record.
    assert client.get(reverse("mentors:meeting_record", args=[earlier.pk])).status_code == 403
    # The final evaluation belongs to the mentor of the last placement (at another organisation).
    assert client.post(reverse("portfolios:final_evaluation_sign", args=[regional.pk])).status_code == 403


@pytest.mark.django_db
def test_reminders_follow_the_same_rule(personas):
    from django.utils import timezone

    from mentors.notices import notices
    from tests.mentors.factories import AgreementFactory, MeetingFactory

    world = World(personas)
    former = world.people["former_mentor"]
    today = timezone.localdate()
    meeting = MeetingFactory(traineeship=world["formerly_mentored"])
    AgreementFactory(meeting=meeting, owner=former, due_date=today)
    AgreementFactory(meeting=world["meeting"], owner=personas.mentor, due_date=today)
    assert notices(today=today, recipient=former) == []
    assert any(n.kind == "agreement_due" for n in notices(today=today, recipient=personas.mentor))


@pytest.mark.django_db
def test_the_partner_chooses_the_mentor_of_its_own_placement(personas, client_for):
    from django.urls import reverse

    world = World(personas)
    regional, partner_placement = world["regional"], world["partner_placement"]
    url = reverse("mentors:traineeship_mentors", args=[regional.pk])
    owner_page = client_for(personas.hr).get(url)
    entry = next(e for e in owner_page.context["entries"] if e["placement"] == partner_placement)
    # The owner neither sees the partner's mentors (profiles, load) nor assigns one.
    assert entry["form"] is None and entry["candidates"] == []
    data = {"placement": partner_placement.pk, "mentor": personas.other_mentor.pk}
    assert client_for(personas.hr).post(url, data).status_code == 403
    assert client_for(personas.other_hr).post(url, data).status_code == 302


@pytest.mark.django_db
def test_partner_staff_read_the_meetings_of_their_period_only(personas, client_for):
    from django.urls import reverse

    from tests.mentors.factories import MeetingFactory

    world = World(personas)
    regional = world["regional"]
    theirs = MeetingFactory(traineeship=regional, date=world["partner_placement"].start_date)
    owners = MeetingFactory(traineeship=regional, date=world["finished_placement"].start_date)
    client = client_for(personas.other_hr)
    assert client.get(reverse("mentors:meeting_detail", args=[theirs.pk])).status_code == 200
    assert client.get(reverse("mentors:meeting_detail", args=[owners.pk])).status_code == 403
    listed = client.get(reverse("stappenplan", args=[regional.pk])).context["meetings"]
    assert list(listed) == [theirs]
    # The owner's HR reads both.
    assert len(client_for(personas.hr).get(reverse("stappenplan", args=[regional.pk])).context["meetings"]) == 2


@pytest.mark.django_db
def test_a_removed_mentor_lists_nothing_of_the_old_trainee(personas, client_for):
    from django.urls import reverse

    from tests.mentors.factories import MeetingFactory

    world = World(personas)
    MeetingFactory(traineeship=world["formerly_mentored"])
    client = client_for(world.people["former_mentor"])
    assert list(client.get(reverse("mentors:meetings")).context["page"]) == []
    assert world["formerly_mentored"].trainee.name not in client.get(reverse("home")).content.decode()


@pytest.mark.django_db
def test_overview_lists_only_what_the_viewer_relates_to(personas, client_for):
    from django.urls import reverse

    world = World(personas)
    trainee = world["regional"].trainee
    pending = client_for(world.people["pending_hr"]).get(reverse("manager_overview"))
    assert trainee.name not in pending.content.decode()
    partner = client_for(personas.other_manager).get(reverse("manager_overview"))
    assert trainee.name in partner.content.decode()
