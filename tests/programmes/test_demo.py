from collections import Counter

from django.core.management import call_command

from competencies.models import Competency
from mentors.models import MentorProfile
from organisations.demo import TRAINEES_PER_MENTOR
from organisations.models import Role, User
from overview.stappenplan import annotate_steps
from programmes.models import Placement, Programme, Traineeship


def counts():
    return (
        Traineeship.objects.count(),
        Placement.objects.count(),
        Programme.objects.count(),
        Competency.objects.count(),
    )


def test_demo_is_idempotent_and_fills_every_step(db):
    call_command("demo", trainees=12, stdout=None)
    first = counts()
    call_command("demo", trainees=12)
    assert counts() == first
    for slug in ("zonnedal", "buurtkracht"):
        traineeship = Traineeship.objects.get(trainee__email=f"trainee@{slug}.example", status="active")
        current = [p for p in traineeship.placements.all() if p.is_current()]
        assert [p.mentor.email for p in current] == [f"mentor@{slug}.example"]
        assert Competency.objects.filter(framework__organisation__slug=slug).count() == 13
    regional = Programme.objects.get(kind="regional")
    assert regional.coordinator.email == "coordinator@zonnedal.example"
    assert list(regional.partners.values_list("slug", flat=True)) == ["buurtkracht"]
    assert regional.traineeships.get().placements.count() == 3
    # With every app's checks in the stappenplan, each organisation has demo traineeships at
    # every step and finished ones (6: all steps done).
    annotated = annotate_steps(Traineeship.objects.all())
    for slug in ("zonnedal", "buurtkracht"):
        owned = annotated.filter(programme__owner__slug=slug)
        assert set(owned.values_list("current_step", flat=True)) == {1, 2, 3, 4, 5, 6}, slug
    assert annotated.get(trainee__email="lars.dekker@zonnedal.example").current_step == 6
    extra = Traineeship.objects.filter(trainee__email__startswith="trainee0")
    assert extra.count() == 12
    assert not Placement.objects.filter(traineeship__in=extra, mentor__isnull=True).exists()
    # The extra trainees have mentors of their own, at most eight each, with a mentor's role and profile.
    load = Counter(Placement.objects.filter(traineeship__in=extra).values_list("mentor__email", flat=True))
    assert set(load) == {"mentor001@zonnedal.example", "mentor001@buurtkracht.example"}
    assert max(load.values()) <= TRAINEES_PER_MENTOR
    mentor = User.objects.get(email="mentor001@zonnedal.example")
    assert mentor.memberships.filter(role=Role.MENTOR, organisation__slug="zonnedal").exists()
    assert MentorProfile.objects.filter(user=mentor).exists()
    for traineeship in Traineeship.objects.all():
        traineeship.full_clean()
