"""Replay: apply a recorded command log to a fresh world, month by month.

A log is versioned JSON (never pickle): ``{"format": "mandate-log", "version": 1, "scenario": id,
"seed": n, "commands": [...]}``. Replaying it on the world built from the same scenario and seed
must reproduce the same state hash after every month.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# The modules that define commands register them on import: importing them here makes every
# kind a log can name known to ``command_from_json``.
from sim.model import mediation, month, operations  # noqa: F401
from sim.model.commands import COMMAND_TYPES, Command, command_from_json
from sim.model.engine import Engine
from sim.model.hashing import state_hash
from sim.model.month import EndMonth

__all__ = ["COMMAND_TYPES", "command_from_json", "commands_from_log", "log_to_json", "replay"]

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
    return [command_from_json(c) for c in commands]


def replay(engine: Engine, commands: Sequence[Command]) -> list[str]:
    """Submit ``commands`` in order; returns the state hash after each month."""
    hashes: list[str] = []
    for command in commands:
        engine.submit(command)
        if isinstance(command, EndMonth):
            hashes.append(state_hash(engine.world))
    return hashes
