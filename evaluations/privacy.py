"""This app's part of a person's data export and erasure (see ``privacy.services``).

A trainee's own copy holds their programme evaluations. An HR copy never does: nobody but the
trainee reads one person's answers. Erasure deletes them (the totals shrink with them).
"""

from django.utils.translation import ngettext

from evaluations.models import ProgrammeEvaluation
from organisations.privacy import Scope


def _evaluations(scope: Scope):
    return ProgrammeEvaluation.objects.filter(scope.traineeship_filter("traineeship__"))


def personal_data(scope: Scope) -> dict:
    if not scope.is_own:
        return {}
    evaluations = _evaluations(scope).select_related("traineeship__programme").prefetch_related("answers__question")
    return {
        "programme_evaluations": [
            {
                "traineeship": evaluation.traineeship_id,
                "programme": evaluation.traineeship.programme.name,
                "moment": evaluation.moment,
                "sent": evaluation.submitted_at.isoformat(),
                "answers": [
                    {"question": answer.question.text, "rating": answer.rating, "text": answer.text}
                    for answer in evaluation.answers.all()
                ],
            }
            for evaluation in evaluations.order_by("submitted_at", "pk")
        ]
    }


def files(scope: Scope):
    return []


def erasure_blockers(scope: Scope) -> list[str]:
    return []


def erasure_summary(scope: Scope) -> list[str]:
    count = _evaluations(scope).count()
    if not count:
        return []
    return [
        ngettext(
            "%(count)s programme evaluation, with its answers",
            "%(count)s programme evaluations, with their answers",
            count,
        )
        % {"count": count}
    ]


def erase(scope: Scope) -> None:
    _evaluations(scope).delete()


def purge_traineeship(traineeship) -> None:
    """Nothing outside the database: the evaluations go with the traineeship row."""
