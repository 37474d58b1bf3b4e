"""Step 2: the organisation's inventory of learning activities (``programmes.models.development``
holds the activities of one traineeship)."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from competencies.models.frameworks import Competency
from organisations.models import Membership, Organisation


class ActivityKind(models.TextChoices):
    FORMAL = "formal", _("Formal")
    INFORMAL = "informal", _("Informal")


class ActivityCategory(models.TextChoices):
    # Formal learning
    TRAINING = "training", _("Training")
    COURSE = "course", _("Course")
    COACHING = "coaching", _("Coaching")
    SUPERVISION = "supervision", _("Supervision")
    # Informal learning
    PROTOCOL = "protocol", _("Protocol")
    METHOD = "method", _("Method")
    GUIDELINE = "guideline", _("Guideline")
    PROFESSIONAL_CODE = "code", _("Professional code")
    INTERVISION = "intervision", _("Intervision")
    COLLEAGUES = "colleagues", _("Learning from colleagues")
    OTHER = "other", pgettext_lazy("activity category", "Other")


FORMAL_CATEGORIES = {
    ActivityCategory.TRAINING,
    ActivityCategory.COURSE,
    ActivityCategory.COACHING,
    ActivityCategory.SUPERVISION,
}


class LearningActivityQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisation__in=Membership.objects.belonging(user).values("organisation"))


class LearningActivity(models.Model):
    """An entry in the organisation's inventory of formal and informal learning."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="learning_activities", verbose_name=_("organisation")
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("formal or informal"), max_length=10, choices=ActivityKind.choices)
    category = models.CharField(_("category"), max_length=15, choices=ActivityCategory.choices)
    description = models.TextField(_("description"), blank=True)
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    hours = models.DecimalField(
        _("hours"), max_digits=6, decimal_places=1, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    cost = models.DecimalField(
        _("cost (euro)"), max_digits=9, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    competencies = models.ManyToManyField(
        Competency, blank=True, related_name="learning_activities", verbose_name=_("competencies it develops")
    )
    for_every_new_colleague = models.BooleanField(
        _("offered to every new colleague"),
        default=False,
        help_text=_("Part of the ordinary onboarding, not something extra for trainees."),
    )
    is_active = models.BooleanField(_("still offered"), default=True)

    objects = LearningActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("learning activity")
        verbose_name_plural = _("learning activities")
        ordering = ["kind", "title"]
        db_table = "programmes_learningactivity"  # moved from programmes; the table kept its name

    def __str__(self):
        return self.title
