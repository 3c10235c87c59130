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
    intensity_drift: float
    intensity_noise: float
    mission_effect_per_10k_troops: float
    civilian_deaths_at_full_intensity: float

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
