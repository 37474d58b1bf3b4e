"""A partner organisation reads the part of the portfolio made during its placements, or all of it once shared."""

from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from goals.models import LearningGoal
from organisations.models import AuditEntry
from portfolios.models import Evidence, Reflection
from programmes.models import DevelopmentActivity
from tests.world import World


def _at(day):
    return timezone.make_aware(datetime.combine(day, time(12)))


def _records(world):
    """A goal, activity and evidence of the owner's earlier placement and of the partner's current one."""
    regional = world["regional"]
    made = {}
    for label, placement in [("before", world["finished_placement"]), ("during", world["partner_placement"])]:
        day = placement.start_date + timedelta(days=1)
        goal = LearningGoal.objects.create(traineeship=regional, title=f"Doel {label}", measure="m", deadline=day)
        LearningGoal.objects.filter(pk=goal.pk).update(created_at=_at(day))
        activity = DevelopmentActivity.objects.create(
            traineeship=regional, title=f"Activiteit {label}", kind="formal", category="course", planned_date=day
        )
        evidence = Evidence.objects.create(
            traineeship=regional, kind="link", title=f"Bewijs {label}", url="https://x.nl"
        )
        Evidence.objects.filter(pk=evidence.pk).update(created_at=_at(day))
        made[label] = (goal, activity, evidence)
    Reflection.objects.create(traineeship=regional, text="Gedeelde gedachte", shared_with_mentor=True)
    Reflection.objects.create(traineeship=regional, text="Privé gedachte")
    return made


def _titles(client, name, pk):
    return {item.title for item in client.get(reverse(name, args=[pk])).context["page"]}


@pytest.mark.django_db
def test_partner_staff_read_what_was_made_during_their_placement_only(personas, client_for):
    world = World(personas)
    regional = world["regional"]
    _records(world)
    client = client_for(personas.other_hr)
    assert _titles(client, "portfolios:goals", regional.pk) == {"Doel during"}
    assert _titles(client, "portfolios:activities", regional.pk) == {"Activiteit during"}
    assert _titles(client, "portfolios:evidence", regional.pk) == {"Bewijs during"}
    page = client.get(reverse("portfolios:portfolio", args=[regional.pk]))
    assert page.context["counts"]["goals"] == 1 and page.context["counts"]["reflections"] == 0
    # Not the final evaluation, the register, nor any reflection.
    for name in ("portfolios:final_evaluation", "register_progress", "portfolios:reflections"):
        assert client.get(reverse(name, args=[regional.pk])).status_code == 403
    # The placement's own mentor relates already and reads the whole portfolio.
    assert _titles(client_for(personas.other_mentor), "portfolios:goals", regional.pk) == {"Doel before", "Doel during"}


@pytest.mark.django_db
def test_shared_portfolio_is_read_whole_by_partner_staff_but_never_private_reflections(personas, client_for):
    world = World(personas)
    regional = world["regional"]
    _records(world)
    url = reverse("programmes:portfolio_sharing", args=[regional.pk])
    assert client_for(personas.hr).get(reverse("stappenplan", args=[regional.pk])).content.count(url.encode()) == 1
    assert client_for(personas.hr).post(url, {"shared_with_partners": "on"}).status_code == 302
    entry = AuditEntry.objects.get(action="portfolio.shared")
    assert entry.params == {"variant": "on"} and entry.organisation == personas.organisation
    client = client_for(personas.other_coordinator)
    assert _titles(client, "portfolios:goals", regional.pk) == {"Doel before", "Doel during"}
    assert _titles(client, "portfolios:evidence", regional.pk) == {"Bewijs before", "Bewijs during"}
    assert client.get(reverse("portfolios:final_evaluation", args=[regional.pk])).status_code == 200
    assert client.get(reverse("portfolios:reflections", args=[regional.pk])).status_code == 403
    pdf = client.get(reverse("portfolios:portfolio_pdf", args=[regional.pk]))
    assert pdf.status_code == 200
    # Stopping: the partner reads its placement's part again.
    assert client_for(personas.hr).post(url, {}).status_code == 302
    assert AuditEntry.objects.filter(action="portfolio.shared", params__variant="off").exists()
    client = client_for(personas.other_coordinator)
    assert _titles(client, "portfolios:goals", regional.pk) == {"Doel during"}


@pytest.mark.django_db
def test_partner_windows_in_list_and_per_object_agree(personas):
    from portfolios.selectors import goals
    from programmes.permissions import is_made_within, portfolio_windows, relations_of

    world = World(personas)
    regional = world["regional"]
    _records(world)
    for user in (personas.other_hr, personas.other_manager, personas.hr, personas.other_mentor):
        windows = portfolio_windows(user, regional, relations_of(user, regional))
        listed = set(goals(regional, windows).values_list("pk", flat=True))
        each = {
            g.pk
            for g in LearningGoal.objects.filter(traineeship=regional)
            if is_made_within(windows, timezone.localdate(g.created_at))
        }
        assert listed == each
