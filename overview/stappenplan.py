"""The five steps of the stappenplan, composed from the checks each app owns.

``annotate_steps`` adds one boolean per check and ``current_step`` (1-5, or 6 when
every step is done) to a Traineeship queryset, in SQL; ``steps_for`` gives the
five steps of one traineeship with what is missing in words.
"""

from dataclasses import dataclass

from django.db.models import BooleanField, Case, ExpressionWrapper, IntegerField, Q, QuerySet, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mentors import steps as mentor_steps
from portfolios import steps as portfolio_steps
from programmes import steps as programme_steps
from programmes.models import Traineeship

ALL_DONE = 6


@dataclass(frozen=True)
class Step:
    number: int
    title: str
    description: str
    checks: list


STEPS = [
    Step(
        1,
        _("Work and profile"),
        _("The work the trainee will do and the profile: competencies required at the start and to develop."),
        [*programme_steps.STEP1, *portfolio_steps.STEP1],
    ),
    Step(
        2,
        _("Learning activities"),
        _("Formal and informal learning from the organisation's inventory, on top of what every new colleague gets."),
        programme_steps.STEP2,
    ),
    Step(
        3,
        _("Mentor"),
        _("A mentor with enough experience and coaching skills, with agreed time."),
        [programme_steps.PLACEMENT, *mentor_steps.STEP3],
    ),
    Step(
        4,
        _("Shape the traineeship"),
        _("The portfolio and the development plan with learning goals, and progress meetings."),
        [*portfolio_steps.STEP4, *mentor_steps.STEP4],
    ),
    Step(
        5,
        _("Evaluate and look ahead"),
        _("Mentor and trainee evaluate together and look at the trainee's future."),
        portfolio_steps.STEP5,
    ),
]

STEP_CHOICES = [(step.number, f"{step.number}. {step.title}") for step in STEPS] + [(ALL_DONE, _("All steps done"))]


def _as_boolean(condition):
    return condition if not isinstance(condition, Q) else ExpressionWrapper(condition, output_field=BooleanField())


def step_done_q(step: Step) -> Q:
    return Q(*[Q(**{f"check_{check.key}": True}) for check in step.checks])


def annotate_steps(queryset: QuerySet) -> QuerySet:
    """Add ``check_<key>`` booleans and ``current_step`` (the first step not done)."""
    annotated = queryset.annotate(
        **{f"check_{check.key}": _as_boolean(check.condition()) for step in STEPS for check in step.checks}
    )
    return annotated.annotate(
        current_step=Case(
            *[When(~step_done_q(step), then=Value(step.number)) for step in STEPS if step.checks],
            default=Value(ALL_DONE),
            output_field=IntegerField(),
        )
    )


@dataclass
class StepState:
    step: Step
    done: bool
    started: bool
    current: bool
    missing: list[tuple[str, str, str]]  # (what is missing, action label, url)

    @property
    def status_label(self) -> str:
        if self.done:
            return _("Done")
        if self.current:
            return _("Next")
        return _("In progress") if self.started else _("Not started")


def steps_for(traineeship: Traineeship) -> list[StepState]:
    row = annotate_steps(Traineeship.objects.filter(pk=traineeship.pk)).values(
        "current_step", *[f"check_{c.key}" for s in STEPS for c in s.checks]
    )[0]
    states = []
    for step in STEPS:
        met = [bool(row[f"check_{check.key}"]) for check in step.checks]
        states.append(
            StepState(
                step=step,
                done=all(met),
                started=any(met),
                current=row["current_step"] == step.number,
                missing=[
                    (check.missing, check.action, reverse(check.url_name, kwargs={"pk": traineeship.pk}))
                    for check, ok in zip(step.checks, met, strict=True)
                    if not ok
                ],
            )
        )
    return states
