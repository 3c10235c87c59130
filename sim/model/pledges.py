"""Why a troop contributor pledges: additive factors in whole points against a threshold.

The same form as a vote (:mod:`sim.model.explain`): a contributor's willingness to send personnel
to a mission is the sum of named factors, each in points (thousandths of a utility unit):

- ``reimbursement`` — ``reimbursement_weight`` × its interest in UN reimbursement;
- ``proximity`` — ``proximity_weight`` when it belongs to a regional organization of the theatre;
- ``host_relation`` — ``relation_weight`` × its relation to the theatre's host state;
- ``risk`` — minus ``risk_weight`` × intensity × (1 − its casualty tolerance).

It pledges when the total exceeds ``pledge_threshold`` and nothing rules the mission out: a task
it has a caveat against, the host's consent withdrawn, the mission or its own contingent there
withdrawing. :func:`sim.model.forces.pledge_size` decides on exactly this record, so the
explanation can never tell a different story than the pledge.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sim.model.explain import POINTS_PER_UNIT, Factor
from sim.model.names import mission_name
from sim.model.words import task_words
from sim.model.world import Mission, World

PLEDGE_FACTORS = ("reimbursement", "proximity", "host_relation", "risk")


@dataclass(frozen=True)
class PledgeStance:
    """A contributor's factors for a mission, their total, the threshold and what rules it out.

    ``score`` is the unrounded willingness (0 when ruled out, never below 0): a willing
    contributor pledges ``pledge_rate`` × ``score`` × its spare capacity.
    """

    contributor: str
    mission: str
    factors: tuple[Factor, ...]
    total: int
    threshold: int
    blocked: tuple[str, ...]
    score: float

    @property
    def pledges(self) -> bool:
        """True when the contributor is willing to pledge to the mission now."""
        return not self.blocked and self.total > self.threshold

    def to_json(self) -> dict[str, object]:
        """Factors in utility units with the total, threshold and reasons it is ruled out."""
        return {
            "factors": {f.name: f.value for f in self.factors},
            "total": self.total / POINTS_PER_UNIT,
            "pledges_above": self.threshold / POINTS_PER_UNIT,
            "ruled_out_by": list(self.blocked),
            "pledges": self.pledges,
        }


def _points(value: float) -> int:
    return int(np.rint(value * POINTS_PER_UNIT))


def pledge_stance(world: World, contributor_id: str, mission: Mission) -> PledgeStance:
    """Why ``contributor_id`` would, or would not, pledge personnel to ``mission`` now."""
    coef = world.coefficients
    contributor = world.contributors[contributor_id]
    theatre = world.theatre
    regional = any(
        contributor_id in world.organizations[org].members for org in theatre.organizations
    )
    relation = 0.0
    if theatre.host_state:
        table = world.states
        relation = float(
            table.relations[table.index[contributor_id], table.index[theatre.host_state]]
        )
    risk = theatre.intensity * (1.0 - contributor.casualty_tolerance)
    values = (
        coef.reimbursement_weight * contributor.reimbursement,
        coef.proximity_weight if regional else 0.0,
        coef.relation_weight * relation,
        -coef.risk_weight * risk,
    )
    factors = tuple(Factor(n, _points(v)) for n, v in zip(PLEDGE_FACTORS, values, strict=True))
    blocked = [
        f"a caveat against {task_words(task)}"
        for task in sorted(set(contributor.caveats) & set(mission.tasks))
    ]
    name = mission_name(world, mission.id)
    if mission.kind == "national":
        blocked.append(
            f"{name} is a force under national command: it takes only what its states committed"
        )
    if not theatre.host_consent:
        blocked.append("the host government's consent is withdrawn")
    if mission.withdrawing:
        blocked.append(f"{name} is withdrawing")
    if any(c.withdrawing for c in mission.contingents if c.contributor == contributor_id):
        blocked.append(f"its own contingent is leaving {name}")
    score = 0.0 if blocked else max(0.0, sum(values))
    return PledgeStance(
        contributor_id,
        mission.id,
        factors,
        sum(f.points for f in factors),
        _points(coef.pledge_threshold),
        tuple(blocked),
        score,
    )
