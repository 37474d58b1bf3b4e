"""The audit trail's acts of programmes: framework imports and exports, portfolio sharing, registers."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations import audit


class ProgrammeAction(models.TextChoices):
    FRAMEWORK_IMPORTED = "framework.imported", _("Competency framework imported")
    PORTFOLIO_SHARED = "portfolio.shared", _("Portfolio sharing with partner organisations changed")


audit.register_actions(
    ProgrammeAction,
    summaries={
        ProgrammeAction.FRAMEWORK_IMPORTED: _("%(added)s added, %(updated)s updated"),
        f"{ProgrammeAction.PORTFOLIO_SHARED}:on": _("whole portfolio shared with the partner organisations"),
        f"{ProgrammeAction.PORTFOLIO_SHARED}:off": _(
            "partner organisations read only the part of their placements again"
        ),
        f"{audit.Action.EXPORT_CREATED}:framework": _("competency framework as %(format)s"),
        f"{audit.Action.SETTINGS_CHANGED}:register": _("register created from the preset %(preset)s"),
    },
)
