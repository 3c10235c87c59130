"""Commands on the ground: pledges of troops, regional bridging forces, host consent."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from sim.model import forces
from sim.model.commands import registered
from sim.model.drafts import Clauses
from sim.model.events import Event
from sim.model.names import mission_name, sentence
from sim.model.stance import ballot
from sim.model.triggers import withdraw_consent
from sim.model.words import personnel
from sim.model.world import PERSONNEL, World


def bridging_clauses(world: World, organization: str) -> Clauses:
    """The deployment a regional organization's body votes on: its bridging force, for a year."""
    capacity = world.regional[organization]
    return Clauses(
        chapter="VII",
        tasks=("protection_of_civilians",),
        troop_ceiling=capacity.bridging_troops,
        duration=12,
    )


@registered
@dataclass(frozen=True)
class PledgeTroops:
    """A contributor commits personnel to a mission; they arrive after its lag."""

    kind: ClassVar[str] = "pledge"
    contributor: str
    mission: str
    personnel: str
    size: int

    def check(self, world: World) -> list[str]:
        reasons = ["the game has ended"] if world.finished else []
        mission = world.mission(self.mission)
        if self.contributor not in world.contributors:
            reasons.append(f"{self.contributor} is not a troop contributor")
        if self.personnel not in PERSONNEL:
            reasons.append(f"unknown kind of personnel {self.personnel!r}")
        if mission is None or mission.withdrawing:
            reasons.append(f"no mission {self.mission!r} is recruiting")
        if reasons or mission is None:
            return reasons
        if not world.theatre.host_consent:
            reasons.append("the host government does not consent to deployments")
        if mission.kind == "national" and self.contributor not in mission.authorized:
            name = mission_name(world, self.mission)
            reasons.append(f"{sentence(name)} is under national command of its own states")
        if self.size <= 0:
            reasons.append("a pledge must be positive")
        elif self.size > forces.gap(mission, self.personnel):
            name = mission_name(world, self.mission)
            reasons.append(f"the pledge exceeds what {name} still needs")
        elif self.size > forces.spare(world, self.contributor, self.personnel):
            reasons.append(f"{self.contributor} has not that many {self.personnel} to spare")
        return reasons

    def apply(self, world: World) -> list[Event]:
        mission = world.mission(self.mission)
        assert mission is not None
        month = forces.schedule_pledge(world, mission, self.contributor, self.personnel, self.size)
        text = (
            f"{self.contributor} pledges {personnel(self.size, self.personnel)} to"
            f" {mission_name(world, self.mission)},"
            f" expected in month {month}."
        )
        return [Event(world.month, "pledge", text)]

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.kind,
            "contributor": self.contributor,
            "mission": self.mission,
            "personnel": self.personnel,
            "size": self.size,
        }


@registered
@dataclass(frozen=True)
class DeployRegionalForce:
    """A regional organization decides, by its own body's rule, to deploy its bridging force."""

    kind: ClassVar[str] = "deploy_regional"
    organization: str

    def check(self, world: World) -> list[str]:
        reasons = ["the game has ended"] if world.finished else []
        if self.organization not in world.regional:
            return reasons + [f"{self.organization!r} has no force to deploy"]
        if any(
            m.kind == "regional" and m.authority == self.organization and not m.withdrawing
            for m in world.missions
        ):
            reasons.append(f"{self.organization} already has a force in the theatre")
        if not world.theatre.host_consent:
            reasons.append("the host government does not consent to deployments")
        return reasons

    def apply(self, world: World) -> list[Event]:
        org = world.organizations[self.organization]
        capacity = world.regional[self.organization]
        clauses = bridging_clauses(world, self.organization)
        result = ballot(world, org.body, clauses, capacity.lead)
        tally = world.bodies[org.body].tally(result.choices())
        if not tally.passed:
            text = f"The {org.name} decides against deploying a force ({tally.counts()})."
            return [Event(world.month, "regional_decision", text)]
        mission_id = f"{self.organization}-force-{world.month}"
        mission = forces.create_mission(world, mission_id, clauses, "regional", self.organization)
        mission.contingent(capacity.lead, "troops").arriving.append(
            (world.month + 1, capacity.bridging_troops)
        )
        text = (
            f"The {org.name} deploys a bridging force of {capacity.bridging_troops:,}"
            f" ({tally.counts()}) and asks the Security Council for a mandate and a UN mission"
            " to take it over."
        )
        return [Event(world.month, "regional_force", text)]

    def to_json(self) -> dict[str, Any]:
        return {"type": self.kind, "organization": self.organization}


@registered
@dataclass(frozen=True)
class WithdrawConsent:
    """The host government withdraws its consent: UN and hybrid missions must leave."""

    kind: ClassVar[str] = "withdraw_consent"
    party: str

    def check(self, world: World) -> list[str]:
        reasons = ["the game has ended"] if world.finished else []
        if self.party != world.theatre.host:
            reasons.append(f"{self.party} is not the host government")
        if not world.theatre.host_consent:
            reasons.append("consent has already been withdrawn")
        return reasons

    def apply(self, world: World) -> list[Event]:
        name = world.theatre.party(self.party).name
        return withdraw_consent(world, f"{name} withdraws its consent to foreign missions.")

    def to_json(self) -> dict[str, Any]:
        return {"type": self.kind, "party": self.party}


def host_grievance(world: World) -> float:
    """How aggrieved the host government is by what the Council imposes on it.

    Chapter VII missions on its soil, sanctions that target it and a referral to the ICC each add
    their coefficient; the host withdraws consent when the sum reaches its tolerance.
    """
    coef = world.coefficients
    host = world.theatre.host
    grievance = 0.0
    if any(
        m.kind != "regional" and m.chapter == "VII" and not m.withdrawing for m in world.missions
    ):
        grievance += coef.grievance_chapter_vii
    if any(e.target == host and not e.ended for e in world.sanctions):
        grievance += coef.grievance_sanctions
    if any(r.clauses.referral for r in world.resolutions):
        grievance += coef.grievance_referral
    return grievance
