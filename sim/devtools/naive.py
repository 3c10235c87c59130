"""The agents' forecasting step written as a naive per-agent Python loop, for benchmarks.

:class:`NaiveView` answers the same questions as :class:`sim.model.view.WorldView` — a body's
forecast on a draft, a regional organization's decision on endorsing it, the outcomes of many
candidate drafts, an actor's own utility — but one candidate, one voter and one dimension at a
time, with Python floats and lists instead of numpy arrays. It computes the same factors as
:mod:`sim.model.stance` with the same floating-point operations in the same order and rounds
each to whole points the same way (``round`` halves to even like ``np.rint``), so its answers are
*identical* to the vectorized view's, and a game played through either view has the same state
hash every month. ``tests/analysis/test_naive.py`` checks both.

The mapping of a draft's clauses to its position on the issue dimensions is shared with the
vectorized view (:meth:`sim.model.issues.IssueSpace.positions`, called once per draft set exactly
as :mod:`sim.model.stance` calls it): it is per draft, not per agent, and a hand-written
dot product can differ from the BLAS one in the last bit, which would make a score that lies
exactly on half a point round the other way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from sim.model.drafts import Clauses, Draft
from sim.model.explain import POINTS_PER_UNIT, classify
from sim.model.intel import private_points
from sim.model.legitimacy import (
    authorizes_force,
    caucus_values,
    coercive,
    deference,
    party_ties,
    pressure_on,
)
from sim.model.stance import FACTORS_AFTER_POLICY, Ballot, IntArray
from sim.model.view import WorldView
from sim.model.voting import Choice, Tally, VotingBody
from sim.model.world import World


def round_points(value: float) -> int:
    """A utility value in whole points, halves to even (as ``np.rint``)."""
    return round(value * POINTS_PER_UNIT)


def _thresholds(world: World, body: VotingBody, voters: Sequence[str]) -> tuple[int, list[int]]:
    """The yes threshold (the same for everybody) and each voter's no threshold, in points."""
    coef = world.coefficients
    abstain = int(round(coef.abstain_band * POINTS_PER_UNIT))
    veto = int(round(coef.veto_band * POINTS_PER_UNIT))
    return abstain, [-veto if v in body.veto else -abstain for v in voters]


def _positions(world: World, drafts: Sequence[Clauses]) -> list[list[float]]:
    positions: list[list[float]] = world.issues.positions(drafts).tolist()
    return positions


class _Voters:
    """The rows of some voters as Python lists, read from the world once per question."""

    def __init__(self, world: World, voters: Sequence[str]) -> None:
        table = world.states
        rows = [table.index[v] for v in voters]
        ideal = table.ideal.tolist()
        salience = table.salience.tolist()
        self.world = world
        self.voters = tuple(voters)
        self.rows = rows
        self.ideal = [ideal[r] for r in rows]
        self.salience = [salience[r] for r in rows]
        self.status_quo: list[float] = world.issues.status_quo.tolist()

    def policy_points(self, position: Sequence[float]) -> list[list[int]]:
        """Per voter, per dimension: salience × (gain over the status quo − distance), points."""
        status_quo = self.status_quo
        rows: list[list[int]] = []
        for i in range(len(self.voters)):
            ideal, salience = self.ideal[i], self.salience[i]
            points = []
            for d in range(len(status_quo)):
                gain = abs(ideal[d] - status_quo[d])
                dist = abs(ideal[d] - position[d])
                points.append(round_points(salience[d] * (gain - dist)))
            rows.append(points)
        return rows

    def context_points(
        self, penholder: str, side_payments: Mapping[str, float], endorsements: Mapping[str, bool]
    ) -> list[list[int]]:
        """Per voter: relation, side payment, regional, domestic and crisis factors, points."""
        world = self.world
        table = world.states
        coef = world.coefficients
        regard = table.relations[:, table.index[penholder]].tolist()
        domestic = table.domestic.tolist()
        concern = table.concern.tolist()
        intensity = world.theatre.intensity
        orgs = [(1.0 if endorsements[org_id] else -1.0, org_id) for org_id in sorted(endorsements)]
        rows: list[list[int]] = []
        for voter, row in zip(self.voters, self.rows, strict=True):
            relation = regard[row] * coef.relation_weight
            rate = coef.side_payment_value
            if voter in world.bodies[world.council].veto:
                rate *= coef.side_payment_permanent_share
            side = side_payments.get(voter, 0.0) * rate
            regional = 0.0
            for sign, org_id in orgs:
                regional += sign * float(deference(world, org_id, [voter])[0])
            regional *= coef.regional_weight
            crisis = intensity * concern[row] * coef.crisis_weight
            rows.append(
                [round_points(v) for v in (relation, side, regional, domestic[row], crisis)]
            )
        return rows

    def interest_points(self, clauses: Clauses) -> list[list[int]]:
        """Per voter: patron, sovereignty and precedent factors, points."""
        world = self.world
        coef = world.coefficients
        pressure = pressure_on(world, clauses)
        force = authorizes_force(clauses) and not world.theatre.host_consent
        rows: list[list[int]] = []
        for voter, row in zip(self.voters, self.rows, strict=True):
            ties = party_ties(world, [voter])
            patron = 0.0
            for party_id in sorted(pressure):
                if pressure[party_id] > 0.0:
                    patron += float(ties[party_id][0]) * pressure[party_id]
            non_interference = float(world.states.non_interference[row])
            sovereignty = -coef.sovereignty_weight * non_interference if force else 0.0
            precedent = 0.0
            if coercive(world, clauses):
                precedent = -coef.precedent_weight * world.precedent * non_interference
            values = (-coef.patron_weight * patron, sovereignty, precedent)
            rows.append([round_points(v) for v in values])
        return rows


class NaiveView(WorldView):
    """:class:`WorldView` with every forecast computed voter by voter in plain Python."""

    def _ballot(
        self,
        body_id: str,
        clauses: Clauses,
        penholder: str,
        side_payments: Mapping[str, float],
        endorsements: Mapping[str, bool],
        draft: Draft | None = None,
    ) -> tuple[Ballot, Tally]:
        w = self._world
        body = w.bodies[body_id]
        voters = tuple(sorted(body.members))
        table = _Voters(w, voters)
        policy = table.policy_points(_positions(w, [clauses])[0])
        context = table.context_points(penholder, side_payments, endorsements)
        interest = table.interest_points(clauses)
        private = private_points(draft, voters, self.observer)
        yes_above, no_below = _thresholds(w, body, voters)
        points: list[list[int]] = []
        choices: dict[str, Choice] = {}
        before: list[int] = []
        for i in range(len(voters)):
            row = policy[i] + context[i] + interest[i] + [private[i]]
            total = 0
            for p in row:
                total += p
            points.append(row)
            before.append(total)
        caucus = [round_points(v) for v in caucus_values(w, voters, before)]
        for i, voter in enumerate(voters):
            points[i].append(caucus[i])
            choices[voter] = classify(before[i] + caucus[i], yes_above, no_below[i])
        names = tuple(f"policy:{d}" for d in w.issues.ids) + FACTORS_AFTER_POLICY
        result = Ballot(
            voters,
            names,
            np.array(points, dtype=np.int64),
            np.full(len(voters), yes_above, dtype=np.int64),
            np.array(no_below, dtype=np.int64),
            tuple(v in body.veto for v in voters),
        )
        return result, body.tally(choices)

    def forecast(self, draft: Draft) -> tuple[Ballot, Tally]:
        """How the draft's body would vote now, with every factor."""
        return self._ballot(
            draft.body,
            draft.clauses,
            draft.penholder,
            draft.side_payments,
            draft.endorsements,
            draft,
        )

    def organization_forecast(self, org_id: str, draft: Draft) -> Tally:
        """How a regional organization's body would decide on endorsing the draft now."""
        org = self._world.organizations[org_id]
        return self._ballot(org.body, draft.clauses, draft.penholder, draft.side_payments, {})[1]

    def candidate_outcomes(
        self, draft: Draft, candidates: Sequence[Clauses]
    ) -> tuple[IntArray, IntArray, IntArray]:
        """For each candidate: passes (0/1), veto threats, yes votes — one voter at a time."""
        w = self._world
        body = w.bodies[draft.body]
        voters = tuple(sorted(body.members))
        weights = dict(zip(body.members, body.weights, strict=True))
        yes_above, no_below = _thresholds(w, body, voters)
        table = _Voters(w, voters)
        context = table.context_points(draft.penholder, draft.side_payments, draft.endorsements)
        private = private_points(draft, voters, self.observer)
        passes, threats, yes_votes = [], [], []
        for clauses, position in zip(candidates, _positions(w, candidates), strict=True):
            policy = table.policy_points(position)
            interest = table.interest_points(clauses)
            weight_yes = n_threats = n_yes = 0
            before: list[int] = []
            for i in range(len(voters)):
                total = 0
                for p in policy[i]:
                    total += p
                for p in interest[i]:
                    total += p
                for p in context[i]:
                    total += p
                before.append(total + private[i])
            caucus = [round_points(v) for v in caucus_values(w, voters, before)]
            for i, voter in enumerate(voters):
                total = before[i] + caucus[i]
                if total > yes_above:
                    weight_yes += weights[voter]
                    n_yes += 1
                if total < no_below[i] and voter in body.veto:
                    n_threats += 1
            passes.append(int(weight_yes >= body.quota and n_threats == 0))
            threats.append(n_threats)
            yes_votes.append(n_yes)
        return (
            np.array(passes, dtype=np.int64),
            np.array(threats, dtype=np.int64),
            np.array(yes_votes, dtype=np.int64),
        )

    def own_utility(self, actor: str, candidates: Sequence[Clauses]) -> IntArray:
        """An actor's policy score (points) for each candidate against the status quo."""
        table = _Voters(self._world, [actor])
        utilities = []
        for position in _positions(self._world, candidates):
            total = 0
            for p in table.policy_points(position)[0]:
                total += p
            utilities.append(total)
        return np.array(utilities, dtype=np.int64)
