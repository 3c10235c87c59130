"""Why an actor votes as it does: additive factors, summed and compared with thresholds.

Every vote is the sum of a short list of named factors, each in *points* (thousandths of a
utility unit, integers so that sums are exact):

- ``policy:<dimension>`` — salience × (distance of the status quo from the actor's ideal − distance
  of the draft from it), one factor per issue dimension (the spatial model);
- ``relation`` — relation to the penholder × ``relation_weight``;
- ``side_payment`` — concessions the actor was offered for this draft: political capital, or a
  vote on a draft of its own (:mod:`sim.model.trades`);
- ``regional`` — endorsement (+) or refusal (−) by regional organizations the actor belongs to;
- ``domestic`` — the actor's standing bias for or against Council action;
- ``crisis`` — crisis intensity × the actor's concern × ``crisis_weight``;
- ``patron``, ``sovereignty``, ``precedent`` — the interest and legitimacy channels of
  :mod:`sim.model.legitimacy` (and ``regional`` weighs with non-members through deference);
- ``private`` — the member's private reservation on the draft, known to others only as far as
  consultations, lobbying and statements have revealed it (:mod:`sim.model.intel`);
- ``caucus`` — ``caucus_weight`` × the mean total (before this factor) of the other members of
  the voter's caucuses in the body.

The choice is ``yes`` when the total exceeds the abstain band, ``no`` when it is below minus the
actor's no-band (the wider ``veto_band`` for veto holders: a veto has a reputational cost), and
``abstain`` in between. The same arrays serve one draft (with explanations) and many candidate
drafts at once (for the AI drafter), so the explanation can never tell a different story than the
vote.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from sim.model.drafts import Clauses, Draft
from sim.model.explain import POINTS_PER_UNIT, Factor, Stance, classify
from sim.model.intel import private_points
from sim.model.legitimacy import (
    INTEREST_FACTORS,
    caucus_values,
    interest_points,
    regional_points,
)
from sim.model.voting import Choice, VotingBody
from sim.model.world import World

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
CONTEXT_FACTORS = ("relation", "side_payment", "regional", "domestic", "crisis")
FACTORS_AFTER_POLICY = CONTEXT_FACTORS + INTEREST_FACTORS + ("private", "caucus")


def to_points(values: FloatArray) -> IntArray:
    """Round utility values to whole points (the model's resolution)."""
    points: IntArray = np.rint(values * POINTS_PER_UNIT).astype(np.int64)
    return points


@dataclass(frozen=True)
class Ballot:
    """What a body's members would do with a draft: factor points, totals, thresholds."""

    voters: tuple[str, ...]
    factor_names: tuple[str, ...]
    points: IntArray  # voters × factors
    yes_above: IntArray
    no_below: IntArray
    veto: tuple[bool, ...]

    @property
    def totals(self) -> IntArray:
        """Each voter's total score in points."""
        totals: IntArray = self.points.sum(axis=1)
        return totals

    def choices(self) -> dict[str, Choice]:
        """Each voter's choice."""
        totals = self.totals
        return {
            v: classify(int(totals[i]), int(self.yes_above[i]), int(self.no_below[i]))
            for i, v in enumerate(self.voters)
        }

    def stance(self, actor: str) -> Stance:
        """The full explanation of one voter's choice."""
        i = self.voters.index(actor)
        factors = tuple(
            Factor(name, int(p)) for name, p in zip(self.factor_names, self.points[i], strict=True)
        )
        total = int(self.totals[i])
        yes_above, no_below = int(self.yes_above[i]), int(self.no_below[i])
        return Stance(
            actor,
            factors,
            total,
            yes_above,
            no_below,
            classify(total, yes_above, no_below),
            self.veto[i],
        )


def thresholds(world: World, body: VotingBody, voters: Sequence[str]) -> tuple[IntArray, IntArray]:
    """Yes and no thresholds (points) of each voter in ``body``."""
    coef = world.coefficients
    abstain = int(round(coef.abstain_band * POINTS_PER_UNIT))
    veto = int(round(coef.veto_band * POINTS_PER_UNIT))
    yes_above = np.full(len(voters), abstain, dtype=np.int64)
    no_below = np.array([-veto if v in body.veto else -abstain for v in voters], dtype=np.int64)
    return yes_above, no_below


def side_payment_rates(world: World, voters: Sequence[str]) -> FloatArray:
    """Score one unit of political capital spent on a side deal buys from each voter.

    A permanent member of the Security Council counts only ``side_payment_permanent_share`` of
    it (Vreeland & Dreher 2014: aid for votes flows to elected members), so a veto is dear.
    """
    coef = world.coefficients
    permanent = world.bodies[world.council].veto
    share = coef.side_payment_permanent_share
    return np.array(
        [coef.side_payment_value * (share if v in permanent else 1.0) for v in voters],
        dtype=np.float64,
    )


def context_points(
    world: World,
    voters: Sequence[str],
    penholder: str,
    side_payments: Mapping[str, float],
    endorsements: Mapping[str, bool],
) -> IntArray:
    """The draft-independent factors (voters × CONTEXT_FACTORS), in points."""
    table = world.states
    rows = table.rows(voters)
    coef = world.coefficients
    relation = table.relations[rows, table.index[penholder]] * coef.relation_weight
    side = np.array([side_payments.get(v, 0.0) for v in voters]) * side_payment_rates(world, voters)
    regional = regional_points(world, voters, endorsements)
    domestic = table.domestic[rows]
    crisis = world.theatre.intensity * table.concern[rows] * coef.crisis_weight
    return to_points(np.stack([relation, side, regional, domestic, crisis], axis=1))


def policy_points(world: World, voters: Sequence[str], drafts: Sequence[Clauses]) -> IntArray:
    """Per-dimension policy factors for several drafts (drafts × voters × dimensions)."""
    table = world.states
    rows = table.rows(voters)
    ideal = table.ideal[rows]  # voters × dims
    salience = table.salience[rows]
    positions = world.issues.positions(drafts)  # drafts × dims
    gain_sq = np.abs(ideal - world.issues.status_quo)  # voters × dims
    dist = np.abs(ideal[None, :, :] - positions[:, None, :])
    return to_points(salience[None, :, :] * (gain_sq[None, :, :] - dist))


def draft_points(world: World, voters: Sequence[str], drafts: Sequence[Clauses]) -> IntArray:
    """Every draft-dependent factor: per-dimension policy, then the interest channels (patron,
    sovereignty, precedent), for several drafts (drafts × voters × (dimensions + 3))."""
    policy = policy_points(world, voters, drafts)
    interest = to_points(interest_points(world, voters, drafts))
    return np.concatenate([policy, interest], axis=2)


def ballot(
    world: World,
    body_id: str,
    clauses: Clauses,
    penholder: str,
    side_payments: Mapping[str, float] | None = None,
    endorsements: Mapping[str, bool] | None = None,
    private: Mapping[str, int] | None = None,
) -> Ballot:
    """How the members of ``body_id`` stand on one draft, with every factor.

    ``private`` holds each member's private reservation in points — true, or as an observer
    estimates it (see :mod:`sim.model.intel`); absent members count 0.
    """
    body = world.bodies[body_id]
    voters = tuple(sorted(body.members))
    policy = draft_points(world, voters, [clauses])[0]
    context = context_points(world, voters, penholder, side_payments or {}, endorsements or {})
    hidden = np.array([[(private or {}).get(v, 0)] for v in voters], dtype=np.int64)
    dims = len(world.issues.ids)
    names = tuple(f"policy:{d}" for d in world.issues.ids) + FACTORS_AFTER_POLICY
    yes_above, no_below = thresholds(world, body, voters)
    points = np.concatenate([policy[:, :dims], context, policy[:, dims:], hidden], axis=1)
    caucus = caucus_points(world, voters, points.sum(axis=1)[None, :])[0]
    return Ballot(
        voters,
        names,
        np.concatenate([points, caucus[:, None]], axis=1),
        yes_above,
        no_below,
        tuple(v in body.veto for v in voters),
    )


def caucus_points(world: World, voters: Sequence[str], totals: IntArray) -> IntArray:
    """The caucus factor in points (candidates × voters), from the totals before it."""
    out = np.zeros(totals.shape, dtype=np.int64)
    if not world.caucuses:
        return out
    for row in range(totals.shape[0]):
        values = caucus_values(world, voters, [int(t) for t in totals[row]])
        out[row] = [round(v * POINTS_PER_UNIT) for v in values]
    return out


def known_reservations(world: World, draft: Draft, observer: str | None) -> dict[str, int]:
    """Each member's private reservation on ``draft`` in points, as ``observer`` knows it
    (exact for ``None``): the ``private`` argument of :func:`ballot`."""
    voters = sorted(world.bodies[draft.body].members)
    return dict(zip(voters, private_points(draft, voters, observer), strict=True))


def draft_ballot(
    world: World, draft: Draft, observer: str | None = None, clauses: Clauses | None = None
) -> Ballot:
    """The ballot on a draft under consultation (or on other ``clauses`` for it), as
    ``observer`` sees it: exact for ``None`` (the omniscient view, and the vote itself)."""
    private = known_reservations(world, draft, observer)
    return ballot(
        world,
        draft.body,
        clauses or draft.clauses,
        draft.penholder,
        draft.side_payments,
        draft.endorsements,
        private,
    )


def candidate_totals(
    world: World,
    body_id: str,
    candidates: Sequence[Clauses],
    penholder: str,
    side_payments: Mapping[str, float] | None = None,
    endorsements: Mapping[str, bool] | None = None,
    private: Mapping[str, int] | None = None,
) -> IntArray:
    """Total points of every member for every candidate draft (candidates × voters).

    Equal, element for element, to ``ballot(...).totals`` for each candidate.
    """
    voters = tuple(sorted(world.bodies[body_id].members))
    policy = draft_points(world, voters, candidates).sum(axis=2)
    context = context_points(world, voters, penholder, side_payments or {}, endorsements or {})
    hidden = np.array([(private or {}).get(v, 0) for v in voters], dtype=np.int64)
    before: IntArray = policy + (context.sum(axis=1) + hidden)[None, :]
    totals: IntArray = before + caucus_points(world, voters, before)
    return totals
