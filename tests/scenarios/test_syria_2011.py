"""Syria 2011-12: the replay reproduces the three double vetoes vote for vote, and a player who
drops the threat of sanctions from S/2011/612 turns the vetoes into abstentions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from record import VETOERS
from scenario_runs import run_json

from sim.model.commands import CallVote, TableDraft
from sim.model.engine import Engine
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario

FILE = Path(__file__).resolve().parents[2] / "scenarios" / "syria_2011.toml"


def run(seed: int, historical: bool) -> dict[str, Any]:
    """``mandate run syria_2011.toml --seed SEED --json [--historical]``, parsed."""
    return run_json(FILE, seed, historical)


def test_dropping_the_threat_of_sanctions_turns_the_vetoes_into_abstentions() -> None:
    engine = Engine(build_world(load_scenario(FILE), 0))
    template = next(t for t in engine.world.templates if t.id == "s2011-612")
    softer = template.clauses.changed(
        demands=tuple(d for d in template.clauses.demands if d != "consider_measures")
    )
    engine.submit(TableDraft("GBR", "s2011-612", softer))
    engine.submit(CallVote("GBR", "s2011-612"))
    vote = engine.world.votes[-1]
    assert vote.draft == "s2011-612"
    assert set(vote.tally.abstain) >= VETOERS
    assert not vote.tally.vetoed_by
    assert vote.tally.passed
