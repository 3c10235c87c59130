"""Seats without the pen decide things that matter: amendments, withdrawals, endorsements."""

from __future__ import annotations

from sim.model.commands import TableDraft
from sim.model.engine import Engine
from sim.model.forces import spare
from sim.model.initiatives import (
    ProposeAmendment,
    PutToEndorsement,
    WithdrawContingent,
    amendment_verdict,
)
from sim.model.operations import PledgeTroops
from sim.model.play import default_agents, play
from sim.model.seats import roles, seat_options
from sim.model.session import Session


def test_every_seat_can_be_chosen_and_says_what_it_decides(engine: Engine) -> None:
    world = engine.world
    options = {o.id: o for o in seat_options(world)}
    council = world.bodies[world.council]
    assert set(council.members) <= set(options)
    assert set(world.contributors) <= set(options)
    assert set(world.regional) <= set(options)
    assert "veto" in options["CAL"].description and roles(world, "CAL") == ("permanent",)
    assert "contributor" in roles(world, "GAL") and "pledge" in options["GAL"].description
    assert options["cu"].roles == ("chair",) and "bridging force" in options["cu"].description
    # A contributor or chair held by a person is no longer played by the AI.
    session = Session(engine, default_agents(engine), players=("GAL", "cu"))
    assert not {"GAL", "cu"} & {a.actor for a in session.agents}


def test_the_penholder_accepts_an_amendment_only_when_it_loses_nothing(engine: Engine) -> None:
    engine.submit(TableDraft("ARN", "kalvaria-1"))
    draft = engine.world.drafts["kalvaria-1"]
    softer = draft.clauses.changed(referral=False)
    accepted, why = amendment_verdict(engine.world, draft, softer)
    assert accepted, why
    events = engine.submit(ProposeAmendment("FEN", "kalvaria-1", softer))
    assert "accepts" in events[0].text and draft.clauses == softer and draft.version == 2
    gutted = softer.changed(
        chapter="VI", tasks=(), troop_ceiling=0, police_ceiling=0, sanctions=(), demands=()
    )
    accepted, why = amendment_verdict(engine.world, draft, gutted)
    assert not accepted
    events = engine.submit(ProposeAmendment("FEN", "kalvaria-1", gutted))
    assert "declines" in events[0].text and why in events[0].text and draft.clauses == softer
    assert engine.check(ProposeAmendment("ARN", "kalvaria-1", gutted)), "the penholder amends"


def test_a_chair_puts_the_draft_to_its_body_once(engine: Engine) -> None:
    engine.submit(TableDraft("ARN", "kalvaria-1"))
    events = engine.submit(PutToEndorsement("cu", "kalvaria-1"))
    assert "chair" in events[0].text
    assert "cu" in engine.world.drafts["kalvaria-1"].endorsements
    assert engine.check(PutToEndorsement("cu", "kalvaria-1"))


def test_a_contributor_pledges_within_its_means_and_withdraws(engine: Engine) -> None:
    play(engine, default_agents(engine), months=6)
    world = engine.world
    mission = next(m for m in world.missions if any(c.contributor == "GAL" for c in m.contingents))
    too_many = PledgeTroops("GAL", mission.id, "troops", spare(world, "GAL", "troops") + 1)
    assert any("to spare" in r for r in engine.check(too_many))
    events = engine.submit(WithdrawContingent("GAL", mission.id, "troops"))
    assert "withdraws" in events[0].text
    assert mission.contingent("GAL", "troops").withdrawing
    assert engine.check(WithdrawContingent("GAL", mission.id, "troops"))
    assert engine.check(WithdrawContingent("FEN", mission.id, "troops"))
