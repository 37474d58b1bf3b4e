"""The audit trail's acts of programmes: framework imports and exports, portfolio sharing, registers,
position profiles and group-activity attendance."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations import audit


class ProgrammeAction(models.TextChoices):
    FRAMEWORK_IMPORTED = "framework.imported", _("Competency framework imported")
    PORTFOLIO_SHARED = "portfolio.shared", _("Portfolio sharing with partner organisations changed")
    POSITION_PROFILE_CREATED = "position_profile.created", _("Position profile created")
    POSITION_PROFILE_CHANGED = "position_profile.changed", _("Position profile changed")
    POSITION_PROFILE_ARCHIVED = "position_profile.archived", _("Position profile archived")
    POSITION_PROFILE_REOPENED = "position_profile.reopened", _("Position profile opened again")
    ATTENDANCE_SAVED = "attendance.saved", _("Attendance of a group activity saved")


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
        **dict.fromkeys(
            [
                ProgrammeAction.POSITION_PROFILE_CREATED,
                ProgrammeAction.POSITION_PROFILE_CHANGED,
                ProgrammeAction.POSITION_PROFILE_ARCHIVED,
                ProgrammeAction.POSITION_PROFILE_REOPENED,
            ],
            _("position profile “%(title)s”"),
        ),
        ProgrammeAction.ATTENDANCE_SAVED: _("%(topic)s on %(date)s: %(registered)s trainees registered"),
    },
)
