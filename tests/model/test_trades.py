"""Vote trading: support on one draft exchanged for support on another."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest

from sim.model.commands import HoldConsultations
from sim.model.diplomacy import rival_id
from sim.model.engine import Engine
from sim.model.play import default_agents, play_month
from sim.model.trades import TradeVotes, trade_for
from sim.model.view import WorldView
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario

SYRIA = Path(__file__).resolve().parents[2] / "scenarios" / "syria_2011.toml"
DRAFT = "s2011-612"
RIVAL = rival_id(DRAFT, "RUS")


@pytest.fixture(scope="module")
def rival_tabled() -> Engine:
    """Syria, seed 1, month 2: Russia has threatened its veto and tabled a rival text; a traded
    vote is worth 20 units of capital (200 points to a permanent member)."""
    world = build_world(load_scenario(SYRIA), 1)
    world.coefficients = dataclasses.replace(world.coefficients, vote_trade_value=20.0)
    engine = Engine(world)
    agents = default_agents(engine)
    play_month(engine, agents)
    view = WorldView(world)
    for agent in agents:  # month 2, up to Russia's rival text
        for command in agent.open_month(view):
            if not engine.check(command):
                engine.submit(command)
    for _ in range(world.coefficients.consultation_rounds):
        for agent in agents:
            for command in agent.consult(view):
                if not engine.check(command):
                    engine.submit(command)
            if RIVAL in world.drafts:
                return engine
        for draft in sorted(world.drafts):
            engine.submit(HoldConsultations(draft))
    raise AssertionError("Russia tabled no rival text in month 2")


def _copy(engine: Engine) -> Engine:
    return Engine(copy.deepcopy(engine.world))


def _gap(view: WorldView, draft: str, member: str) -> int:
    ballot, _ = view.forecast(view._world.drafts[draft])
    i = ballot.voters.index(member)
    return int(ballot.no_below[i] - ballot.totals[i])  # what lifts a veto to an abstention


def _total(view: WorldView, draft: str, member: str) -> int:
    return view.forecast(view._world.drafts[draft])[0].stance(member).total


def test_a_trade_credits_each_penholder_with_the_others_vote_on_both_drafts(
    rival_tabled: Engine,
) -> None:
    engine = _copy(rival_tabled)
    view = WorldView(engine.world)
    trade = TradeVotes("GBR", DRAFT, "RUS", RIVAL)
    assert engine.check(trade) == []
    russia, britain = _total(view, DRAFT, "RUS"), _total(view, RIVAL, "GBR")
    engine.submit(trade)
    # 20 units × side_payment_value 0.04 × a permanent member's share 0.25 = 0.200.
    assert _total(view, DRAFT, "RUS") == russia + 200
    assert _total(view, RIVAL, "GBR") == britain + 200
    drafts = engine.world.drafts
    assert drafts[DRAFT].trades == {"RUS": RIVAL} and drafts[RIVAL].trades == {"GBR": DRAFT}
    assert "trade votes" in engine.world.events[-1].text
    assert engine.check(trade) == ["GBR and RUS have traded votes on these drafts"]


def test_only_the_two_penholders_may_trade_and_only_with_a_seat_on_each_others_body(
    rival_tabled: Engine,
) -> None:
    engine = rival_tabled
    assert "CHN does not hold the pen on " + RIVAL in engine.check(
        TradeVotes("GBR", DRAFT, "CHN", RIVAL)
    )
    assert "FRA does not hold the pen on " + DRAFT in engine.check(
        TradeVotes("FRA", DRAFT, "RUS", RIVAL)
    )
    assert "a seat cannot trade votes with itself" in engine.check(
        TradeVotes("GBR", DRAFT, "GBR", DRAFT)
    )


def test_the_ai_penholder_trades_only_a_vote_it_would_cast_for_a_vote_that_moves_the_other(
    rival_tabled: Engine,
) -> None:
    engine = _copy(rival_tabled)
    world = engine.world
    view = WorldView(world)
    gap = _gap(view, DRAFT, "RUS")
    assert 0 < gap <= 200  # Russia's veto can be traded away at 200 points
    # Britain backs Russia's text already: its vote is no concession.
    assert view.forecast(world.drafts[RIVAL])[0].stance("GBR").choice == "yes"
    assert trade_for(view, "GBR", DRAFT, "RUS", gap) is None
    # Private doubts about Russia's text that the trade's 200 points overcome: a trade.
    britain = _total(view, RIVAL, "GBR")
    world.drafts[RIVAL].private["GBR"] = world.drafts[RIVAL].private.get("GBR", 0) - britain
    assert view.forecast(world.drafts[RIVAL])[0].stance("GBR").choice == "abstain"
    assert trade_for(view, "GBR", DRAFT, "RUS", gap) == TradeVotes("GBR", DRAFT, "RUS", RIVAL)
    # Doubts too deep for the trade: Britain would not cast the vote it promised.
    world.drafts[RIVAL].private["GBR"] -= 200
    assert trade_for(view, "GBR", DRAFT, "RUS", gap) is None
    # And a vote that does not move Russia far enough is not offered.
    world.drafts[RIVAL].private["GBR"] += 200
    assert trade_for(view, "GBR", DRAFT, "RUS", 201) is None
