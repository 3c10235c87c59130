"""The month loop: which seat acts when, with every action submitted as a command.

A month is: penholders may table drafts; ``consultation_rounds`` rounds in which each agent acts
and then consultations move positions on every draft under consultation; penholders may call
votes; the month ends (theatre, expiry, endings). Agents act in id order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sim.model.commands import Command, HoldConsultations
from sim.model.engine import Engine
from sim.model.hashing import state_hash
from sim.model.month import EndMonth
from sim.model.profiles import AGENT_PROFILES
from sim.model.profiles import Agent as Agent  # where callers have always found it
from sim.model.view import WorldView
from sim.model.world import World


def default_agents(engine: Engine, historical: bool = False) -> list[Agent]:
    """AI for every seat that decides something: each profile of
    :data:`~sim.model.profiles.AGENT_PROFILES` in turn, each seating its agents in id order.

    Members of the bodies drafts go to (they speak first in each round, so a penholder hears
    their red lines and asks before it acts — in a desktop game the player, who acts after the AI
    seats, hears them in the same order), penholders of prepared drafts (with ``historical``,
    penholders that table each draft as written in its month), regional organizations with a
    bridging force, troop contributors, the host government, and the mediator where the parties
    have settlement positions.
    """
    return [
        a for profile in AGENT_PROFILES.values() for a in profile.seat(engine.world, historical)
    ]


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
