"""What seats without the pen can do: propose amendments, withdraw contingents, put a draft to
a regional organization's body.

A penholder's commands are in :mod:`sim.model.commands`; these give the other seats decisions
that matter. An elected member's amendment is accepted by the (AI) penholder when it wins at
least as many votes without adding a veto threat, and still leaves the penholder better off than
the status quo — the same test the penholder applies to its own concessions. A contributor's
withdrawal sends its contingent home over the usual months. A regional chair may put the draft
before the Council to its own body, which decides by its own rule, as when a penholder asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from sim.model import forces
from sim.model.commands import endorsement_vote, not_finished, registered
from sim.model.drafts import Clauses, Draft
from sim.model.events import Event
from sim.model.intel import private_points
from sim.model.names import clauses_words, mission_name
from sim.model.stance import candidate_totals, policy_points, thresholds
from sim.model.world import PERSONNEL, World


def amendment_verdict(world: World, draft: Draft, clauses: Clauses) -> tuple[bool, str]:
    """Whether the penholder accepts ``clauses`` for ``draft``, and why (in words)."""
    body = world.bodies[draft.body]
    voters = tuple(sorted(body.members))
    # The penholder judges with what it knows of the members' private reservations.
    private = dict(zip(voters, private_points(draft, voters, draft.penholder), strict=True))
    totals = candidate_totals(
        world,
        draft.body,
        [draft.clauses, clauses],
        draft.penholder,
        draft.side_payments,
        draft.endorsements,
        private,
    )
    yes_above, no_below = thresholds(world, body, voters)
    yes = (totals > yes_above[None, :]).sum(axis=1)
    veto_row = np.array([v in body.veto for v in voters])
    threats = ((totals < no_below[None, :]) & veto_row[None, :]).sum(axis=1)
    own = policy_points(world, [draft.penholder], [clauses])[0, 0].sum()
    if int(own) <= 0:
        return False, f"{draft.penholder} would rather have no resolution than that text"
    if int(threats[1]) > int(threats[0]):
        return False, "it would add a veto threat"
    if int(yes[1]) < int(yes[0]):
        return False, f"it would cost votes ({int(yes[1])} yes instead of {int(yes[0])})"
    return True, f"it keeps {int(yes[1])} yes votes without a new veto threat"


@registered
@dataclass(frozen=True)
class ProposeAmendment:
    """A member of the draft's body proposes other clauses; the penholder accepts or declines."""

    kind: ClassVar[str] = "propose_amendment"
    actor: str
    draft: str
    clauses: Clauses

    def check(self, world: World) -> list[str]:
        reasons = not_finished(world)
        draft = world.drafts.get(self.draft)
        if draft is None:
            return reasons + [f"no draft {self.draft!r} is under consultation"]
        if self.actor not in world.bodies[draft.body].members:
            reasons.append(f"{self.actor} has no seat in {draft.body}")
        if self.actor == draft.penholder:
            reasons.append(f"{self.actor} holds the pen: it amends its draft itself")
        if draft.clauses == self.clauses:
            reasons.append("the amendment changes nothing")
        return reasons

    def apply(self, world: World) -> list[Event]:
        draft = world.drafts[self.draft]
        accepted, why = amendment_verdict(world, draft, self.clauses)
        if not accepted:
            text = f"{draft.penholder} declines {self.actor}'s amendment to {draft.id}: {why}."
            return [Event(world.month, "amendment_declined", text)]
        draft.clauses = self.clauses
        draft.version += 1
        draft.cast.clear()
        text = (
            f"{draft.penholder} accepts {self.actor}'s amendment to {draft.id} ({why}):"
            f" {clauses_words(world, self.clauses)}."
        )
        return [Event(world.month, "draft_amended", text)]

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.kind,
            "actor": self.actor,
            "draft": self.draft,
            "clauses": self.clauses.to_json(),
        }


@registered
@dataclass(frozen=True)
class WithdrawContingent:
    """A contributor brings its personnel of one kind home from a mission."""

    kind: ClassVar[str] = "withdraw_contingent"
    contributor: str
    mission: str
    personnel: str

    def check(self, world: World) -> list[str]:
        reasons = not_finished(world)
        mission = world.mission(self.mission)
        if self.personnel not in PERSONNEL:
            reasons.append(f"unknown kind of personnel {self.personnel!r}")
        if mission is None:
            return reasons + [f"no mission {self.mission!r}"]
        contingent = next(
            (
                c
                for c in mission.contingents
                if c.contributor == self.contributor and c.kind == self.personnel
            ),
            None,
        )
        if contingent is None or not (contingent.deployed or contingent.arriving):
            name = mission_name(world, self.mission)
            reasons.append(f"{self.contributor} has no {self.personnel} in {name}")
        elif contingent.withdrawing:
            reasons.append(f"{self.contributor}'s {self.personnel} are already leaving")
        return reasons

    def apply(self, world: World) -> list[Event]:
        mission = world.mission(self.mission)
        assert mission is not None
        contingent = mission.contingent(self.contributor, self.personnel)
        forces.start_withdrawal(world, contingent)
        name = mission_name(world, self.mission)
        text = f"{self.contributor} withdraws its {self.personnel} from {name}."
        return [Event(world.month, "withdrawal", text)]

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.kind,
            "contributor": self.contributor,
            "mission": self.mission,
            "personnel": self.personnel,
        }


@registered
@dataclass(frozen=True)
class PutToEndorsement:
    """A regional organization's chair puts the draft before the Council to its own body."""

    kind: ClassVar[str] = "put_to_endorsement"
    organization: str
    draft: str

    def check(self, world: World) -> list[str]:
        reasons = not_finished(world)
        if self.organization not in world.organizations:
            reasons.append(f"unknown regional organization {self.organization!r}")
        draft = world.drafts.get(self.draft)
        if draft is None:
            reasons.append(f"no draft {self.draft!r} is under consultation")
        elif self.organization in draft.endorsements:
            reasons.append(f"{self.organization} has already decided on {self.draft}")
        return reasons

    def apply(self, world: World) -> list[Event]:
        return [endorsement_vote(world, self.draft, self.organization, "At its chair's call: ")]

    def to_json(self) -> dict[str, Any]:
        return {"type": self.kind, "organization": self.organization, "draft": self.draft}
