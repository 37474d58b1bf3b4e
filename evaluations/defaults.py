"""The questions a programme starts with, drawn from the seeds (001-003): guidance, learning time,
workload and group days as ratings; what to keep and what to change as open questions."""

from django.utils.translation import gettext_lazy as _

from evaluations.models import Question

DEFAULT_QUESTIONS = [
    (Question.Kind.RATING, _("How well were you guided (mentor, coach, group trainer)?")),
    (Question.Kind.RATING, _("Did you get enough time to learn (learning time)?")),
    (Question.Kind.RATING, _("Was your workload right?")),
    (Question.Kind.RATING, _("How valuable were the group days?")),
    (Question.Kind.OPEN, _("What should the programme keep?")),
    (Question.Kind.OPEN, _("What should the programme change?")),
]
