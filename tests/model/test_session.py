"""A session steps the same game as the month loop, and gives a human seat its turns."""

from __future__ import annotations

import pytest

from sim.model.ballots import CastVote
from sim.model.commands import CallVote, TableDraft
from sim.model.engine import CommandRejected, Engine
from sim.model.hashing import state_hash
from sim.model.play import default_agents, play
from sim.model.session import Session
from sim.scenario.build import build_world
from sim.scenario.schema import ScenarioFile


def test_a_session_without_a_player_plays_the_same_game(tutorial: ScenarioFile) -> None:
    reference = Engine(build_world(tutorial, 4))
    expected = play(reference, default_agents(reference))
    engine = Engine(build_world(tutorial, 4))
    session = Session(engine, default_agents(engine))
    hashes: list[str] = []
    month = engine.world.month
    while not session.finished:
        assert session.step() or session.finished
        if engine.world.month != month or session.finished:
            hashes.append(state_hash(engine.world))
            month = engine.world.month
    assert hashes == expected
    assert [c.to_json() for c in engine.log] == [c.to_json() for c in reference.log]


def test_the_player_gets_turns_and_only_acts_on_them(tutorial: ScenarioFile) -> None:
    engine = Engine(build_world(tutorial, 4))
    session = Session(engine, default_agents(engine), player="ARN")
    assert session.check(TableDraft("ARN", "kalvaria-1")) == ["it is not your turn"]
    session.run_until_player()
    assert session.awaiting_player and session.turn.phase == "open"
    assert not session.step()  # nothing happens until the player ends the turn
    session.submit(TableDraft("ARN", "kalvaria-1"))
    with pytest.raises(CommandRejected):
        session.submit(TableDraft("ARN", "kalvaria-1"))
    session.end_turn()
    session.run_until_player()
    assert session.turn.phase == "consult" and session.turn.round == 1
    # The AI does not hold the player's pen: the draft stays as the player tabled it.
    assert engine.world.drafts["kalvaria-1"].version == 1
    for _ in range(engine.world.coefficients.consultation_rounds):
        session.end_turn()
        session.run_until_player()
    assert session.turn.phase == "close"
    # DRV, a permanent member that would veto, tabled a rival text and calls its vote before the
    # player's turn: ARN, a Council member, first gets a ballot turn on it.
    assert session.ballot == "kalvaria-1-rival-drv"
    session.submit(CastVote("ARN", "kalvaria-1-rival-drv", "no"))
    session.end_turn()
    session.run_until_player()
    assert session.turn.phase == "close" and session.ballot is None
    assert [v.draft for v in engine.world.votes] == ["kalvaria-1-rival-drv"]
    session.submit(CastVote("ARN", "kalvaria-1", "yes"))  # a human seat votes for itself
    session.submit(CallVote("ARN", "kalvaria-1"))
    session.end_turn()
    session.run_until_player()
    assert engine.world.votes and engine.world.month == 2
