"""Presets of a programme's agreement per cao (see DOMAIN.md).

Choosing a preset fills the programme's agreement fields; HR can change each
field afterwards (rules marked "?" in DOMAIN.md are settings, not law).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from programmes.models import PayRule


@dataclass(frozen=True)
class AgreementPreset:
    key: str
    label: str
    explanation: str
    values: dict = field(default_factory=dict)


AGREEMENT_FIELDS = [
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
    AgreementPreset(
        "cao_sociaal_werk_2021",
        _("Social work collective agreement (cao Sociaal Werk 2021-2023)"),
        _(
            "At most 12 months; scale 4 for mbo and scale 6 for hbo graduates; "
            "start within 12 months of graduation; supernumerary."
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
    ),
    AgreementPreset(
        "cao_gemeenten",
        _("Municipalities' collective agreement (cao Gemeenten)"),
        _("One scale below the function scale while requirements are not yet met; programmes of about 24 months."),
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
    AgreementPreset(
        "cao_jeugdzorg",
        _("Youth care collective agreement (cao Jeugdzorg)"),
        _(
            "No trainee article: pay in the function scale, about 24 months; the plan covers the training, "
            "intervision and supervision needed for SKJ re-registration."
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
    AgreementPreset(
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
