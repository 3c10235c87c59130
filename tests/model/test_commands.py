"""Commands: a check changes nothing and explains refusals; apply does what it says."""

from __future__ import annotations

import pytest

from sim.model.commands import (
    AmendDraft,
    CallVote,
    HoldConsultations,
    Lobby,
    OfferSidePayment,
    RequestEndorsement,
    TableDraft,
)
from sim.model.engine import CommandRejected, Engine
from sim.model.hashing import state_hash
from sim.model.month import EndMonth


def test_refused_commands_name_their_reasons_and_change_nothing(engine: Engine) -> None:
    before = state_hash(engine.world)
    refused = [
        TableDraft("CAL", "kalvaria-1"),  # not the penholder
        TableDraft("ARN", "kalvaria-2"),  # not before month 4
        TableDraft("ARN", "no-such-draft"),
        CallVote("ARN", "kalvaria-1"),  # not tabled yet
        Lobby("ARN", "ARN", "force"),
        Lobby("ARN", "CAL", "no-such-dimension"),
        OfferSidePayment("ARN", "kalvaria-1", "CAL", 1.0),
    ]
    for command in refused:
        reasons = engine.check(command)
        assert reasons, command
        with pytest.raises(CommandRejected) as info:
            engine.submit(command)
        assert info.value.reasons == reasons
    assert state_hash(engine.world) == before
    assert engine.log == []


def test_a_draft_goes_from_tabling_to_a_recorded_vote(engine: Engine) -> None:
    world = engine.world
    engine.submit(TableDraft("ARN", "kalvaria-1"))
    assert engine.check(TableDraft("ARN", "kalvaria-1"))  # cannot table twice
    draft = world.drafts["kalvaria-1"]
    weaker = draft.clauses.changed(chapter="VI", referral=False)
    engine.submit(AmendDraft("ARN", "kalvaria-1", weaker, "test"))
    assert world.drafts["kalvaria-1"].version == 2
    assert engine.check(AmendDraft("ARN", "kalvaria-1", weaker))  # changes nothing
    engine.submit(HoldConsultations("kalvaria-1"))
    engine.submit(CallVote("ARN", "kalvaria-1"))
    assert "kalvaria-1" not in world.drafts
    vote = world.votes[-1]
    assert vote.version == 2 and vote.clauses == weaker
    assert set(vote.choices) == set(world.bodies["unsc"].members)
    assert (len(world.resolutions) == 1) == vote.tally.passed


def test_lobbying_moves_the_target_toward_the_lobbyist_and_costs_capital(engine: Engine) -> None:
    t = engine.world.states
    arn, cal, force = t.index["ARN"], t.index["CAL"], engine.world.issues.index["force"]
    gap, capital = abs(t.ideal[arn, force] - t.ideal[cal, force]), t.capital[arn]
    engine.submit(Lobby("ARN", "CAL", "force"))
    assert abs(t.ideal[arn, force] - t.ideal[cal, force]) < gap
    assert t.capital[arn] == capital - engine.world.coefficients.lobby_cost


def test_side_payments_raise_the_recipients_score(engine: Engine) -> None:
    """2 units of capital at side_payment_value 0.04 buy an elected member 0.08 (80 points);
    a permanent member counts only side_payment_permanent_share (0.25) of it: 20 points."""
    from sim.model.stance import ballot

    engine.submit(TableDraft("ARN", "kalvaria-1"))
    draft = engine.world.drafts["kalvaria-1"]
    before = ballot(engine.world, "unsc", draft.clauses, "ARN")
    engine.submit(OfferSidePayment("ARN", "kalvaria-1", "FEN", 2.0))
    engine.submit(OfferSidePayment("ARN", "kalvaria-1", "CAL", 2.0))
    after = ballot(engine.world, "unsc", draft.clauses, "ARN", draft.side_payments)
    assert after.stance("FEN").total == before.stance("FEN").total + 80
    assert after.stance("CAL").total == before.stance("CAL").total + 20
    assert engine.check(OfferSidePayment("ARN", "kalvaria-1", "CAL", 100.0))


def test_regional_endorsement_is_decided_by_the_organizations_own_body(engine: Engine) -> None:
    engine.submit(TableDraft("ARN", "kalvaria-1"))
    engine.submit(RequestEndorsement("ARN", "kalvaria-1", "cu"))
    assert "cu" in engine.world.drafts["kalvaria-1"].endorsements
    assert engine.check(RequestEndorsement("ARN", "kalvaria-1", "cu"))  # decided already


def test_months_advance_and_the_game_refuses_commands_after_its_ending(engine: Engine) -> None:
    world = engine.world
    while not world.finished:
        engine.submit(EndMonth())
    assert world.outcome is not None and world.month <= world.months
    assert engine.check(EndMonth()) == ["the game has ended"]
