"""The engine: checks and applies commands, keeps the command log.

Scenario + seed + command log = the game: replaying the log on a freshly built world reproduces
every state, which :func:`sim.model.hashing.state_hash` proves month by month.
"""

from __future__ import annotations

from sim.model.commands import Command
from sim.model.events import Event
from sim.model.world import World


class CommandRejected(Exception):
    """A command whose check found reasons it cannot be applied."""

    def __init__(self, command: Command, reasons: list[str]) -> None:
        super().__init__(f"{command.kind} rejected: {'; '.join(reasons)}")
        self.command = command
        self.reasons = reasons


class Engine:
    """Owns a world; every change goes through :meth:`submit`."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.log: list[Command] = []

    def check(self, command: Command) -> list[str]:
        """Dry run: the reasons ``command`` would be rejected (nothing changes)."""
        return command.check(self.world)

    def submit(self, command: Command) -> list[Event]:
        """Check, apply and log ``command``; raises :class:`CommandRejected` if it cannot apply."""
        reasons = command.check(self.world)
        if reasons:
            raise CommandRejected(command, reasons)
        events = command.apply(self.world)
        self.world.events.extend(events)
        self.log.append(command)
        return events
