"""Early warning of attacks on civilians: a mission's surveillance warns (stream
'early_warning'); a mission able to act on it spares civilians, one that cannot only reports."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sim.model.conflict import step_conflict
from sim.model.forces import create_mission
from sim.model.world import Contingent, World
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario

SYRIA = Path(__file__).resolve().parents[2] / "scenarios" / "syria_2011.toml"


def month_of_war(seed: int, tasks: tuple[str, ...], chance: float) -> tuple[int, list[str]]:
    """One month of war in Syria with a 2,000-strong UN mission with ``tasks``: civilians
    killed and the kinds of the month's events."""
    world: World = build_world(load_scenario(SYRIA), seed)
    world.coefficients = replace(world.coefficients, early_warning_chance=chance)
    template = next(t for t in world.templates if t.id == "s2011-612")
    clauses = template.clauses.changed(tasks=tasks, troop_ceiling=2000, duration=12)
    mission = create_mission(world, "eyes", clauses, "un", "unsc")
    mission.contingents.append(Contingent("IND", "troops", deployed=2000))
    events, tolls = step_conflict(world)
    return int(tolls["civilian_deaths"]), [e.kind for e in events]


def test_a_warning_spares_civilians_only_where_the_mission_can_act_on_it() -> None:
    able = ("surveillance", "protection_of_civilians")
    spared = 0
    for seed in range(20):
        # Common random numbers: the theatre's draws are the same with or without a warning.
        quiet, quiet_kinds = month_of_war(seed, able, 0.0)
        warned, kinds = month_of_war(seed, able, 1.0)
        blind, blind_kinds = month_of_war(seed, ("surveillance",), 1.0)
        unwarned, _ = month_of_war(seed, ("surveillance",), 0.0)
        assert "early_warning" not in quiet_kinds
        assert "early_warning" in kinds and "early_warning" in blind_kinds
        assert warned <= quiet and blind == unwarned  # a warning no one acts on saves no one
        spared += warned < quiet
    assert spared > 0
    _, kinds = month_of_war(0, ("protection_of_civilians",), 1.0)
    assert "early_warning" not in kinds  # no surveillance, no warning
