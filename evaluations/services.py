"""Writes: a programme's questions (with the seeds' defaults) and a trainee's evaluation."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from evaluations.defaults import DEFAULT_QUESTIONS
from evaluations.models import Answer, ProgrammeEvaluation, Question


class AlreadySent(Exception):
    """The trainee already sent the evaluation of this moment."""


def questions_ensure_defaults(*, programme) -> None:
    """A programme without questions gets the defaults, worded in the site's language: they are the
    programme's for everyone, not in the language of whoever opened an evaluation first."""
    with transaction.atomic():
        # Lock the programme row so two first visits do not both add the defaults.
        type(programme).objects.select_for_update().filter(pk=programme.pk).first()
        if Question.objects.filter(programme=programme).exists():
            return
        with translation.override(settings.LANGUAGE_CODE):
            defaults = [(kind, str(text)) for kind, text in DEFAULT_QUESTIONS]
        Question.objects.bulk_create(
            Question(programme=programme, kind=kind, text=text, position=number)
            for number, (kind, text) in enumerate(defaults, start=1)
        )


@transaction.atomic
def evaluation_submit(*, traineeship, moment: str, answers: dict) -> ProgrammeEvaluation:
    """Store the answers (``{question: rating or text}``) at once; sent is sent, so totals stay fixed."""
    try:
        with transaction.atomic():
            evaluation = ProgrammeEvaluation.objects.create(
                traineeship=traineeship, moment=moment, submitted_at=timezone.now()
            )
    except IntegrityError:
        raise AlreadySent from None
    rows = []
    for question, value in answers.items():
        if question.kind == Question.Kind.RATING:
            rows.append(Answer(evaluation=evaluation, question=question, rating=value))
        elif value:
            rows.append(Answer(evaluation=evaluation, question=question, text=value))
    for row in rows:
        row.full_clean(exclude=["evaluation", "question"])
    Answer.objects.bulk_create(rows)
    return evaluation
