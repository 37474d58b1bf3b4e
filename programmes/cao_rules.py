"""Cao rules: presets of a programme's employment terms per cao (see DOMAIN.md). In code,
"cao rules" are these terms; an "agreement" is an action item of a progress meeting
(``mentors.models.Agreement``).

Choosing a preset fills the programme's cao-rule fields (``CAO_RULE_FIELDS``); HR can
change each field afterwards (rules marked "?" in DOMAIN.md are settings, not law).
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext_lazy as _

from programmes.models import PayRule


@dataclass(frozen=True)
class CaoPreset:
    key: str
    label: str
    explanation: str
    values: dict = field(default_factory=dict)
    # For a series of caos (social work): the day this one took over from the one before.
    in_force_from: date | None = None


CAO_RULE_FIELDS = [
    "agreement_name",
    "max_duration_months",
    "pay_rule",
    "scale_mbo",
    "scale_hbo",
    "scale_wo",
    "scale_offset",
    "graduation_window_months",
    "supernumerary",
]

PRESETS = [
    CaoPreset(
        "cao_sociaal_werk_2021",
        _("Social work collective agreement (cao Sociaal Werk 2021-2023)"),
        _(
            "For programmes that started under this cao. At most 12 months; scale 4 for mbo and scale 6 for hbo "
            "graduates; start within 12 months of graduation; supernumerary."
        ),
        {
            "agreement_name": "cao Sociaal Werk 2021-2023",
            "max_duration_months": 12,
            "pay_rule": PayRule.FIXED,
            "scale_mbo": 4,
            "scale_hbo": 6,
            "scale_wo": 6,
            "scale_offset": None,
            "graduation_window_months": 12,
            "supernumerary": True,
        },
        in_force_from=date(2021, 1, 1),
    ),
    CaoPreset(
        "cao_sociaal_werk_2023",
        _("Social work collective agreement (cao Sociaal Werk 2023-2025)"),
        _(
            "Art. 2.3 B: a trainee for at most 12 months; pay two scales below the function scale, step Start "
            "up to 13 (art. 6.3 G); after the traineeship, the function scale."
        ),
        {
            "agreement_name": "cao Sociaal Werk 2023-2025",
            "max_duration_months": 12,
            "pay_rule": PayRule.OFFSET,
            "scale_mbo": None,
            "scale_hbo": None,
            "scale_wo": None,
            "scale_offset": 2,
            # Not re-verified in the later caos (DOMAIN.md "?"): left for the organisation to set.
            "graduation_window_months": None,
            "supernumerary": False,
        },
        in_force_from=date(2023, 1, 1),
    ),
    CaoPreset(
        "cao_sociaal_werk_2025",
        _("Social work collective agreement (cao Sociaal Werk 2025-2027)"),
        _(
            "Art. 2.3 B: a trainee for at most 12 months; pay two scales below the function scale, step Start "
            "up to 13 (art. 6.3 B); after the traineeship, the function scale."
        ),
        {
            "agreement_name": "cao Sociaal Werk 2025-2027",
            "max_duration_months": 12,
            "pay_rule": PayRule.OFFSET,
            "scale_mbo": None,
            "scale_hbo": None,
            "scale_wo": None,
            "scale_offset": 2,
            "graduation_window_months": None,
            "supernumerary": False,
        },
        in_force_from=date(2025, 7, 1),
    ),
    CaoPreset(
        "cao_gemeenten",
        _("Municipalities' collective agreement (cao Gemeenten)"),
        _(
            "No trainee article: trainees are full employees; the employer may agree one scale below the function "
            "scale while requirements are not yet met; programmes of about 24 months, started as a cohort."
        ),
        {
            "agreement_name": "cao Gemeenten",
            "max_duration_months": 24,
            "pay_rule": PayRule.OFFSET,
            "scale_mbo": None,
            "scale_hbo": None,
            "scale_wo": None,
            "scale_offset": 1,
            "graduation_window_months": None,
            "supernumerary": False,
        },
    ),
    CaoPreset(
        "cao_jeugdzorg",
        _("Youth care collective agreement (cao Jeugdzorg)"),
        _(
            "No trainee article: pay in the function scale, about 24 months; at least 1.5 percent of the payroll "
            "goes to training, and the plan covers the training, intervision and supervision needed for SKJ "
            "re-registration."
        ),
        {
            "agreement_name": "cao Jeugdzorg",
            "max_duration_months": 24,
            "pay_rule": PayRule.OFFSET,
            "scale_mbo": None,
            "scale_hbo": None,
            "scale_wo": None,
            "scale_offset": 0,
            "graduation_window_months": None,
            "supernumerary": False,
        },
    ),
    CaoPreset(
        "own",
        _("Own agreement"),
        _("The partners' own arrangement: fill in the fields yourself."),
        {},
    ),
]

PRESETS_BY_KEY = {preset.key: preset for preset in PRESETS}
PRESET_CHOICES = [(preset.key, preset.label) for preset in PRESETS]


def preset_values(key: str) -> dict:
    preset = PRESETS_BY_KEY.get(key)
    return dict(preset.values) if preset else {}


def preset_in_force(on: date) -> str:
    """The key of the social-work cao preset in force on ``on``: the default for a programme starting then.

    The days a cao took over are those of its name (~ in DOMAIN.md); an organisation whose cao
    says otherwise chooses another preset.
    """
    series = sorted((p for p in PRESETS if p.in_force_from), key=lambda p: p.in_force_from)
    chosen = series[0]
    for preset in series:
        if preset.in_force_from <= on:
            chosen = preset
    return chosen.key


def preset_not_in_force(key: str, on: date) -> str | None:
    """The label of the preset in force instead, when ``key`` is a social-work cao not yet or no longer in force."""
    preset = PRESETS_BY_KEY.get(key)
    if preset is None or preset.in_force_from is None:
        return None
    in_force = preset_in_force(on)
    return None if in_force == key else str(PRESETS_BY_KEY[in_force].label)
