"""Competency frameworks: data an organisation loads and edits, not code."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models import Membership, Organisation, Role


class CompetencyLevel(models.TextChoices):
    STARTBEKWAAM = "startbekwaam", _("Entry-level (startbekwaam)")
    VAKBEKWAAM = "vakbekwaam", _("Proficient (vakbekwaam)")
    VAKVOLWASSEN = "vakvolwassen", _("Fully experienced (vakvolwassen)")


class FrameworkQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisation__in=Membership.objects.belonging(user).values("organisation"))

    def editable_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisation__in=Membership.objects.organisations_of(user, Role.HR))


class CompetencyFramework(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="frameworks", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FrameworkQuerySet.as_manager()

    class Meta:
        verbose_name = _("competency framework")
        verbose_name_plural = _("competency frameworks")
        ordering = ["name"]
        db_table = "programmes_competencyframework"  # moved from programmes; the table kept its name
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_framework_name"),
        ]

    def __str__(self):
        return self.name


class CompetencyQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(framework__in=CompetencyFramework.objects.visible_to(user))


class Competency(models.Model):
    framework = models.ForeignKey(
        CompetencyFramework, on_delete=models.CASCADE, related_name="competencies", verbose_name=_("framework")
    )
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # Areas of life (leefgebieden) as free tags, e.g. "financiën", "wonen en leefbaarheid".
    areas_of_life = models.JSONField(_("areas of life"), default=list, blank=True)
    level_startbekwaam = models.TextField(_("entry-level: what it looks like"), blank=True)
    level_vakbekwaam = models.TextField(_("proficient: what it looks like"), blank=True)
    level_vakvolwassen = models.TextField(_("fully experienced: what it looks like"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    objects = CompetencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")
        ordering = ["framework", "position", "code"]
        db_table = "programmes_competency"  # moved from programmes; the table kept its name
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="unique_competency_code"),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"
