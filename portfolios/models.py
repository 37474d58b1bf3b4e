"""The portfolio's own records: self-evaluations, evidence, reflections, colleague feedback,
the final evaluation and bulk exports. Learning goals and development activities live in
``programmes`` (other apps use them too); the portfolio builds on them."""

import hashlib
import json
import secrets

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from competencies.models import Competency
from goals.models import LearningGoal
from organisations.jobs import BackgroundJob, OrganisationJobQuerySet
from organisations.models import Organisation, User, hash_token
from programmes.models import Cohort, DevelopmentActivity, Traineeship, TraineeshipScopedQuerySet


class Moment(models.TextChoices):
    START = "start", _("Start")
    MIDWAY = "midway", _("Midway")
    END = "end", _("End")


class RatingLevel(models.IntegerChoices):
    NOT_YET = 1, _("1 – not yet")
    STARTBEKWAAM = 2, _("2 – entry-level (startbekwaam)")
    VAKBEKWAAM = 3, _("3 – proficient (vakbekwaam)")
    VAKVOLWASSEN = 4, _("4 – fully experienced (vakvolwassen)")


class SelfEvaluation(models.Model):
    """The trainee's self-evaluation at the start, midway or the end: the six questions of seed 000."""

    traineeship = models.ForeignKey(
        Traineeship, on_delete=models.CASCADE, related_name="self_evaluations", verbose_name=_("traineeship")
    )
    moment = models.CharField(_("moment"), max_length=6, choices=Moment.choices)
    talents = models.TextField(_("Which of your talents help you in this traineeship?"))
    competencies_present = models.TextField(_("Which relevant competencies do you have already?"))
    recent_knowledge = models.TextField(_("What recent knowledge can you bring in?"))
    wants_to_learn = models.TextField(_("What do you want to learn?"))
    hopes = models.TextField(_("What do you hope the traineeship gives you?"))
    learning_styles = models.TextField(_("Which ways of learning suit you?"))
    submitted_at = models.DateTimeField(_("saved at"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TraineeshipScopedQuerySet.as_manager()

    QUESTIONS = ["talents", "competencies_present", "recent_knowledge", "wants_to_learn", "hopes", "learning_styles"]

    class Meta:
        verbose_name = _("self-evaluation")
        verbose_name_plural = _("self-evaluations")
        ordering = ["traineeship", "submitted_at"]
        # The stappenplan asks per traineeship "was the start self-evaluation submitted?".
        indexes = [
            models.Index(
                fields=["traineeship"],
                condition=Q(moment="start", submitted_at__isnull=False),
                name="selfevaluation_start_submitted",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["traineeship", "moment"],
                name="one_self_evaluation_per_moment",
                violation_error_message=_("There is already a self-evaluation for this moment."),
            ),
        ]

    def __str__(self):
        return f"{self.traineeship} · {self.get_moment_display()}"

    def answers(self) -> list[tuple[str, str]]:
        return [(self._meta.get_field(name).verbose_name, getattr(self, name)) for name in self.QUESTIONS]


class CompetencyRating(models.Model):
    self_evaluation = models.ForeignKey(
        SelfEvaluation, on_delete=models.CASCADE, related_name="ratings", verbose_name=_("self-evaluation")
    )
    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="+", verbose_name=_("competency"))
    level = models.PositiveSmallIntegerField(_("level"), choices=RatingLevel.choices)

    class Meta:
        verbose_name = _("competency rating")
        verbose_name_plural = _("competency ratings")
        ordering = ["competency__position", "competency__code"]
        constraints = [
            models.UniqueConstraint(fields=["self_evaluation", "competency"], name="one_rating_per_competency"),
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=4), name="rating_level_1_to_4"),
        ]

    def __str__(self):
        return f"{self.competency}: {self.level}"


class Evidence(models.Model):
    """Proof of learning: an uploaded file (certificate, report, image) or a link (a vlog)."""

    class Kind(models.TextChoices):
        FILE = "file", _("File")
        LINK = "link", _("Link")

    traineeship = models.ForeignKey(
        Traineeship, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("traineeship")
    )
    kind = models.CharField(_("kind"), max_length=4, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # The storage name is ours (a uuid); the user's file name is display metadata only.
    stored_name = models.CharField(max_length=200, blank=True, editable=False)
    original_name = models.CharField(_("file name"), max_length=200, blank=True, editable=False)
    content_type = models.CharField(max_length=100, blank=True, editable=False)
    size = models.PositiveIntegerField(default=0, editable=False)
    url = models.URLField(_("link"), blank=True, max_length=500)
    goals = models.ManyToManyField(LearningGoal, blank=True, related_name="evidence", verbose_name=_("learning goals"))
    competencies = models.ManyToManyField(
        Competency, blank=True, related_name="evidence", verbose_name=_("competencies")
    )
    development_activity = models.ForeignKey(
        DevelopmentActivity,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
        verbose_name=_("certificate or statement for"),
        help_text=_("The development activity this proves, for a professional register."),
    )
    added_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TraineeshipScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="file") & ~Q(stored_name="")) | (Q(kind="link") & ~Q(url="")),
                name="evidence_has_file_or_link",
                violation_error_message=_("Add a file or a link."),
            ),
        ]

    def __str__(self):
        return self.title


class Reflection(models.Model):
    traineeship = models.ForeignKey(
        Traineeship, on_delete=models.CASCADE, related_name="reflections", verbose_name=_("traineeship")
    )
    written_on = models.DateField(_("date"), default=timezone.localdate)
    text = models.TextField(_("reflection"), max_length=5000)
    shared_with_mentor = models.BooleanField(_("my mentor may read this"), default=False)
    # The independent coach reads nothing of the traineeship but what the trainee shares (seed 001).
    shared_with_coach = models.BooleanField(_("my coach may read this"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TraineeshipScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")
        ordering = ["-written_on", "-pk"]

    def __str__(self):
        return f"{self.written_on}: {self.text[:40]}"


class FeedbackRequestQuerySet(TraineeshipScopedQuerySet):
    def open(self):
        return self.filter(answered_at__isnull=True, expires_at__gt=timezone.now())


class FeedbackRequest(models.Model):
    """A colleague without an account is asked for feedback through a personal, single-use link.

    Only a hash of the token is stored. When the colleague asks to stay anonymous, their name
    and address are erased from the request once they answer.
    """

    traineeship = models.ForeignKey(
        Traineeship, on_delete=models.CASCADE, related_name="feedback_requests", verbose_name=_("traineeship")
    )
    colleague_name = models.CharField(_("colleague's name"), max_length=200)
    colleague_email = models.EmailField(_("colleague's e-mail address"))
    question = models.TextField(_("your question (optional)"), blank=True, max_length=2000)
    competencies = models.ManyToManyField(Competency, related_name="+", verbose_name=_("competencies to ask about"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("link valid until"))
    requested_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    free_text = models.TextField(_("anything else you want to say"), blank=True, max_length=5000)
    anonymous = models.BooleanField(_("don't show my name to the trainee"), default=False)

    objects = FeedbackRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("feedback request")
        verbose_name_plural = _("feedback requests")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.traineeship}: {self.giver_label}"

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(32)

    @classmethod
    def for_token(cls, token: str):
        return cls.objects.open().select_related("traineeship__trainee").filter(token_hash=hash_token(token)).first()

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None

    @property
    def is_expired(self) -> bool:
        return not self.is_answered and self.expires_at <= timezone.now()

    @property
    def giver_label(self) -> str:
        """Who gave the feedback, as far as it was verified: the address the link was sent to.

        The name the trainee typed when asking is not verified by anything, so it is not shown
        as the giver; an anonymous giver is shown as no one in particular.
        """
        return _("A colleague (anonymous)") if self.anonymous else self.colleague_email

    def give_url(self, token: str) -> str:
        return reverse("portfolios:feedback_give", kwargs={"token": token})


class FeedbackAnswer(models.Model):
    request = models.ForeignKey(FeedbackRequest, on_delete=models.CASCADE, related_name="answers")
    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="+", verbose_name=_("competency"))
    answer = models.TextField(_("answer"), max_length=3000)

    class Meta:
        verbose_name = _("feedback answer")
        verbose_name_plural = _("feedback answers")
        ordering = ["competency__position", "competency__code"]
        constraints = [
            models.UniqueConstraint(fields=["request", "competency"], name="one_answer_per_competency"),
        ]

    def __str__(self):
        return f"{self.competency}: {self.answer[:40]}"


class FinalEvaluation(models.Model):
    """Step 5: trainee and mentor each write their part, the future together; both sign.

    Signed by both, it is locked; only HR of the organisation reopens it, with a reason that stays.
    """

    traineeship = models.OneToOneField(
        Traineeship, on_delete=models.CASCADE, related_name="final_evaluation", verbose_name=_("traineeship")
    )
    trainee_development = models.TextField(_("How did I develop?"), blank=True)
    trainee_went_well = models.TextField(_("What went well?"), blank=True)
    trainee_could_be_better = models.TextField(_("What could have gone better?"), blank=True)
    mentor_development = models.TextField(_("How did the trainee develop?"), blank=True)
    mentor_went_well = models.TextField(_("What went well? (mentor)"), blank=True)
    mentor_could_be_better = models.TextField(_("What could have gone better? (mentor)"), blank=True)
    future_in_sector = models.TextField(_("The trainee's future in the sector"), blank=True)
    options_in_organisation = models.TextField(_("Options inside the organisation"), blank=True)
    trainee_signed_at = models.DateTimeField(_("signed by the trainee"), null=True, blank=True)
    mentor_signed_at = models.DateTimeField(_("signed by the mentor"), null=True, blank=True)
    mentor_signed_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reopened_at = models.DateTimeField(_("reopened at"), null=True, blank=True)
    reopened_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reopen_reason = models.TextField(_("reason for reopening"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    objects = TraineeshipScopedQuerySet.as_manager()

    TRAINEE_FIELDS = ["trainee_development", "trainee_went_well", "trainee_could_be_better"]
    MENTOR_FIELDS = ["mentor_development", "mentor_went_well", "mentor_could_be_better"]
    JOINT_FIELDS = ["future_in_sector", "options_in_organisation"]
    SIGNED_FIELDS = [*TRAINEE_FIELDS, *MENTOR_FIELDS, *JOINT_FIELDS]

    class Meta:
        verbose_name = _("final evaluation")
        verbose_name_plural = _("final evaluations")

    def __str__(self):
        return str(self.traineeship)

    @property
    def is_locked(self) -> bool:
        return self.trainee_signed_at is not None and self.mentor_signed_at is not None

    def text_digest(self) -> str:
        """A fingerprint of the whole text that is signed, the mentor's ratings included: the sign
        form carries the one read."""
        ratings = sorted(self.mentor_ratings.values_list("competency_id", "level")) if self.pk else []
        text = json.dumps([getattr(self, name) for name in self.SIGNED_FIELDS] + [ratings], ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()

    def part(self, names: list[str]) -> list[tuple[str, str]]:
        return [(self._meta.get_field(name).verbose_name, getattr(self, name)) for name in names]

    @property
    def part_trainee(self):
        return self.part(self.TRAINEE_FIELDS)

    @property
    def part_mentor(self):
        return self.part(self.MENTOR_FIELDS)

    @property
    def part_joint(self):
        return self.part(self.JOINT_FIELDS)


class MentorCompetencyRating(models.Model):
    """The mentor's judgement of the final level of one competency of the profile (seed 003's
    assessment form), beside the trainee's own rating; signed with the final evaluation."""

    final_evaluation = models.ForeignKey(
        FinalEvaluation, on_delete=models.CASCADE, related_name="mentor_ratings", verbose_name=_("final evaluation")
    )
    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="+", verbose_name=_("competency"))
    level = models.PositiveSmallIntegerField(_("level"), choices=RatingLevel.choices)

    class Meta:
        verbose_name = _("mentor's competency rating")
        verbose_name_plural = _("mentor's competency ratings")
        ordering = ["competency__position", "competency__code"]
        constraints = [
            models.UniqueConstraint(fields=["final_evaluation", "competency"], name="one_mentor_rating_per_competency"),
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=4), name="mentor_rating_level_1_to_4"),
        ]

    def __str__(self):
        return f"{self.competency}: {self.level}"


class PortfolioExport(BackgroundJob):
    """A cohort's portfolios as one ZIP, built off the request path by a task."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    cohort = models.ForeignKey(Cohort, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("cohort"))
    error = models.TextField(blank=True)
    started_at = models.DateTimeField(null=True, blank=True)

    objects = OrganisationJobQuerySet.as_manager()

    class Meta(BackgroundJob.Meta):
        verbose_name = _("portfolio export")
        verbose_name_plural = _("portfolio exports")

    def __str__(self):
        return f"{self.cohort} ({self.created_at:%d-%m-%Y %H:%M})"

    def seconds_left(self, now=None) -> int | None:
        """Estimated from the pace so far; None until the first portfolio is done."""
        if self.is_finished or not self.started_at or not self.done or not self.total:
            return None
        elapsed = ((now or timezone.now()) - self.started_at).total_seconds()
        return max(0, round(elapsed / self.done * (self.total - self.done)))

    @property
    def time_left(self) -> str:
        seconds = self.seconds_left()
        if seconds is None:
            return ""
        if seconds < 60:
            return gettext("Less than a minute left.")
        minutes = round(seconds / 60)
        return ngettext("About %(minutes)d minute left.", "About %(minutes)d minutes left.", minutes) % {
            "minutes": minutes
        }


from portfolios.position_profile_pdfs import PositionProfilePdf  # noqa: E402, F401  (a model of this app)
from portfolios.stored_pdfs import StoredPdf  # noqa: E402, F401  (its own module; a model of this app)
