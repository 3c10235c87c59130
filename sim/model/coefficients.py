"""The model's coefficients: names, defaults from ``defaults.toml`` and scenario overrides.

The defaults file is data, with the meaning and source of every number beside it; this module only
reads it. A scenario may override any coefficient by name.
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
    envoy_standing_start: float
    envoy_joint_bonus: float
    envoy_success_gain: float
    envoy_refusal_loss: float
    envoy_intensity_threshold: float
    position_uncertainty: float
    bottom_line_uncertainty: float
    learning_rate: float
    surveillance_reduction: float
    talks_patience: int
    talks_amend_step: float
    signed_agreement_reduction: float
    agreement_guarantee_reduction: float
    women_signatory_reduction: float
    civil_society_reduction: float
    spoiler_increase: float

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


@cache
def coefficient_info() -> tuple[CoefficientInfo, ...]:
    """The documented defaults, in the order of the dataclass fields."""
    text = resources.files("sim.model").joinpath("defaults.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)
    infos = []
    for field in dataclasses.fields(Coefficients):
        entry = table[field.name]
        infos.append(CoefficientInfo(field.name, entry["value"], entry["meaning"], entry["source"]))
    return tuple(infos)


def default_coefficients() -> Coefficients:
    """The coefficients a scenario gets when it overrides nothing."""
    values: dict[str, Any] = {info.name: info.default for info in coefficient_info()}
    return Coefficients(**values)
