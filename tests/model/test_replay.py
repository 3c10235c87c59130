"""Scenario + seed + command log = the game, proven by the state hash every month."""

from __future__ import annotations

import json

from sim.model.engine import Engine
from sim.model.hashing import state_hash
from sim.model.play import default_agents, play
from sim.model.replay import command_from_json, commands_from_log, log_to_json, replay
from sim.scenario.build import build_world
from sim.scenario.schema import ScenarioFile


def test_replaying_the_log_reproduces_every_month(tutorial: ScenarioFile) -> None:
    engine = Engine(build_world(tutorial, 11))
    played = play(engine, default_agents(engine))
    document = json.loads(json.dumps(log_to_json(engine, 11)))  # through real JSON text
    fresh = Engine(build_world(tutorial, document["seed"]))
    replayed = replay(fresh, commands_from_log(document))
    assert replayed == played
    assert state_hash(fresh.world) == state_hash(engine.world)


def test_every_logged_command_survives_a_json_round_trip(tutorial: ScenarioFile) -> None:
    engine = Engine(build_world(tutorial, 3))
    play(engine, default_agents(engine))
    kinds = set()
    for command in engine.log:
        assert command_from_json(json.loads(json.dumps(command.to_json()))) == command
        kinds.add(command.kind)
    assert {"table_draft", "consult", "call_vote", "end_month"} <= kinds


def test_same_seed_same_game_other_seed_other_theatre(tutorial: ScenarioFile) -> None:
    def hashes(seed: int) -> list[str]:
        engine = Engine(build_world(tutorial, seed))
        return play(engine, default_agents(engine))

    assert hashes(5) == hashes(5)
    assert hashes(5) != hashes(6)


def test_tutorial_plays_to_an_ending_within_its_months_for_many_seeds(
    tutorial: ScenarioFile,
) -> None:
    endings = set()
    for seed in range(12):
        engine = Engine(build_world(tutorial, seed))
        months = play(engine, default_agents(engine))
        world = engine.world
        assert world.outcome is not None and len(months) <= tutorial.months
        assert world.votes, "the Council never voted"
        endings.add(world.outcome.ending)
    assert endings <= {e.id for e in tutorial.endings}
