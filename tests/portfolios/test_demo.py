from django.core.management import call_command

from goals.models import LearningGoal
from organisations import demo as organisations_demo
from organisations.models import Role
from portfolios import demo
from portfolios.models import FeedbackRequest, FinalEvaluation, Reflection, SelfEvaluation
from programmes.models import Traineeship
from tests.portfolios.factories import traineeship_with_profile


def test_demo_without_traineeships_does_nothing(db):
    demo.load(organisations_demo.load())
    assert not SelfEvaluation.objects.exists()


def test_full_demo_puts_every_named_trainee_past_step_one_with_a_start_self_evaluation(db):
    call_command("demo", stdout=None)
    for email in demo.STARTING_EMAILS:
        assert SelfEvaluation.objects.filter(traineeship__trainee__email=email, moment="start").exists(), email
    assert FinalEvaluation.objects.filter(traineeship__trainee__email__in=demo.FINISHED_EMAILS).count() == 2


def test_demo_portfolios_are_idempotent_and_scale(db):
    context = organisations_demo.load(trainees=4)
    for slug, organisation in context.organisations.items():
        traineeship_with_profile(
            organisation, trainee=context.account(slug, Role.TRAINEE), mentor=context.account(slug, Role.MENTOR)
        )
    for users in context.extra_trainees.values():
        for user in users:
            organisation = context.organisations["zonnedal"]
            traineeship_with_profile(organisation, trainee=user, competencies=1)
    demo.load(context)
    counts = [
        model.objects.count() for model in (SelfEvaluation, LearningGoal, Reflection, FeedbackRequest, FinalEvaluation)
    ]
    demo.load(context)
    assert [
        model.objects.count() for model in (SelfEvaluation, LearningGoal, Reflection, FeedbackRequest, FinalEvaluation)
    ] == counts
    signed = FinalEvaluation.objects.get()
    assert signed.is_locked and signed.traineeship.status == "finished"
    assert (
        Reflection.objects.filter(
            traineeship__trainee__in=[u for g in context.extra_trainees.values() for u in g]
        ).count()
        == 4
    )
    assert Traineeship.objects.filter(trainee__email=demo.ALUMNA_EMAIL).count() == 1


def test_finished_demo_traineeship_gets_the_signed_evaluation(db):
    from tests.organisations.factories import member

    context = organisations_demo.load()
    zonnedal = context.organisations["zonnedal"]
    lars = member(zonnedal, Role.TRAINEE, email="lars.dekker@zonnedal.example", name="Lars Dekker")
    finished = traineeship_with_profile(zonnedal, trainee=lars, mentor=context.account("zonnedal", Role.MENTOR))
    Traineeship.objects.filter(pk=finished.pk).update(status="finished")
    lotte = member(zonnedal, Role.TRAINEE, email="lotte.kok@zonnedal.example")
    starting = traineeship_with_profile(zonnedal, trainee=lotte)
    demo.load(context)
    demo.load(context)
    signed = FinalEvaluation.objects.get()
    assert signed.traineeship == finished and signed.is_locked and "Lars" in signed.mentor_development
    assert not Traineeship.objects.filter(trainee__email=demo.ALUMNA_EMAIL).exists()
    assert SelfEvaluation.objects.filter(traineeship=starting).count() == 1
    assert not LearningGoal.objects.filter(traineeship=starting).exists()
