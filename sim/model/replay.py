"""Replay: apply a recorded command log to a fresh world, month by month.

A log is versioned JSON (never pickle): ``{"format": "mandate-log", "version": 1, "scenario": id,
"seed": n, "commands": [...]}``. Replaying it on the world built from the same scenario and seed
must reproduce the same state hash after every month.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

# The modules that define commands register them on import: importing them here makes every
# kind a log can name known to ``command_from_json``.
from sim.model import (  # noqa: F401
    ballots,
    caveats,
    diplomacy,
    initiatives,
    mediation,
    month,
    operations,
    teacher,
    trades,
)
from sim.model.commands import COMMAND_TYPES, Command, command_from_json
from sim.model.engine import CommandRejected, Engine
from sim.model.files import ID_PATTERN, printable
from sim.model.hashing import state_hash
from sim.model.month import EndMonth

__all__ = [
    "COMMAND_TYPES",
    "BadCommand",
    "Recording",
    "command_from_json",
    "commands_from_log",
    "log_to_json",
    "read_recording",
    "replay",
]

LOG_FORMAT = "mandate-log"
LOG_VERSION = 1


def log_to_json(engine: Engine, seed: int) -> dict[str, Any]:
    """The engine's command log as a versioned JSON document."""
    return {
        "format": LOG_FORMAT,
        "version": LOG_VERSION,
        "scenario": engine.world.scenario_id,
        "seed": seed,
        "commands": [c.to_json() for c in engine.log],
    }


MAX_COMMANDS = 1_000_000


class BadCommand(ValueError):
    """A command of a log or save that is malformed or may not apply, named by its index."""

    def __init__(self, index: int, kind: str, reason: str) -> None:
        super().__init__(f"command {index} ({printable(kind, 40)}): {printable(reason)}")
        self.index = index


class LogDocument(BaseModel):
    """A command log as a file holds it (the format; the commands are checked one by one)."""

    model_config = ConfigDict(strict=True, extra="forbid")
    format: Literal["mandate-log"]
    version: Literal[1]
    scenario: str = Field(pattern=ID_PATTERN)
    seed: int = Field(ge=0, le=2**63 - 1)
    commands: list[dict[str, Any]] = Field(max_length=MAX_COMMANDS)


@dataclass(frozen=True)
class Recording:
    """What ``mandate replay`` needs of a log or a save: scenario, seed and the commands."""

    what: str
    scenario: str
    seed: int
    commands: tuple[Command, ...]


def _commands(raw: Sequence[dict[str, Any]]) -> tuple[Command, ...]:
    commands = []
    for index, data in enumerate(raw):
        try:
            commands.append(command_from_json(data))
        except ValueError as exc:
            raise BadCommand(index, str(data.get("type", "?")), str(exc)) from None
    return tuple(commands)


def _format_error(exc: ValidationError, what: str) -> ValueError:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"]) or what
    return ValueError(f"{printable(where, 80)}: {str(error['msg']).lower()}")


def read_recording(data: object) -> Recording:
    """A command log, or a saved game (whose command log is replayed the same way); raises
    ValueError (a :class:`BadCommand` naming the command's index when one is at fault)."""
    if isinstance(data, dict) and data.get("format") == "mandate-save":
        from sim.model.saves import SaveError, from_json

        try:
            save = from_json(data)
        except SaveError as exc:
            raise ValueError(str(exc)) from None
        return Recording("saved game", save.scenario_id, save.seed, _commands(save.commands))
    if not isinstance(data, dict) or data.get("format") != LOG_FORMAT:
        raise ValueError("not a Mandate command log or saved game")
    if data.get("version") != LOG_VERSION:
        raise ValueError(f"unsupported log version {printable(repr(data.get('version')), 40)}")
    try:
        log = LogDocument.model_validate(data)
    except ValidationError as exc:
        raise _format_error(exc, "log") from None
    return Recording("command log", log.scenario, log.seed, _commands(log.commands))


def seed_from_log(data: object) -> int:
    """The seed a log was recorded with; raises ValueError unless it is a non-negative integer."""
    seed = data.get("seed") if isinstance(data, dict) else None
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError(f"the log's seed must be a non-negative integer, got {seed!r}")
    return seed


def commands_from_log(data: object) -> list[Command]:
    """The commands of a log document; raises ValueError for a wrong format or version."""
    if not isinstance(data, dict):
        raise ValueError("a command log is a JSON object")
    if data.get("format") != LOG_FORMAT:
        raise ValueError("not a Mandate command log")
    if data.get("version") != LOG_VERSION:
        raise ValueError(f"unsupported log version {data.get('version')!r}")
    commands = data.get("commands", [])
    if not isinstance(commands, list) or not all(isinstance(c, dict) for c in commands):
        raise ValueError("the log's commands must be a list of objects")
    return list(_commands(commands))


def replay(engine: Engine, commands: Sequence[Command]) -> list[str]:
    """Submit ``commands`` in order, each checked as a live one would be; returns the state hash
    after each month. Raises :class:`BadCommand` naming the first command that may not apply."""
    hashes: list[str] = []
    for index, command in enumerate(commands):
        try:
            engine.submit(command)
        except CommandRejected as exc:
            raise BadCommand(index, command.kind, "; ".join(exc.reasons)) from None
        if isinstance(command, EndMonth):
            hashes.append(state_hash(engine.world))
    return hashes
