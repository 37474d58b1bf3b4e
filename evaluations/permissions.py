"""Who reads what of the programme evaluations: the trainee their own answers; HR and the
coordinator only totals of at least ``MIN_RESPONDENTS`` trainees, so no answer leads to a person."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from organisations.models import Role
from organisations.permissions import ReadRule, lazy_format, register
from programmes.permissions import Relation

# Below this many trainees a group's totals (numbers and open answers) are not shown at all.
MIN_RESPONDENTS = 5
# Roles that read the totals of a programme they see.
RESULT_READERS = (Role.HR, Role.COORDINATOR)

PROGRAMME_EVALUATIONS = register(
    ReadRule(
        "programme_evaluations",
        48,
        _("Programme evaluation: your ratings and answers about the programme"),
        _("To improve the programme with what trainees say"),
        (Relation.TRAINEE,),
        lazy_format(
            gettext_noop(
                "Only you read your own answers. HR and the coordinator see totals of a cohort or programme, and "
                "only when at least %(count)s trainees answered."
            ),
            {"count": MIN_RESPONDENTS},
        ),
    )
)
