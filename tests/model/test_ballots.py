"""Human seats cast their own votes; the AI seats vote as before."""

from __future__ import annotations

import pytest

from sim.model.ballots import CastVote, missing_ballots
from sim.model.commands import AmendDraft, CallVote, TableDraft
from sim.model.engine import CommandRejected, Engine
from sim.model.hashing import state_hash
from sim.model.play import default_agents
from sim.model.replay import replay
from sim.model.saves import TurnRecord, capture, from_json, restore, to_json
from sim.model.session import Session
from sim.scenario.build import build_world
from sim.scenario.schema import ScenarioFile


def _play(session: Session, choose: dict[str, str], record: TurnRecord | None = None) -> None:
    """Play to the end: each human seat ends its turns, voting ``choose[seat]`` on ballots."""
    for _ in range(2000):
        session.run_until_player()
        if session.finished:
            return
        seat = session.seat
        assert seat is not None
        if session.ballot is not None:
            session.submit(CastVote(seat, session.ballot, choose[seat]))
            if record is not None:
                record.submitted(len(session.engine.log) - 1)
        session.end_turn()
        if record is not None:
            record.ended()
    raise AssertionError("the game did not end")


def test_a_permanent_member_s_own_no_is_a_veto(tutorial: ScenarioFile) -> None:
    ai = Engine(build_world(tutorial, 4))
    ai_session = Session(ai, default_agents(ai))
    while ai_session.step():
        pass
    assert any(v.tally.passed for v in ai.world.votes), "the AI-only game adopts a draft"

    engine = Engine(build_world(tutorial, 4))
    session = Session(engine, default_agents(engine), player="CAL")
    _play(session, {"CAL": "no"})
    votes = engine.world.votes
    assert votes and all(v.choices["CAL"] == "no" for v in votes)
    assert all(v.tally.vetoed_by == ("CAL",) and not v.tally.passed for v in votes)
    # The factors are still on the record beside the choice the seat made.
    assert all(v.stances["CAL"].factors for v in votes)


def test_the_vote_waits_for_the_human_seat_s_ballot(tutorial: ScenarioFile) -> None:
    engine = Engine(build_world(tutorial, 4))
    session = Session(engine, default_agents(engine), player="FEN")
    for _ in range(200):
        session.run_until_player()
        if session.ballot is not None:
            break
        session.end_turn()
    draft = session.ballot
    assert draft is not None and session.seat == "FEN"
    assert draft in engine.world.drafts, "the vote is not held before the seat has voted"
    votes_before = len(engine.world.votes)
    session.submit(CastVote("FEN", draft, "abstain"))
    session.end_turn()
    session.run_until_player()
    assert len(engine.world.votes) == votes_before + 1
    assert engine.world.votes[-1].choices["FEN"] == "abstain"


def test_a_vote_is_refused_from_outside_the_body_and_an_amendment_clears_it(
    engine: Engine,
) -> None:
    engine.submit(TableDraft("ARN", "kalvaria-1"))
    outside = next(
        s
        for s in engine.world.states.ids
        if s not in engine.world.bodies[engine.world.council].members
    )
    assert engine.check(CastVote(outside, "kalvaria-1", "yes"))
    assert engine.check(CastVote("FEN", "kalvaria-1", "maybe"))
    engine.submit(CastVote("FEN", "kalvaria-1", "no"))
    assert missing_ballots(engine.world, "kalvaria-1", ("FEN", "GAL")) == ["GAL"]
    draft = engine.world.drafts["kalvaria-1"]
    engine.submit(AmendDraft("ARN", "kalvaria-1", draft.clauses.changed(duration=6)))
    assert missing_ballots(engine.world, "kalvaria-1", ("FEN",)) == ["FEN"]


def test_hot_seat_each_seat_acts_only_as_itself(tutorial: ScenarioFile) -> None:
    engine = Engine(build_world(tutorial, 4))
    session = Session(engine, default_agents(engine), players=("ARN", "CAL"))
    assert session.player == "ARN" and {"ARN", "CAL"}.isdisjoint(a.actor for a in session.agents)
    session.run_until_player()
    assert session.seat == "ARN"
    session.submit(TableDraft("ARN", "kalvaria-1"))
    session.end_turn()
    session.run_until_player()
    assert session.seat == "CAL"
    assert "not theirs" in session.check(TableDraft("ARN", "kalvaria-1"))[0]
    session.end_turn()
    for _ in range(50):
        session.run_until_player()
        if session.turn.phase == "close" and session.seat == "ARN":
            break
        session.end_turn()
    assert session.seat == "ARN" and session.turn.phase == "close"
    session.submit(CastVote("ARN", "kalvaria-1", "yes"))
    reasons = session.check(CallVote("ARN", "kalvaria-1"))
    assert reasons and "CAL" in reasons[0]
    with pytest.raises(CommandRejected):
        session.submit(CallVote("ARN", "kalvaria-1"))


def test_a_hot_seat_game_saves_restores_and_replays(tutorial: ScenarioFile) -> None:
    engine = Engine(build_world(tutorial, 4))
    seats = ("CAL", "FEN", "GAL")
    session = Session(engine, default_agents(engine), players=seats)
    record = TurnRecord()
    _play(session, {"CAL": "abstain", "FEN": "no", "GAL": "yes"}, record)
    assert engine.world.votes and engine.world.votes[0].choices["FEN"] == "no"
    saved = from_json(to_json(capture(session, record, "tutorial.toml", 4)))
    assert saved.players == seats
    again = Engine(build_world(tutorial, 4))
    restore(again, default_agents(again), saved)
    assert state_hash(again.world) == state_hash(engine.world)
    replayed = Engine(build_world(tutorial, 4))
    replay(replayed, engine.log)
    assert state_hash(replayed.world) == state_hash(engine.world)


def test_a_human_penholder_asks_for_the_vote_and_the_others_vote_first(
    tutorial: ScenarioFile,
) -> None:
    from sim.model.advice import vote_commands
    from sim.model.ballots import RequestVote

    engine = Engine(build_world(tutorial, 4))
    session = Session(engine, default_agents(engine), players=("ARN", "CAL"))
    session.run_until_player()
    session.submit(TableDraft("ARN", "kalvaria-1"))
    session.submit(CastVote("ARN", "kalvaria-1", "yes"))
    commands = vote_commands(session, "ARN", "kalvaria-1")
    assert [c.kind for c in commands] == ["request_vote"]
    session.submit(RequestVote("ARN", "kalvaria-1"))
    session.end_turn()
    session.run_until_player()
    assert session.seat == "CAL" and session.ballot == "kalvaria-1", "CAL is asked to vote"
    assert not engine.world.votes
    session.submit(CastVote("CAL", "kalvaria-1", "no"))
    session.end_turn()
    session.step()
    record = engine.world.votes[-1]
    assert (record.choices["ARN"], record.choices["CAL"]) == ("yes", "no")
    assert "CAL" in record.tally.vetoed_by
