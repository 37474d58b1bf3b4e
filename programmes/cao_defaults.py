"""End date and pay scale of a new traineeship, filled from the programme's agreement.

HR no longer types what the cao rules already fix: left empty, the end date follows the
maximum duration and the scale follows the pay rule; a value typed in is kept (and still
checked by the model's rules). The rule is shown as help text so HR sees where a value came from.
"""

from datetime import timedelta

from django.utils.translation import gettext as _

from programmes.dates import add_months
from programmes.models import Programme


def end_date_rule(programme: Programme) -> str:
    if not programme.max_duration_months:
        return ""
    return _("Left empty: the start date plus %(months)s months, the maximum of %(agreement)s.") % {
        "months": programme.max_duration_months,
        "agreement": programme.agreement_name or programme.name,
    }


def scale_rule(programme: Programme) -> str:
    agreement = programme.agreement_name or programme.name
    if programme.pay_rule == "offset" and programme.scale_offset is not None:
        return _("Left empty: %(offset)s below the function scale, as %(agreement)s sets.") % {
            "offset": programme.scale_offset,
            "agreement": agreement,
        }
    fixed = [
        f"{level} {scale}"
        for level, scale in (("mbo", programme.scale_mbo), ("hbo", programme.scale_hbo), ("wo", programme.scale_wo))
        if scale is not None
    ]
    if not fixed:
        return ""
    return _("Left empty: the scale for the education level under %(agreement)s (%(scales)s).") % {
        "agreement": agreement,
        "scales": ", ".join(fixed),
    }


def default_end_date(programme: Programme, start):
    if start is None or not programme.max_duration_months:
        return None
    return add_months(start, programme.max_duration_months) - timedelta(days=1)


def default_scale(programme: Programme, education_level: str | None, function_scale: int | None) -> int | None:
    if programme.pay_rule == "offset":
        if function_scale is None or programme.scale_offset is None:
            return None
        return max(function_scale - programme.scale_offset, 1)
    return programme.fixed_scale_for(education_level or "")
