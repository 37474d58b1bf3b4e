"""Per-employer contract rules inside one regional programme (seed 002: a contract per employer, e.g.
eight months each, sometimes under another cao, within the programme's shared guidelines).

A placement may carry its employer's rules: a cao preset (``programmes.cao_rules``), the contract's
length in months, the contract hours and the pay scale. What it leaves empty comes from the programme
(the cao and its maximum) and the traineeship (hours, scale). This module is the one place that says
which rules apply to a placement and where a placement breaks them.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from programmes.cao_rules import PRESETS_BY_KEY, preset_values
from programmes.dates import add_months
from programmes.models import PayRule, Placement, Programme, ProgrammeKind


@dataclass(frozen=True)
class EmployerRules:
    agreement: str  # the cao (or agreement) the employer's contract follows
    own_cao: bool  # another cao than the programme's
    contract_months: int | None
    hours_per_week: Decimal | None
    pay_scale: int | None
    own: bool  # the placement carries rules of its own (any of the fields above)

    def summary(self) -> str:
        parts = [self.agreement] if self.agreement else []
        if self.contract_months:
            parts.append(
                ngettext("contract of %(n)s month", "contract of %(n)s months", self.contract_months)
                % {"n": self.contract_months}
            )
        if self.hours_per_week is not None:
            parts.append(_("%(hours)s hours a week") % {"hours": self.hours_per_week.normalize()})
        if self.pay_scale is not None:
            parts.append(_("scale %(scale)s") % {"scale": self.pay_scale})
        return " · ".join(parts)


def has_employer_rules(programme: Programme) -> bool:
    """Rules per employer only mean something when several employers take part."""
    return programme.kind == ProgrammeKind.REGIONAL or programme.partners.exists()


def _programme_agreement(programme: Programme) -> str:
    return programme.agreement_name or ""


def rules_for(placement: Placement) -> EmployerRules:
    """The rules that apply to ``placement``: its employer's own where given, else the programme's."""
    traineeship = placement.traineeship
    programme = traineeship.programme
    preset = preset_values(placement.cao_preset) if placement.cao_preset else {}
    agreement = preset.get("agreement_name") or (
        str(PRESETS_BY_KEY[placement.cao_preset].label) if placement.cao_preset in PRESETS_BY_KEY else ""
    )
    own_cao = bool(agreement) and agreement != _programme_agreement(programme)
    months = placement.contract_months or preset.get("max_duration_months") or programme.max_duration_months
    return EmployerRules(
        agreement=agreement or _programme_agreement(programme),
        own_cao=own_cao,
        contract_months=months,
        hours_per_week=(
            placement.contract_hours_per_week
            if placement.contract_hours_per_week is not None
            else traineeship.contract_hours_per_week
        ),
        pay_scale=placement.pay_scale if placement.pay_scale is not None else traineeship.scale,
        own=bool(
            placement.cao_preset
            or placement.contract_months
            or placement.contract_hours_per_week is not None
            or placement.pay_scale is not None
        ),
    )


def _expected_scale(placement: Placement) -> int | None:
    """The scale the employer's own cao sets for this trainee, when the placement names a cao."""
    preset = preset_values(placement.cao_preset) if placement.cao_preset else {}
    traineeship = placement.traineeship
    if not preset.get("pay_rule"):
        return None
    if preset["pay_rule"] == PayRule.FIXED:
        return preset.get(f"scale_{traineeship.education_level}")
    if traineeship.function_scale is None or preset.get("scale_offset") is None:
        return None
    return max(traineeship.function_scale - preset["scale_offset"], 1)


def placement_rule_errors(placement: Placement) -> dict[str, list[str]]:
    """Where ``placement`` breaks its employer's rules, per field, in words."""
    errors: dict[str, list[str]] = {}
    if not (placement.start_date and placement.end_date and placement.traineeship_id):
        return errors
    if placement.cao_preset and placement.cao_preset not in PRESETS_BY_KEY:
        errors["cao_preset"] = [_("Choose one of the caos offered.")]
        return errors
    rules = rules_for(placement)
    employer = placement.organisation if placement.organisation_id else None
    if (
        rules.own
        and rules.contract_months
        and placement.end_date >= add_months(placement.start_date, rules.contract_months)
    ):
        errors["end_date"] = [
            _(
                "The contract with %(employer)s under %(agreement)s lasts %(months)s months; "
                "end this placement before %(limit)s."
            )
            % {
                "employer": employer or _("this employer"),
                "agreement": rules.agreement or _("the programme's rules"),
                "months": rules.contract_months,
                "limit": add_months(placement.start_date, rules.contract_months).strftime("%d-%m-%Y"),
            }
        ]
    expected = _expected_scale(placement)
    if placement.pay_scale is not None and expected is not None and placement.pay_scale != expected:
        errors["pay_scale"] = [
            _("Under %(agreement)s this trainee is in scale %(scale)s.")
            % {"agreement": rules.agreement, "scale": expected}
        ]
    return errors


def earlier_rules_at(placement: Placement) -> dict:
    """The rules an earlier placement at the same employer in the same programme carried: the employer's
    contract rules, so HR types them once per employer."""
    if not (placement.organisation_id and placement.traineeship_id):
        return {}
    earlier = (
        Placement.objects.filter(
            traineeship__programme_id=placement.traineeship.programme_id, organisation_id=placement.organisation_id
        )
        .exclude(pk=placement.pk)
        .exclude(
            cao_preset="", contract_months__isnull=True, contract_hours_per_week__isnull=True, pay_scale__isnull=True
        )
        .order_by("-start_date", "-pk")
        .values("cao_preset", "contract_months", "contract_hours_per_week", "pay_scale")
        .first()
    )
    return earlier or {}


def employer_rules_in(programme: Programme) -> list[tuple]:
    """Per employer of ``programme``: the rules its latest placement with rules of its own carried, in one query."""
    from django.db.models import OuterRef, Subquery

    from organisations.models import Organisation

    latest = (
        Placement.objects.filter(traineeship__programme=programme, organisation=OuterRef("pk"))
        .exclude(
            cao_preset="", contract_months__isnull=True, contract_hours_per_week__isnull=True, pay_scale__isnull=True
        )
        .order_by("-start_date", "-pk")
    )
    employers = (
        Organisation.objects.filter(pk__in=programme.organisation_ids())
        .annotate(
            rule_cao=Subquery(latest.values("cao_preset")[:1]),
            rule_months=Subquery(latest.values("contract_months")[:1]),
            rule_hours=Subquery(latest.values("contract_hours_per_week")[:1]),
            rule_scale=Subquery(latest.values("pay_scale")[:1]),
        )
        .order_by("name")
    )
    rows = []
    for employer in employers:
        own = any(
            v not in (None, "")
            for v in (employer.rule_cao, employer.rule_months, employer.rule_hours, employer.rule_scale)
        )
        preset = preset_values(employer.rule_cao) if employer.rule_cao else {}
        agreement = preset.get("agreement_name") or _programme_agreement(programme)
        rules = EmployerRules(
            agreement=agreement,
            own_cao=agreement != _programme_agreement(programme),
            contract_months=employer.rule_months or preset.get("max_duration_months") or programme.max_duration_months,
            hours_per_week=employer.rule_hours,
            pay_scale=employer.rule_scale,
            own=own,
        )
        rows.append((employer, rules))
    return rows
