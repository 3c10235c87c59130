"""Every decider explained: regional organizations and troop contributors, as votes are.

A regional organization decides by its own body's vote, in the same additive factors as the
Council's (:func:`sim.model.stance.ballot`): whether to *endorse* a draft (what
:class:`~sim.model.commands.RequestEndorsement` puts to it) and whether to *deploy* its bridging
force (what :class:`~sim.model.operations.DeployRegionalForce` puts to it, once the conditions of
:class:`~sim.model.agents.RegionalOrganization` hold). A troop contributor's pledge is explained
by :func:`sim.model.pledges.pledge_stance`; its withdrawal by the losses it accepts
(:func:`sim.model.forces.withdrawal_limit`, as the month's losses apply it).
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.model import forces
from sim.model.drafts import Draft
from sim.model.operations import bridging_clauses
from sim.model.pledges import PledgeStance, pledge_stance
from sim.model.stance import Ballot, ballot
from sim.model.voting import Tally
from sim.model.words import intensity_words, metric_value
from sim.model.world import PERSONNEL, World


@dataclass(frozen=True)
class BodyDecision:
    """An organization's decision by its body's vote: members' stances, the tally, and any
    condition that keeps the question from being put at all (``blocked``).

    ``action`` is ``endorse`` (``subject`` a draft id) or ``deploy`` (``subject`` the force).
    """

    organization: str
    action: str
    subject: str
    body: str
    ballot: Ballot
    tally: Tally
    blocked: tuple[str, ...] = ()

    @property
    def decided(self) -> bool:
        """True when the organization endorses (or deploys)."""
        return not self.blocked and self.tally.passed


def endorsement_decision(world: World, org_id: str, draft: Draft) -> BodyDecision:
    """How the organization's body would decide on endorsing ``draft`` now."""
    org = world.organizations[org_id]
    result = ballot(world, org.body, draft.clauses, draft.penholder, draft.side_payments)
    tally = world.bodies[org.body].tally(result.choices())
    return BodyDecision(org_id, "endorse", draft.id, org.body, result, tally)


def deployment_decision(world: World, org_id: str) -> BodyDecision | None:
    """How the organization would decide on deploying its bridging force now (None when it has
    no force to deploy). The conditions are the regional organization's: intensity above its
    threshold, no force of its own already there, no UN troops on the ground, host consent."""
    capacity = world.regional.get(org_id)
    if capacity is None:
        return None
    org = world.organizations[org_id]
    blocked: list[str] = []
    intensity = world.theatre.intensity
    if intensity <= capacity.deploy_above:
        blocked.append(
            f"the fighting, at {intensity_words(intensity)}, is not above its threshold of"
            f" {metric_value('intensity', capacity.deploy_above)}"
        )
    if any(m.authority == org_id and m.active for m in world.missions):
        blocked.append("its own force is already in the theatre")
    if any(m.kind != "regional" and m.strength("troops") > 0 for m in world.active_missions()):
        blocked.append("UN troops are on the ground")
    if not world.theatre.host_consent:
        blocked.append("the host government does not consent to deployments")
    result = ballot(world, org.body, bridging_clauses(world, org_id), capacity.lead)
    tally = world.bodies[org.body].tally(result.choices())
    force = f"a bridging force of {capacity.bridging_troops:,} led by {capacity.lead}"
    return BodyDecision(org_id, "deploy", force, org.body, result, tally, tuple(blocked))


@dataclass(frozen=True)
class Withdrawal:
    """A contingent's losses against the losses its contributor accepts before leaving."""

    contributor: str
    mission: str
    kind: str
    fatalities: int
    limit: float
    withdrawing: bool


def pledge_stances(world: World, contributor_id: str) -> list[PledgeStance]:
    """The contributor's stance on every mission that takes pledges now."""
    return [
        pledge_stance(world, contributor_id, m)
        for m in world.active_missions()
        if m.kind != "regional" and not m.withdrawing
    ]


def withdrawals(world: World, contributor_id: str) -> list[Withdrawal]:
    """Each of the contributor's contingents with its losses and the limit that makes it leave."""
    profile = world.contributors.get(contributor_id)
    tolerance = profile.casualty_tolerance if profile else forces.DEFAULT_TOLERANCE
    limit = forces.withdrawal_limit(world.coefficients.withdrawal_fatalities, tolerance)
    return [
        Withdrawal(contributor_id, m.id, c.kind, c.fatalities, limit, c.withdrawing)
        for m in world.active_missions()
        for c in m.contingents
        if c.contributor == contributor_id and c.kind in PERSONNEL
    ]
