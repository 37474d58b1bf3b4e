"""The manager's overview as a file: written by the task worker, kept for a day for the person who asked."""

from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.jobs import BackgroundJob, OrganisationJobQuerySet
from organisations.models import Organisation


class OverviewExport(BackgroundJob):
    """The traineeships of the overview, as filtered when asked, in a workbook or a CSV file."""

    class Format(models.TextChoices):
        XLSX = "xlsx", _("Excel workbook (.xlsx)")
        CSV = "csv", _("CSV for Excel")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    file_format = models.CharField(max_length=4, choices=Format.choices)
    # The overview's filter as its query string (programme, cohort, step, at risk, signal, mentor).
    query = models.TextField(blank=True)

    # Long enough to download it again; short enough that a list of names does not linger.
    KEPT_FOR = timedelta(days=1)

    objects = OrganisationJobQuerySet.as_manager()

    class Meta(BackgroundJob.Meta):
        verbose_name = _("overview export")
        verbose_name_plural = _("overview exports")

    def __str__(self):
        return f"overview export {self.pk} ({self.file_format}, {self.status})"
