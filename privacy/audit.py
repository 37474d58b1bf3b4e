"""The audit trail's acts of privacy: data copies, erasure on request, the retention term."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations import audit


class PrivacyAction(models.TextChoices):
    DATA_EXPORTED = "data.exported", _("Personal data exported")
    DATA_ERASED = "data.erased", _("Personal data erased")
    RETENTION_APPLIED = "retention.applied", _("Retention term applied")


audit.register_actions(
    PrivacyAction,
    summaries={
        PrivacyAction.DATA_EXPORTED: _("data copy (ZIP)"),
        PrivacyAction.DATA_ERASED: _("erasure on request"),
        PrivacyAction.RETENTION_APPLIED: _("traineeship ended on %(ended)s, removed after the retention term"),
    },
)
