"""Generated benchmark scenarios load, have the promised shape, and last their full months."""

from __future__ import annotations

import pytest

from sim.devtools.generate import generate_scenario_text
from sim.model.engine import Engine
from sim.model.play import default_agents, play
from sim.scenario.build import build_world
from sim.scenario.loader import parse_scenario


@pytest.fixture(scope="module")
def text_193() -> str:
    return generate_scenario_text(193, seed=0)


def test_193_state_scenario_loads_with_the_promised_shape(text_193: str) -> None:
    scenario = parse_scenario(text_193)
    ids = [s.id for s in scenario.states]
    assert len(ids) == 193 == len(set(ids))
    assert ids[0] == "S001" and ids[-1] == "S193"
    assert [d.id for d in scenario.dimensions] == [
        "force",
        "presence",
        "sanctions",
        "accountability",
    ]
    assert scenario.format_version == 1 and scenario.months == 24

    world = build_world(scenario, 0)
    unsc, ga = world.bodies["unsc"], world.bodies["ga"]
    assert world.council == "unsc"
    assert (unsc.rule, len(unsc.members), len(unsc.veto), unsc.quota) == ("unsc", 15, 5, 9)
    assert (ga.rule, len(ga.members), ga.quota) == ("qualified", 193, 129)
    sizes = {o.id: len(o.members) for o in world.organizations.values()}
    assert sizes == {"au": 54, "ecowas": 15, "eu": 27, "las": 22}
    for org in world.organizations.values():
        assert set(world.bodies[org.body].members) <= set(org.members)
    assert set(world.organizations["ecowas"].members) <= set(world.organizations["au"].members)
    assert len(world.theatre.parties) == 2
    assert [t.body for t in world.templates] == ["unsc", "unsc"]
    assert len(scenario.endings) == 3 and scenario.endings[-1].when == "time_out"
    assert all(len(s.relations) >= 10 for s in scenario.states)


def test_generation_is_deterministic_in_the_seed(text_193: str) -> None:
    assert generate_scenario_text(193, seed=0) == text_193
    assert generate_scenario_text(193, seed=1) != text_193


def test_193_state_game_plays_all_24_months(text_193: str) -> None:
    engine = Engine(build_world(parse_scenario(text_193), 0))
    assert len(play(engine, default_agents(engine), months=2)) == 2
    hashes = play(engine, default_agents(engine))
    world = engine.world
    assert len(hashes) == 22
    assert world.outcome is not None
    assert (world.outcome.ending, world.outcome.month) == ("stalemate", 24)
    assert world.votes, "the Council should have voted on the drafts"


@pytest.mark.parametrize("n_states", [20, 40, 97, 250])
@pytest.mark.parametrize("seed", [0, 3])
def test_other_sizes_and_seeds_load_and_last_24_months(n_states: int, seed: int) -> None:
    scenario = parse_scenario(generate_scenario_text(n_states, seed=seed))
    assert len(scenario.states) == n_states
    for game_seed in (0, 1):
        engine = Engine(build_world(scenario, game_seed))
        assert len(play(engine, default_agents(engine))) == 24
        assert engine.world.outcome is not None and engine.world.outcome.ending == "stalemate"


def test_general_assembly_draft_variant() -> None:
    scenario = parse_scenario(generate_scenario_text(40, seed=2, ga_draft=True, months=6))
    assert [t.body for t in build_world(scenario, 0).templates] == ["unsc", "unsc", "ga"]
    engine = Engine(build_world(scenario, 0))
    assert len(play(engine, default_agents(engine))) == 6
    assert any(v.body == "ga" for v in engine.world.votes)


@pytest.mark.parametrize(("n_states", "months"), [(19, 24), (40, 0), (40, 121)])
def test_impossible_sizes_are_refused(n_states: int, months: int) -> None:
    with pytest.raises(ValueError):
        generate_scenario_text(n_states, months=months)
