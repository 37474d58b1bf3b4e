from django.core.management import call_command

from mentors import demo
from mentors.models import Agreement, Meeting, MentorProfile
from organisations import demo as organisations_demo
from organisations.models import Role
from tests.mentors.factories import mentored_traineeship


def test_demo_does_nothing_without_traineeships(db):
    call_command("demo", stdout=None)
    assert not Meeting.objects.exists()


def test_demo_is_idempotent_and_scales(db):
    context = organisations_demo.load(trainees=6)
    for slug, organisation in context.organisations.items():
        mentored_traineeship(
            organisation, trainee=context.account(slug, Role.TRAINEE), mentor=context.account(slug, Role.MENTOR)
        )
    for users in context.extra_trainees.values():
        for user in users:
            mentored_traineeship(
                context.organisations["zonnedal"], trainee=user, mentor=context.account("zonnedal", Role.MENTOR)
            )
    demo.load(context)
    counts = (Meeting.objects.count(), Agreement.objects.count(), MentorProfile.objects.count())
    assert Meeting.objects.filter(recorded_at__isnull=False, trainee_confirmed_at__isnull=True).exists()
    assert Meeting.objects.filter(recorded_at__isnull=True).exists()
    assert counts[0] == 2 * 4 + 6 * 2
    demo.load(context)
    assert (Meeting.objects.count(), Agreement.objects.count(), MentorProfile.objects.count()) == counts
