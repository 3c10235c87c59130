"""What would flip a vote: every change shown really moves the vote one step, and is the least of
its kind; a member's drift since the start is what lobbying and consultations moved."""

from __future__ import annotations

import copy

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sim.model.commands import AmendDraft, CallVote, HoldConsultations, Lobby, TableDraft
from sim.model.drafts import Draft
from sim.model.engine import Engine
from sim.model.explain import classify
from sim.model.flips import (
    CAPITAL_STEP,
    RANK,
    Flip,
    clause_options,
    drifts,
    target_of,
    vote_flips,
)
from sim.model.stance import ballot, draft_ballot
from sim.model.view import WorldView
from sim.model.voting import Choice
from sim.model.world import World
from sim.scenario.build import build_world
from sim.scenario.schema import ScenarioFile


def _tabled(engine: Engine) -> Draft:
    template = engine.world.templates[0]
    engine.submit(TableDraft(template.penholder, template.id))
    return engine.world.drafts[template.id]


def _total_after(world: World, draft: Draft, actor: str, flip: Flip) -> tuple[int, Choice]:
    """The member's total and choice with the flip's change made, computed from scratch."""
    clauses = flip.clauses or draft.clauses
    payments = dict(draft.side_payments)
    endorsements = dict(draft.endorsements)
    if flip.kind == "side_payment":
        payments[actor] = payments.get(actor, 0.0) + flip.amount
    if flip.kind == "endorsement":
        org = next(o for o in world.organizations.values() if o.name in flip.change)
        endorsements[org.id] = "refuses" not in flip.change
    result = ballot(
        world, draft.body, clauses, draft.penholder, payments, endorsements, draft.private
    )
    stance = result.stance(actor)
    return stance.total, stance.choice


def _check_flips(world: World, draft: Draft) -> int:
    """Every listed change moves its member's vote one step the right way; returns how many."""
    original = WorldView(world).original_clauses(draft)
    base = draft_ballot(world, draft)  # the truth, private reservations included
    checked = 0
    for actor, flips in vote_flips(world, draft, original).items():
        stance = base.stance(actor)
        assert flips.choice == stance.choice and flips.total == stance.total
        assert flips.target == target_of(stance.choice)
        assert classify(flips.total + flips.needed, stance.yes_above, stance.no_below) == (
            flips.target
        )
        up = stance.choice != "yes"
        assert [f.kind for f in flips.options].count("clause") <= 1
        for flip in flips.options:
            total, choice = _total_after(world, draft, actor, flip)
            assert (total, choice) == (flip.total, flip.choice)
            assert flip.shift == total - stance.total
            moved = RANK[choice] - RANK[stance.choice]
            assert moved > 0 if up else moved < 0
            assert flip.spare == abs(flip.shift) - abs(flips.needed) >= 0
            checked += 1
            if flip.kind == "clause":
                # No other single-clause change flips the member with a smaller shift.
                for _, clauses in clause_options(draft.clauses, original):
                    other = draft_ballot(world, draft, clauses=clauses).stance(actor)
                    step = RANK[other.choice] - RANK[stance.choice]
                    if (step > 0) if up else (step < 0):
                        assert abs(other.total - stance.total) >= abs(flip.shift)
            if flip.kind == "side_payment":
                less = Flip("side_payment", "", 0, 0, "yes", 0, amount=flip.amount - CAPITAL_STEP)
                if less.amount > 1e-9:
                    assert _total_after(world, draft, actor, less)[1] == stance.choice
    return checked


def test_every_change_shown_flips_the_vote_in_the_tutorial(engine: Engine) -> None:
    draft = _tabled(engine)
    assert _check_flips(engine.world, draft) >= 5
    flips = vote_flips(engine.world, draft)
    assert {f.kind for m in flips.values() for f in m.options} >= {"clause", "side_payment"}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), intensity=st.floats(0.0, 1.0))
def test_every_change_shown_flips_the_vote_in_random_worlds(
    tutorial: ScenarioFile, seed: int, intensity: float
) -> None:
    world = build_world(tutorial, 0)
    rng = np.random.default_rng(seed)
    table = world.states
    n, d = table.ideal.shape
    table.ideal[:] = rng.random((n, d))
    table.salience[:] = rng.random((n, d))
    table.relations[:] = rng.uniform(-1, 1, (n, n))
    table.domestic[:] = rng.uniform(-0.3, 0.3, n)
    world.theatre.intensity = intensity
    engine = Engine(world)
    draft = _tabled(engine)
    _check_flips(world, draft)


def test_a_players_flips_are_reckoned_on_its_estimate_not_on_the_truth(engine: Engine) -> None:
    """The profile screen must not reveal private reservations the player has not learnt: its
    flips start from the player's whip-count estimate, the omniscient explanation's from the
    truth."""
    draft = _tabled(engine)
    world = engine.world
    assert any(draft.private.values())
    player = next(m for m in sorted(world.bodies[draft.body].members) if m != draft.penholder)
    estimate = WorldView(world).seen_by(player).forecast(draft)[0]
    truth = draft_ballot(world, draft)
    seen = vote_flips(world, draft, observer=player)
    known = vote_flips(world, draft)
    assert {a: f.total for a, f in seen.items()} == dict(
        zip(estimate.voters, map(int, estimate.totals), strict=True)
    )
    assert {a: f.total for a, f in known.items()} == dict(
        zip(truth.voters, map(int, truth.totals), strict=True)
    )
    assert seen != known


def test_the_smallest_change_applied_as_an_amendment_flips_the_real_vote(
    tutorial: ScenarioFile,
) -> None:
    engine = Engine(build_world(tutorial, 7))
    draft = _tabled(engine)
    world = engine.world
    flips = vote_flips(world, draft, WorldView(world).original_clauses(draft))
    actor, clause = next(
        (a, f) for a, m in sorted(flips.items()) for f in m.options if f.kind == "clause"
    )
    before = flips[actor].choice
    assert clause.clauses is not None
    engine.submit(AmendDraft(draft.penholder, draft.id, clause.clauses, clause.change))
    engine.submit(CallVote(draft.penholder, draft.id))
    vote = world.votes[-1]
    assert vote.choices[actor] == clause.choice != before


def test_drift_is_zero_at_the_start_and_follows_lobbying(engine: Engine) -> None:
    world = engine.world
    draft = _tabled(engine)
    start = drifts(world, draft)
    assert all(not any(x for x in d.moved) and d.points == 0 for d in start.values())
    assert not world.start_ideal.flags.writeable
    lobbyist, target = draft.penholder, "CAL"
    dim = world.issues.ids[0]
    before = float(world.states.ideal[world.states.index[target], 0])
    engine.submit(Lobby(lobbyist, target, dim))
    after = float(world.states.ideal[world.states.index[target], 0])
    drift = drifts(world, draft)[target]
    assert drift.moved[0] == pytest.approx(after - before) != 0
    assert all(x == 0 for x in drift.moved[1:])
    now = ballot(world, draft.body, draft.clauses, draft.penholder).stance(target).total
    assert drift.points == now - start_total(world, draft, target) != 0


def start_total(world: World, draft: Draft, actor: str) -> int:
    """The member's total on the draft from its starting positions (recomputed independently)."""
    other = copy.deepcopy(world)
    other.states.ideal[:] = world.start_ideal
    return ballot(other, draft.body, draft.clauses, draft.penholder).stance(actor).total


def test_drift_after_consultations_says_how_the_member_would_have_voted(engine: Engine) -> None:
    world = engine.world
    draft = _tabled(engine)
    for _ in range(3):
        engine.submit(HoldConsultations(draft.id))
    moved = {a: d for a, d in drifts(world, draft).items() if any(abs(x) > 1e-9 for x in d.moved)}
    assert moved, "consultations move some members' positions"
    for actor, drift in moved.items():
        now = ballot(world, draft.body, draft.clauses, draft.penholder).stance(actor)
        then = start_total(world, draft, actor)
        assert drift.points == now.total - then
        assert drift.choice_at_start == classify(then, now.yes_above, now.no_below)
