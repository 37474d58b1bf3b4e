"""The stappenplan's checks: each step is done when its data says so.

A ``Check`` is a boolean SQL expression on ``Traineeship`` (an ``Exists`` for
related data), so one query answers every check for one traineeship or for a whole
list (filter and count by step without N+1). Each app defines the checks it owns;
``overview.stappenplan`` puts them in the five steps.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Exists, Expression, OuterRef, Q
from django.db.models.functions import Length
from django.utils.translation import gettext_lazy as _

from programmes.models import DevelopmentActivity, Placement, ProfileCompetency, WorkProfile


@dataclass(frozen=True)
class Check:
    key: str  # unique across all steps; used as the annotation name
    missing: str  # what is missing, in words
    condition: Callable[[], Expression | Q]  # true when met, evaluated on Traineeship
    action: str  # the label of the link that does the next thing
    url_name: str  # reversed with kwargs={"pk": traineeship.pk}


def _work_described():
    described = WorkProfile.objects.filter(traineeship=OuterRef("pk")).annotate(
        tasks_length=Length("tasks"), assignment_length=Length("assignment"), result_length=Length("end_result")
    )
    return Exists(
        described.filter(
            Q(kind=WorkProfile.Kind.TASKS, tasks_length__gt=0)
            | Q(kind=WorkProfile.Kind.ASSIGNMENT, assignment_length__gt=0, result_length__gt=0)
        )
    )


def _competencies_to_develop():
    return Exists(
        ProfileCompetency.objects.filter(traineeship=OuterRef("pk"), purpose=ProfileCompetency.Purpose.DEVELOP)
    )


def _required_competencies():
    return Exists(
        ProfileCompetency.objects.filter(traineeship=OuterRef("pk"), purpose=ProfileCompetency.Purpose.REQUIRED)
    )


def _activities_chosen():
    return Exists(DevelopmentActivity.objects.filter(traineeship=OuterRef("pk"), learning_activity__isnull=False))


def _has_placement():
    return Exists(Placement.objects.filter(traineeship=OuterRef("pk")))


STEP1 = [
    Check(
        "work_described",
        _("The work is not described yet: tasks, or an assignment with its end result."),
        _work_described,
        _("Describe the work"),
        "programmes:work_profile",
    ),
    Check(
        "required_competencies",
        _("No competencies required at the start are chosen."),
        _required_competencies,
        _("Choose competencies"),
        "programmes:profile_competencies",
    ),
    Check(
        "competencies_to_develop",
        _("No competencies to develop are chosen."),
        _competencies_to_develop,
        _("Choose competencies"),
        "programmes:profile_competencies",
    ),
]

STEP2 = [
    Check(
        "activities_chosen",
        _("No learning activities are chosen from the inventory."),
        _activities_chosen,
        _("Choose learning activities"),
        "programmes:activities",
    ),
]

PLACEMENT = Check(
    "has_placement",
    _("The traineeship has no placement yet."),
    _has_placement,
    _("Add a placement"),
    "programmes:placements",
)
