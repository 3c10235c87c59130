"""Mali 2012-14: the replay reproduces resolutions 2085 and 2100 vote for vote, each in the
Council that voted on it; ECOWAS deploys AFISMA after France intervenes and MINUSMA takes it
over; and a player who adds an offensive counter-terrorism task loses the wary members."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from record import COUNCIL_2013
from scenario_runs import run_json

from sim.model.commands import CallVote, TableDraft
from sim.model.engine import Engine
from sim.model.play import default_agents, play_month
from sim.model.voting import Tally
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario

FILE = Path(__file__).resolve().parents[2] / "scenarios" / "mali_2013.toml"


def run(seed: int, historical: bool) -> dict[str, Any]:
    """``mandate run mali_2013.toml --seed SEED --json [--historical]``, parsed."""
    return run_json(FILE, seed, historical)


@pytest.mark.parametrize("seed", range(5))
def test_afisma_deploys_after_serval_and_changes_helmets_into_minusma(seed: int) -> None:
    events = run(seed, True)["events"]
    [force] = [e for e in events if e["kind"] == "regional_force"]
    assert force["month"] == 2  # January 2013, after the French intervention
    [rehat] = [e for e in events if e["kind"] == "rehatting"]
    assert rehat["month"] == 5 and rehat["text"].endswith("blue helmets in MINUSMA.")
    metrics = run(seed, True)["metrics"]
    assert metrics["regional_troops"][2] > 5000  # AFISMA on the ground in February
    assert metrics["regional_troops"][4] == 0 and metrics["troops_deployed"][4] > 5000


def _vote_on_2100(clauses_of: Any) -> Tally:
    """Play to April 2013 as history did, then table the MINUSMA draft with other clauses."""
    engine = Engine(build_world(load_scenario(FILE), 0))
    agents = default_agents(engine, historical=True)
    while engine.world.month < 5:
        play_month(engine, agents)
    template = next(t for t in engine.world.templates if t.id == "res-2100")
    engine.submit(TableDraft("FRA", "res-2100", clauses_of(template.clauses), as_recorded=True))
    engine.submit(CallVote("FRA", "res-2100"))
    return engine.world.votes[-1].tally


def test_a_counter_terrorism_mandate_loses_the_wary_members() -> None:
    as_voted = _vote_on_2100(lambda c: c)
    assert set(as_voted.yes) == COUNCIL_2013
    offensive = _vote_on_2100(lambda c: c.changed(tasks=c.tasks + ("counter_terrorism",)))
    assert offensive.passed
    assert {"ARG", "CHN", "PAK", "RUS"} <= set(offensive.abstain)
