from django.core.management import call_command

from goals.models import LearningGoal
from mentors import demo
from mentors.models import Agreement, Escalation, Meeting, MentorProfile
from organisations import demo as organisations_demo
from organisations.models import Role
from portfolios.models import SelfEvaluation
from programmes.models import Traineeship
from tests.mentors.factories import mentored_traineeship


def test_demo_does_nothing_without_traineeships(db):
    context = organisations_demo.load()
    demo.load(context)
    assert not Meeting.objects.exists()


def test_full_demo_gives_the_demo_trainee_meetings_and_a_portfolio(db):
    call_command("demo", stdout=None)
    for slug in ("zonnedal", "buurtkracht"):
        traineeship = Traineeship.objects.get(trainee__email=f"trainee@{slug}.example", status="active")
        assert traineeship.placements.filter(mentor__email=f"mentor@{slug}.example").exists()
        assert Meeting.objects.filter(traineeship=traineeship, recorded_at__isnull=False).exists()
        assert Agreement.objects.filter(traineeship=traineeship).exists()
        assert LearningGoal.objects.filter(traineeship=traineeship, approved_at__isnull=False).exists()
        assert SelfEvaluation.objects.filter(traineeship=traineeship, submitted_at__isnull=False).exists()
    # The demo trainee's tasks wait at each step of the escalation ladder.
    call_command("send_reminders", stdout=None)
    reached = {
        (step, email)
        for step, email in Escalation.objects.filter(
            traineeship__trainee__email="trainee@zonnedal.example", kind="agreement_due"
        ).values_list("step", "recipient__email")
    }
    assert {(1, "trainee@zonnedal.example"), (2, "mentor@zonnedal.example"), (3, "hr@zonnedal.example")} <= reached
    finished = Traineeship.objects.get(trainee__email="lars.dekker@zonnedal.example")
    assert finished.meetings.filter(kind="kick_off", recorded_at__isnull=False).exists()


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
