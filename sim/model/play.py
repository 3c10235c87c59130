"""The month loop: which seat acts when, with every action submitted as a command.

A month is: penholders may table drafts; ``consultation_rounds`` rounds in which each agent acts
and then consultations move positions on every draft under consultation; penholders may call
votes; the month ends (theatre, expiry, endings). Agents act in id order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from sim.model.agents import (
    HistoricalPenholder,
    HostGovernment,
    PragmaticPenholder,
    RegionalOrganization,
    TroopContributor,
)
from sim.model.commands import Command, HoldConsultations
from sim.model.engine import Engine
from sim.model.hashing import state_hash
from sim.model.mediator import mediator_agents
from sim.model.members import CouncilMember
from sim.model.month import EndMonth
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


def default_agents(engine: Engine, historical: bool = False) -> list[Agent]:
    """AI for every seat that decides something, each group in id order.

    Members of the bodies drafts go to (they speak first in each round, so a penholder hears
    their red lines and asks before it acts — in a desktop game the player, who acts after the AI
    seats, hears them in the same order), penholders of prepared drafts (with ``historical``,
    penholders that table each draft as written in its month), regional organizations with a
    bridging force, troop contributors, the host government, and the mediator where the parties
    have settlement positions.
    """
    world = engine.world
    penholders = sorted({t.penholder for t in world.templates})
    profile = HistoricalPenholder if historical else PragmaticPenholder
    agents: list[Agent] = [CouncilMember(m) for m in _seats_with_drafts(world)]
    agents += [profile(a) for a in penholders]
    agents += [RegionalOrganization(o) for o in sorted(world.regional)]
    agents += [TroopContributor(c) for c in sorted(world.contributors)]
    agents.append(HostGovernment(world.theatre.host))
    agents += mediator_agents(world, historical)
    return agents


def _seats_with_drafts(world: World) -> list[str]:
    """Members of every body some prepared draft goes to, in id order."""
    bodies = {t.body for t in world.templates} | {world.council}
    return sorted({m for b in bodies for m in world.bodies[b].members})


def _submit_valid(engine: Engine, commands: Sequence[Command]) -> None:
    # An agent's plan may be overtaken by an earlier command this round; skip what no longer fits.
    for command in commands:
        if not engine.check(command):
            engine.submit(command)


ViewFactory = Callable[[World], WorldView]


def play_month(
    engine: Engine, agents: Sequence[Agent], view_factory: ViewFactory = WorldView
) -> None:
    """Play one month with the given agents (seeing the world through ``view_factory``)."""
    world = engine.world
    view = view_factory(world)
    for agent in agents:
        _submit_valid(engine, agent.open_month(view))
    for _ in range(world.coefficients.consultation_rounds):
        for agent in agents:
            _submit_valid(engine, agent.consult(view))
        for draft_id in sorted(world.drafts):
            engine.submit(HoldConsultations(draft_id))
    for agent in agents:
        _submit_valid(engine, agent.close_month(view))
    engine.submit(EndMonth())


def play_game(
    engine: Engine,
    agents: Sequence[Agent],
    months: int | None = None,
    on_month: Callable[[int], None] | None = None,
    view_factory: ViewFactory = WorldView,
) -> int:
    """Play until an ending (or ``months`` months); returns the number of months played.

    ``on_month`` is called with the month's number after each month.
    """
    played = 0
    while not engine.world.finished and (months is None or played < months):
        month = engine.world.month
        play_month(engine, agents, view_factory)
        played += 1
        if on_month is not None:
            on_month(month)
    return played


def play(
    engine: Engine,
    agents: Sequence[Agent],
    months: int | None = None,
    on_month: Callable[[int], None] | None = None,
    view_factory: ViewFactory = WorldView,
) -> list[str]:
    """Like :func:`play_game`, returning the state hash after each month (for replays)."""
    hashes: list[str] = []

    def record(month: int) -> None:
        hashes.append(state_hash(engine.world))
        if on_month is not None:
            on_month(month)

    play_game(engine, agents, months, record, view_factory)
    return hashes
