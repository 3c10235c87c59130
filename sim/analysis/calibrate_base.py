"""What every calibration experiment builds on: the generic scenario as data, its variants, a
standing mission, months played without agents, and a stylized fact beside its published band.

:mod:`sim.analysis.calibrate` and its sanctions and mediation parts all build on these, so none
of them imports another's helpers.
"""

from __future__ import annotations

import copy
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sim.bundled import scenario_file
from sim.model.engine import Engine
from sim.model.month import EndMonth
from sim.model.world import World
from sim.scenario.schema import ScenarioFile

GENERIC = scenario_file("calibration", "generic.toml")
Data = dict[str, Any]


@dataclass(frozen=True)
class Fact:
    """One stylized fact: the simulated value beside its published band."""

    name: str
    source: str
    band: str
    measured: str
    passed: bool


def base_data(path: Path = GENERIC) -> Data:
    """The calibration scenario as plain TOML data, to be varied."""
    with open(path, "rb") as handle:
        return tomllib.load(handle)


def variant(base: Data, **changes: Any) -> ScenarioFile:
    """A validated copy of the scenario with top-level tables replaced or merged."""
    data = copy.deepcopy(base)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    return ScenarioFile.model_validate(data)


def standing_mission(
    troops: int = 0, police: int = 0, observers: int = 0, chapter: str = "VI"
) -> list[Data]:
    """A UN mission already deployed at full strength, of a contingent that never leaves."""
    if not (troops or police or observers):
        return []
    return [
        {
            "id": "standing",
            "kind": "un",
            "authority": "unsc",
            "contributor": "BLUE",
            "troops": troops,
            "police": police,
            "observers": observers,
            "chapter": chapter,
            "expires_month": 36,
        }
    ]


def run_months(world: World, engine: Engine, months: int) -> None:
    """End ``months`` months (or until the game ends) with no agent acting."""
    for _ in range(months):
        if world.finished:
            return
        engine.submit(EndMonth())
