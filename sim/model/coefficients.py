"""The model's coefficients: names, defaults from ``defaults.toml`` and scenario overrides.

The defaults file is data, with the meaning and source of every number beside it; this module only
reads it. A scenario may override any coefficient by name, and a trigger may change one during play,
within the bounds (``min``, ``max``) the file declares beside each value.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Coefficients:
    """Every tunable number of the model; see ``defaults.toml`` for meanings and sources."""

    abstain_band: float
    veto_band: float
    relation_weight: float
    regional_weight: float
    crisis_weight: float
    side_payment_value: float
    side_payment_permanent_share: float
    vote_trade_value: float
    lobby_rate: float
    bargaining_pull: float
    consultation_rounds: int
    political_capital_per_month: float
    lobby_cost: float
    reference_intensity: float
    civilian_deaths_reference: float
    death_scale: float
    troop_civilian_decay: float
    police_civilian_decay: float
    civilian_protection_floor: float
    observer_civilian_increase: float
    battle_deaths_reference: float
    troop_battle_decay: float
    regional_troop_effectiveness: float
    caveat_no_offensive_operations: float
    caveat_capital_only: float
    caveat_no_night_patrols: float
    intensity_drift: float
    intensity_noise: float
    ceasefire_hazard: float
    peace_agreement_hazard: float
    recurrence_hazard: float
    recurrence_reduction_observer: float
    recurrence_reduction_peacekeeping: float
    recurrence_reduction_enforcement: float
    ceasefire_intensity: float
    displacement_at_full_intensity: float
    return_rate: float
    access_loss: float
    access_gain: float
    control_rate: float
    resource_recovery: float
    pledge_rate: float
    pledge_threshold: float
    reimbursement_weight: float
    proximity_weight: float
    risk_weight: float
    extra_lag_mean: float
    fatality_rate: float
    withdrawal_fatalities: float
    withdrawal_months: int
    bite_arms_embargo: float
    bite_asset_freeze: float
    bite_travel_ban: float
    bite_comprehensive_trade: float
    patron_evasion: float
    max_evasion: float
    coercion_hazard: float
    coercion_half_life: float
    constraint_threshold: float
    signalling_votes: int
    signalling_max_evasion: float
    comprehensive_harm: float
    grievance_chapter_vii: float
    grievance_sanctions: float
    grievance_referral: float
    talks_prospects_weight: float
    talks_resolve_weight: float
    talks_hurt_weight: float
    talks_sanctions_weight: float
    talks_threat_weight: float
    talks_patron_shield: float
    talks_patron_push: float
    commitment_risk: float
    guarantee_value: float
    pledge_credibility: float
    aid_value: float
    envoy_standing_weight: float
    envoy_bias_weight: float
    envoy_standing_start: float
    envoy_joint_bonus: float
    envoy_success_gain: float
    envoy_refusal_loss: float
    envoy_intensity_threshold: float
    talks_position_uncertainty: float
    bottom_line_uncertainty: float
    learning_rate: float
    surveillance_reduction: float
    early_warning_chance: float
    early_warning_reduction: float
    talks_patience: int
    talks_amend_step: float
    signed_agreement_reduction: float
    agreement_guarantee_reduction: float
    women_signatory_reduction: float
    civil_society_reduction: float
    spoiler_increase: float
    spoiler_attack_chance: float
    spoiler_attack_intensity: float
    spoiler_attack_hazard: float
    tactical_acceptance_chance: float
    tactical_margin: float
    tactical_breakdown_increase: float
    regional_deference: float
    patron_weight: float
    sovereignty_weight: float
    precedent_weight: float
    position_uncertainty: float
    consultation_clarity: float
    lobby_clarity: float
    statement_clarity: float
    veto_relation_cost: float
    adoption_value: float
    veto_record_value: float
    caucus_weight: float

    def bite(self, kind: str) -> float:
        """Monthly resource loss a sanctions measure of ``kind`` inflicts before evasion."""
        value: float = getattr(self, f"bite_{kind}")
        return value

    def with_overrides(self, overrides: dict[str, Any]) -> Coefficients:
        """A copy with the named coefficients replaced (names must exist)."""
        return dataclasses.replace(self, **overrides)


@dataclass(frozen=True)
class CoefficientInfo:
    """What a coefficient means and where its default value comes from."""

    name: str
    default: float | int
    meaning: str
    source: str
    minimum: float | int
    maximum: float | int

    def problem(self, value: float) -> str | None:
        """Why ``value`` cannot be this coefficient (outside its bounds), or None."""
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            return f"{self.name} must be a number"
        if isinstance(self.default, int) and not isinstance(value, int) and value != int(value):
            return f"{self.name} must be a whole number"
        if not self.minimum <= value <= self.maximum:
            return f"{self.name} must lie between {self.minimum} and {self.maximum}, not {value}"
        return None


@cache
def coefficient_info() -> tuple[CoefficientInfo, ...]:
    """The documented defaults, in the order of the dataclass fields."""
    text = resources.files("sim.model").joinpath("defaults.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)
    infos = []
    for field in dataclasses.fields(Coefficients):
        entry = table.get(field.name)
        missing = [
            k for k in ("value", "min", "max", "meaning", "source") if k not in (entry or {})
        ]
        if entry is None or missing:
            # Fail loudly: a coefficient without bounds could crash or hang the game.
            raise ValueError(f"defaults.toml: coefficient {field.name} lacks {', '.join(missing)}")
        info = CoefficientInfo(
            field.name,
            entry["value"],
            entry["meaning"],
            entry["source"],
            entry["min"],
            entry["max"],
        )
        if info.problem(info.default) is not None:
            raise ValueError(f"defaults.toml: {info.problem(info.default)} (its own default)")
        infos.append(info)
    return tuple(infos)


def coefficient_problem(name: str, value: float) -> str | None:
    """Why coefficient ``name`` cannot take ``value`` (unknown, or outside its bounds), or None."""
    info = next((i for i in coefficient_info() if i.name == name), None)
    if info is None:
        return f"unknown coefficient {name!r}"
    return info.problem(value)


def default_coefficients() -> Coefficients:
    """The coefficients a scenario gets when it overrides nothing."""
    values: dict[str, Any] = {info.name: info.default for info in coefficient_info()}
    return Coefficients(**values)
