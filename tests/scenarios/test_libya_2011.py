"""Libya 2011: the replay reproduces resolutions 1970 and 1973 vote for vote, and a player who
changes 1973 changes how the abstainers vote."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scenario_runs import run_json

from sim.model.commands import CallVote, TableDraft
from sim.model.engine import Engine
from sim.model.play import default_agents, play_month
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario

FILE = Path(__file__).resolve().parents[2] / "scenarios" / "libya_2011.toml"


def run(seed: int, historical: bool) -> dict[str, Any]:
    """``mandate run libya_2011.toml --seed SEED --json [--historical]``, parsed."""
    return run_json(FILE, seed, historical)


def test_dropping_all_necessary_measures_turns_abstainers_into_yes_votes() -> None:
    engine = Engine(build_world(load_scenario(FILE), 0))
    play_month(engine, default_agents(engine, historical=True))  # February: resolution 1970
    assert engine.world.month == 2
    template = next(t for t in engine.world.templates if t.id == "res1973")
    softer = template.clauses.changed(
        tasks=tuple(t for t in template.clauses.tasks if t != "all_necessary_measures")
    )
    engine.submit(TableDraft("FRA", "res1973", softer))
    engine.submit(CallVote("FRA", "res1973"))
    vote = engine.world.votes[-1]
    assert vote.draft == "res1973" and vote.tally.passed
    assert {"BRA", "DEU", "IND"} <= set(vote.tally.yes)
    assert not vote.tally.no
