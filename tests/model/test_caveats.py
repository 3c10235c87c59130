"""National caveats: a contributor restricts its own contingent, and the mission protects fewer
civilians; AI contributors set the caveats their scenario declares; games without caveats keep
their state hashes."""

from __future__ import annotations

import dataclasses

import pytest

from sim.model import conflict
from sim.model.caveats import SetCaveats, caveat_share, caveats_of
from sim.model.commands import command_from_json
from sim.model.engine import Engine
from sim.model.hashing import UNTIL_USED, snapshot, state_hash
from sim.model.play import default_agents, play
from sim.model.replay import commands_from_log, log_to_json, replay
from sim.model.world import Mission
from sim.scenario.build import build_world
from sim.scenario.schema import ScenarioFile


def _serving(engine: Engine, contributor: str = "GAL") -> Mission:
    """Play until ``contributor`` has troops deployed in a mission; that mission."""
    for _ in range(12):
        play(engine, default_agents(engine), months=1)
        for mission in engine.world.active_missions():
            if any(
                c.contributor == contributor and c.kind == "troops" and c.deployed > 0
                for c in mission.contingents
            ):
                return mission
    raise AssertionError(f"{contributor} never deployed")


def _refused(engine: Engine, command: SetCaveats, words: str) -> bool:
    return any(words in reason for reason in engine.check(command))


def test_a_contributor_sets_and_lifts_caveats_and_the_checks_refuse_what_cannot_be(
    engine: Engine,
) -> None:
    mission = _serving(engine)
    world = engine.world
    assert engine.check(SetCaveats("GAL", mission.id, ())), "no caveats to lift yet"
    assert _refused(engine, SetCaveats("GAL", mission.id, ("no_tea",)), "unknown caveat")
    twice = SetCaveats("GAL", mission.id, ("capital_only", "capital_only"))
    assert _refused(engine, twice, "twice")
    assert _refused(engine, SetCaveats("GAL", "nowhere", ()), "no mission")
    not_one = SetCaveats("ARN", mission.id, ("capital_only",))
    assert _refused(engine, not_one, "not a troop contributor")
    idle = next(
        c for c in world.contributors if c not in {k.contributor for k in mission.contingents}
    )
    absent = SetCaveats(idle, mission.id, ("capital_only",))
    assert _refused(engine, absent, "no contingent serving")

    events = engine.submit(SetCaveats("GAL", mission.id, ("no_night_patrols", "capital_only")))
    assert caveats_of(world, mission.id, "GAL") == ("capital_only", "no_night_patrols")
    assert "(capital only, no night patrols)" in events[0].text and "32%" in events[0].text
    assert engine.check(SetCaveats("GAL", mission.id, ("capital_only", "no_night_patrols")))
    events = engine.submit(SetCaveats("GAL", mission.id, ()))
    assert "lifts its caveats" in events[0].text and world.caveats == {}


def test_caveats_cost_the_mission_protection_of_civilians_not_battles(engine: Engine) -> None:
    mission = _serving(engine, "IST")  # the regional bridging force it leads, early on
    world = engine.world
    deployed = mission.contingent("IST", "troops").deployed
    weight = world.coefficients.regional_troop_effectiveness if mission.kind == "regional" else 1
    before = conflict.effective_strength(world)
    civilian, battle = conflict.expected_deaths(world, before)
    all_three = ("no_offensive_operations", "capital_only", "no_night_patrols")
    engine.submit(SetCaveats("IST", mission.id, all_three))
    share = caveat_share(world, all_three)
    coef = world.coefficients
    assert share == pytest.approx(
        coef.caveat_no_offensive_operations
        * coef.caveat_capital_only
        * coef.caveat_no_night_patrols
    )
    after = conflict.effective_strength(world)
    assert after["troops_protecting"] == pytest.approx(
        before["troops_protecting"] - weight * deployed * (1 - share)
    )
    assert after["troops_effective"] == before["troops_effective"]
    civilian_after, battle_after = conflict.expected_deaths(world, after)
    assert civilian_after > civilian and battle_after == battle
    engine.submit(SetCaveats("IST", mission.id, ()))
    assert conflict.expected_deaths(world, conflict.effective_strength(world))[0] == civilian


def test_caveats_are_in_the_state_hash_only_once_a_game_has_some(engine: Engine) -> None:
    mission = _serving(engine)
    world = engine.world
    plain = snapshot(world)
    assert "caveats" not in plain
    assert not set(UNTIL_USED["caveats"]) & set(plain["coefficients"])
    before = state_hash(world)
    engine.submit(SetCaveats("GAL", mission.id, ("no_night_patrols",)))
    with_caveats = snapshot(world)
    assert with_caveats["caveats"] == {mission.id: {"GAL": ["no_night_patrols"]}}
    assert "caveat_no_night_patrols" in with_caveats["coefficients"]
    assert state_hash(world) != before


def test_a_game_with_a_players_caveats_replays_to_the_same_hash(
    tutorial: ScenarioFile, engine: Engine
) -> None:
    mission = _serving(engine)
    command = SetCaveats("GAL", mission.id, ("capital_only",))
    assert command_from_json(command.to_json()) == command
    engine.submit(command)
    played = play(engine, default_agents(engine), months=3)
    fresh = Engine(build_world(tutorial, 7))
    replayed = replay(fresh, commands_from_log(log_to_json(engine, 7)))
    assert replayed[-3:] == played and state_hash(fresh.world) == state_hash(engine.world)
    assert caveats_of(fresh.world, mission.id, "GAL") == ("capital_only",)


def test_an_ai_contributor_serves_under_the_caveats_its_scenario_declares(
    tutorial: ScenarioFile,
) -> None:
    states = [
        s.model_copy(
            update={
                "contributor": s.contributor.model_copy(
                    update={"national_caveats": ["no_offensive_operations"]}
                )
            }
        )
        if s.id == "GAL" and s.contributor is not None
        else s
        for s in tutorial.states
    ]
    declared = tutorial.model_copy(update={"states": states})
    engine = Engine(build_world(declared, 7))
    plain = Engine(build_world(tutorial, 7))
    mission = _serving(engine)
    _serving(plain)
    assert caveats_of(engine.world, mission.id, "GAL") == ("no_offensive_operations",)
    assert any(e.kind == "caveats" and "GAL" in e.text for e in engine.world.events)
    assert plain.world.caveats == {}
    assert not any(e.kind == "caveats" for e in plain.world.events)
    # The same game otherwise: the caveat changes the deaths, not the pledges' story before it.
    assert (
        dataclasses.replace(engine.world.contributors["GAL"], national_caveats=())
        == (plain.world.contributors["GAL"])
    )
