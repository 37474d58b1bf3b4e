"""Questions per programme, and each trainee's answers at a moment of their traineeship."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from programmes.models import Programme, Traineeship


class Moment(models.TextChoices):
    MIDWAY = "midway", _("Halfway")
    END = "end", _("At the end")


class Rating(models.IntegerChoices):
    POOR = 1, _("1 – poor")
    MEAGRE = 2, _("2 – meagre")
    ADEQUATE = 3, _("3 – adequate")
    GOOD = 4, _("4 – good")
    EXCELLENT = 5, _("5 – excellent")


class Question(models.Model):
    """One question of a programme's evaluation; HR or the coordinator edit them on the programme."""

    class Kind(models.TextChoices):
        RATING = "rating", _("Rating from 1 to 5")
        OPEN = "open", _("Open question")

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="evaluation_questions", verbose_name=_("programme")
    )
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind of answer"), max_length=6, choices=Kind.choices, default=Kind.RATING)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # A question with answers is switched off rather than deleted: its totals stay readable.
    active = models.BooleanField(_("asked"), default=True)

    class Meta:
        verbose_name = _("evaluation question")
        verbose_name_plural = _("evaluation questions")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text


class ProgrammeEvaluation(models.Model):
    """A trainee's answers at one moment. Only the trainee reads it; others see totals (``selectors``)."""

    traineeship = models.ForeignKey(
        Traineeship, on_delete=models.CASCADE, related_name="programme_evaluations", verbose_name=_("traineeship")
    )
    moment = models.CharField(_("moment"), max_length=6, choices=Moment.choices)
    submitted_at = models.DateTimeField(_("sent at"))

    class Meta:
        verbose_name = _("programme evaluation")
        verbose_name_plural = _("programme evaluations")
        constraints = [
            models.UniqueConstraint(
                fields=["traineeship", "moment"],
                name="one_programme_evaluation_per_moment",
                violation_error_message=_("You already evaluated the programme at this moment."),
            ),
        ]

    def __str__(self):
        return f"{self.traineeship} · {self.get_moment_display()}"


class Answer(models.Model):
    evaluation = models.ForeignKey(
        ProgrammeEvaluation, on_delete=models.CASCADE, related_name="answers", verbose_name=_("programme evaluation")
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers", verbose_name=_("question"))
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True, choices=Rating.choices)
    text = models.TextField(_("answer"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["question__position", "question__pk"]
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "question"], name="one_answer_per_question"),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5), name="answer_rating_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.question}: {self.rating or self.text[:40]}"
