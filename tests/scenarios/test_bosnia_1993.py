"""Bosnia 1993-94: the replay reproduces resolutions 819, 836 and 844 vote for vote; UNPROFOR is
on the ground from the start in many contingents, 836 and 844 renew it, the light option fills
slowly; and Pakistan and Venezuela abstain on 836 because of the safe areas it settles for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from record import ABSTAINED_ON_836
from scenario_runs import run_json

from sim.model.commands import CallVote, TableDraft
from sim.model.engine import Engine
from sim.model.play import default_agents, play_month
from sim.model.voting import Tally
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario

FILE = Path(__file__).resolve().parents[2] / "scenarios" / "bosnia_1993.toml"


def run(seed: int, historical: bool) -> dict[str, Any]:
    """``mandate run bosnia_1993.toml --seed SEED --json [--historical]``, parsed."""
    return run_json(FILE, seed, historical)


def test_unprofor_is_on_the_ground_in_many_contingents_under_an_embargo() -> None:
    scenario = load_scenario(FILE)
    [unprofor] = scenario.theatre.missions
    assert unprofor.kind == "un" and len(unprofor.contributors()) >= 5
    assert unprofor.deployed("troops") == 9000
    [embargo] = scenario.theatre.sanctions
    assert embargo.kind == "arms_embargo" and set(embargo.targets) == {"bsa", "gov", "hvo"}


@pytest.mark.parametrize("seed", range(3))
def test_the_light_option_is_authorized_at_once_and_arrives_slowly(seed: int) -> None:
    doc = run(seed, True)
    ceiling, troops = doc["metrics"]["troop_ceiling"], doc["metrics"]["troops_deployed"]
    assert ceiling[2] == 16_600  # Res. 844 renews UNPROFOR with 7,600 more in June 1993
    assert troops[2] < 9_100  # nobody had sent them yet
    assert 10_000 < troops[-1] < 16_600  # a year later the force is still short


def _vote_on_836(clauses_of: Any) -> Tally:
    """Play to June 1993 as history did, then table Res. 836 with other clauses."""
    engine = Engine(build_world(load_scenario(FILE), 0))
    agents = default_agents(engine, historical=True)
    while engine.world.month < 3:
        play_month(engine, agents)
    template = next(t for t in engine.world.templates if t.id == "res-836")
    engine.submit(TableDraft("FRA", "res-836", clauses_of(template.clauses), as_recorded=True))
    engine.submit(CallVote("FRA", "res-836"))
    return engine.world.votes[-1].tally


def test_pakistan_and_venezuela_abstain_over_the_safe_areas_not_the_force() -> None:
    as_voted = _vote_on_836(lambda c: c)
    assert set(as_voted.abstain) == ABSTAINED_ON_836
    without = _vote_on_836(lambda c: c.changed(tasks=("humanitarian_access",)))
    assert set(without.yes) >= ABSTAINED_ON_836
