"""A read-only view of the world for agents (and, later, screens).

Agents decide from what the view tells them and answer with commands; they never touch the world.
The view hands out copies or immutable values only.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from sim.model.drafts import Clauses, Draft, DraftTemplate
from sim.model.explain import POINTS_PER_UNIT
from sim.model.stance import (
    Ballot,
    IntArray,
    ballot,
    candidate_totals,
    policy_points,
    thresholds,
)
from sim.model.voting import Tally, VotingBody
from sim.model.world import World


class WorldView:
    """Questions an agent may ask about the world."""

    def __init__(self, world: World) -> None:
        self._world = world

    @property
    def month(self) -> int:
        """The month being played (1-based)."""
        return self._world.month

    def body(self, body_id: str) -> VotingBody:
        """A voting body (immutable)."""
        return self._world.bodies[body_id]

    def drafts(self) -> list[Draft]:
        """Drafts under consultation, in id order (treat as read-only)."""
        return [self._world.drafts[k] for k in sorted(self._world.drafts)]

    def side_payment_points(self) -> float:
        """Points of support one unit of political capital buys as a side payment."""
        return self._world.coefficients.side_payment_value * POINTS_PER_UNIT

    def lobby_cost(self) -> float:
        """Political capital one lobbying démarche costs."""
        return self._world.coefficients.lobby_cost

    def draft_in(self, body_id: str) -> Draft | None:
        """The draft before a body (treat as read-only)."""
        return self._world.draft_in(body_id)

    def due_templates(self, penholder: str) -> list[DraftTemplate]:
        """Prepared drafts of ``penholder`` that may be tabled now, in scenario order."""
        w = self._world
        return [
            t
            for t in w.templates
            if t.penholder == penholder and t.id not in w.tabled and t.month <= w.month
        ]

    def template(self, draft_id: str) -> DraftTemplate:
        """The draft as the scenario prepared it."""
        return next(t for t in self._world.templates if t.id == draft_id)

    def in_force(self, penholder: str, body_id: str) -> bool:
        """True while a resolution ``penholder`` drafted in ``body_id`` is in force."""
        w = self._world
        drafted = {t.id for t in w.templates if t.penholder == penholder and t.body == body_id}
        return any(r.draft in drafted for r in w.resolutions_in_force())

    def capital(self, actor: str) -> float:
        """Political capital an actor has left."""
        return float(self._world.states.capital[self._world.states.index[actor]])

    def theatre_organizations(self) -> tuple[str, ...]:
        """Regional organizations with standing in the theatre."""
        return self._world.theatre.organizations

    def forecast(self, draft: Draft) -> tuple[Ballot, Tally]:
        """How the draft's body would vote now, with every factor."""
        result = ballot(
            self._world, draft.body, draft.clauses, draft.penholder, draft.side_payments,
            draft.endorsements,
        )  # fmt: skip
        return result, self._world.bodies[draft.body].tally(result.choices())

    def organization_forecast(self, org_id: str, draft: Draft) -> Tally:
        """How a regional organization's body would decide on endorsing the draft now."""
        org = self._world.organizations[org_id]
        result = ballot(self._world, org.body, draft.clauses, draft.penholder, draft.side_payments)
        return self._world.bodies[org.body].tally(result.choices())

    def candidate_outcomes(
        self, draft: Draft, candidates: Sequence[Clauses]
    ) -> tuple[IntArray, IntArray, IntArray]:
        """For each candidate: passes (0/1), veto threats, yes votes — computed together."""
        w = self._world
        body = w.bodies[draft.body]
        voters = tuple(sorted(body.members))
        totals = candidate_totals(
            w, draft.body, candidates, draft.penholder, draft.side_payments, draft.endorsements
        )
        yes_above, no_below = thresholds(w, body, voters)
        yes = totals > yes_above[None, :]
        no = totals < no_below[None, :]
        weights = dict(zip(body.members, body.weights, strict=True))
        weight_row = np.array([weights[v] for v in voters])
        veto_row = np.array([v in body.veto for v in voters])
        threats = (no & veto_row[None, :]).sum(axis=1)
        passes = ((yes * weight_row[None, :]).sum(axis=1) >= body.quota) & (threats == 0)
        return passes.astype(np.int64), threats.astype(np.int64), yes.sum(axis=1)

    def own_utility(self, actor: str, candidates: Sequence[Clauses]) -> IntArray:
        """An actor's policy score (points) for each candidate against the status quo."""
        points: IntArray = policy_points(self._world, [actor], candidates)[:, 0, :].sum(axis=1)
        return points

    def issue_ids(self) -> tuple[str, ...]:
        """Issue dimension ids in order."""
        return self._world.issues.ids
