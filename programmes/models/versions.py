"""The version of what a traineeship's documents (portfolio, final evaluation, register PDFs) are made of.

A separate row, not a column on ``Traineeship``: a traineeship saved from a stale instance would
write an old counter back. The version is a nanosecond stamp written on every change, so a stored
PDF is fresh exactly when its version equals the current one.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TraineeshipVersion(models.Model):
    traineeship = models.OneToOneField(
        "programmes.Traineeship", primary_key=True, on_delete=models.CASCADE, related_name="content_version"
    )
    version = models.BigIntegerField(_("version"), default=0)

    class Meta:
        verbose_name = _("traineeship content version")
        verbose_name_plural = _("traineeship content versions")

    def __str__(self):
        return f"{self.traineeship_id}: {self.version}"
