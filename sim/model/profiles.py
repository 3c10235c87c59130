"""The AI behaviour profiles a game seats, as one registry.

Each entry names a behaviour class (one way of playing a seat; its docstring states its
assumptions and sources) and which seats of a world it plays. :func:`sim.model.play.default_agents`
seats every profile in registration order, which is the order agents act in each round: members
of the bodies drafts go to speak first, so a penholder hears their red lines before it acts.
A new profile is one entry here (and its class); a contract test holds every entry to being
deterministic and explained.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from sim.model.agents import (
    HistoricalPenholder,
    HostGovernment,
    PragmaticPenholder,
    RegionalOrganization,
    TroopContributor,
)
from sim.model.commands import Command
from sim.model.mediator import Mediator, mediator_agents
from sim.model.members import CouncilMember
from sim.model.registry import Registry
from sim.model.view import WorldView
from sim.model.world import World


class Agent(Protocol):
    """What the month loop asks of a seat's controller."""

    actor: str

    def open_month(self, view: WorldView) -> list[Command]:
        """Commands at the start of the month."""
        ...

    def consult(self, view: WorldView) -> list[Command]:
        """Commands in one consultation round."""
        ...

    def close_month(self, view: WorldView) -> list[Command]:
        """Commands before the month ends."""
        ...


@dataclass(frozen=True)
class AgentProfile:
    """A behaviour and the seats it plays: ``seat(world, historical)`` returns its agents for
    ``world`` (none where it has no seat), ``historical`` being ``mandate run --historical``."""

    name: str
    behaviour: type
    seat: Callable[[World, bool], list[Agent]]

    @property
    def meaning(self) -> str:
        """The first line of the behaviour's docstring."""
        return (self.behaviour.__doc__ or "").strip().splitlines()[0]


AGENT_PROFILES: Registry[AgentProfile] = Registry("agent profile")
"""Every behaviour profile, in the order its agents act."""


def _profile(name: str, behaviour: type, seat: Callable[[World, bool], list[Agent]]) -> None:
    AGENT_PROFILES.add(name, AgentProfile(name, behaviour, seat))


def seats_with_drafts(world: World) -> list[str]:
    """Members of every body some prepared draft goes to (and of the Council), in id order."""
    bodies = {t.body for t in world.templates} | {world.council}
    return sorted({m for b in bodies for m in world.bodies[b].members})


def penholders(world: World) -> list[str]:
    """Penholders of the scenario's prepared drafts, in id order."""
    return sorted({t.penholder for t in world.templates})


_profile(
    "council_member", CouncilMember, lambda w, h: [CouncilMember(m) for m in seats_with_drafts(w)]
)
_profile(
    "pragmatic_penholder",
    PragmaticPenholder,
    lambda w, h: [] if h else [PragmaticPenholder(a) for a in penholders(w)],
)
_profile(
    "historical_penholder",
    HistoricalPenholder,
    lambda w, h: [HistoricalPenholder(a) for a in penholders(w)] if h else [],
)
_profile(
    "regional_organization",
    RegionalOrganization,
    lambda w, h: [RegionalOrganization(o) for o in sorted(w.regional)],
)
_profile(
    "troop_contributor",
    TroopContributor,
    lambda w, h: [TroopContributor(c) for c in sorted(w.contributors)],
)
_profile("host_government", HostGovernment, lambda w, h: [HostGovernment(w.theatre.host)])
_profile("mediator", Mediator, lambda w, h: list(mediator_agents(w, h)))
