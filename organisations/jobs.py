"""What every file made by the task worker for one person shares: who asked, progress, the stored
file, and how long it is kept.

Such a file holds personal data (a person's copy, a cohort's portfolios, the overview's list of
names), so it is kept only ``KEPT_FOR`` after it was asked for: after that its page is gone for
everyone (``BackgroundJobQuerySet.kept``) and the daily ``apply_retention`` removes the file and
its row (``remove_expired``), for every model built on ``BackgroundJob``.
"""

from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class BackgroundJobQuerySet(models.QuerySet):
    def _cutoff(self, now=None):
        return (now or timezone.now()) - self.model.KEPT_FOR

    def kept(self, now=None):
        """The jobs still within their keeping time."""
        return self.filter(created_at__gte=self._cutoff(now))

    def expired(self, now=None):
        return self.filter(created_at__lt=self._cutoff(now))

    def remove(self) -> int:
        """Delete the jobs with their files; the number of jobs removed."""
        for stored_name in self.exclude(stored_name="").values_list("stored_name", flat=True):
            default_storage.delete(stored_name)
        return self.delete()[0]


class OrganisationJobQuerySet(BackgroundJobQuerySet):
    """Files an organisation's HR or manager asks for (a cohort's portfolios, the overview's list)."""

    def visible_to(self, user):
        """Seen by the person who asked for it, while they are still HR or manager there and it is kept."""
        from organisations.models import Membership, Role  # the models build on this module

        if not user.is_authenticated:
            return self.none()
        organisations = Membership.objects.organisations_of(user, Role.HR, Role.MANAGER)
        return self.filter(requested_by=user, organisation__in=organisations).kept()


class BackgroundJob(models.Model):
    """A file built off the request path with progress (a copy of personal data, a cohort's portfolios)."""

    # Long enough to download it at leisure; a model may keep its files shorter.
    KEPT_FOR = timedelta(days=7)

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Being made")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("requested by")
    )
    language = models.CharField(max_length=8, default="nl")
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    stored_name = models.CharField(max_length=200, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}

    @property
    def kept_until(self):
        return self.created_at + self.KEPT_FOR


def job_models() -> list[type[BackgroundJob]]:
    return [model for model in apps.get_models() if issubclass(model, BackgroundJob)]


def expired_jobs(now=None) -> list[BackgroundJobQuerySet]:
    """Per model built on ``BackgroundJob``, its jobs past their keeping time."""
    return [BackgroundJobQuerySet(model).expired(now) for model in job_models()]


def remove_expired(now=None) -> int:
    """Remove every job past its keeping time, files and all; the number removed."""
    return sum(jobs.remove() for jobs in expired_jobs(now))
