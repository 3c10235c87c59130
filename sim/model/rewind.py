"""Rewind and branch: a game back at the start of an earlier month, to play on another way.

Scenario + seed + command log = the game, so going back to month N is replaying a prefix of the
log: the save's commands are submitted again at the player's turns (the AI seats and the system
act again by themselves, identically) until the player's first turn of month N. The replayed log
must be a prefix of the saved one, so the branch at month N is the very game the original was
there — the same state hash. Playing on from there makes a *branch*; the game keeps its other
*lines of play* (the original and earlier branches) as whole saves
(:attr:`~sim.model.saves.SavedGame.lines`), each saved in a file of its own beside the others
(:mod:`sim.model.savefiles`), so they survive saving, loading and comparison.

A game the AI plays alone is rewound by stepping it until month N opens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sim.model.commands import Command, command_from_json
from sim.model.engine import CommandRejected, Engine
from sim.model.month import EndMonth
from sim.model.play import Agent
from sim.model.saves import MAX_LINES, SavedGame, SaveError, TurnRecord
from sim.model.session import Session

ORIGINAL = "Original"
MAX_STEPS = 1_000_000


class RewindError(SaveError):
    """The game cannot go back to that month (outside the game, or the log does not replay)."""


@dataclass(frozen=True)
class Rewound:
    """A game back at the start of a month: its session, the player's turns so far, and the
    session's units of work (what a save of a game the AI plays alone resumes from)."""

    session: Session
    record: TurnRecord
    steps: int


def line_name(save: SavedGame) -> str:
    """The name a person sees for a line of play: "Original" or the branch's own name."""
    return save.line or ORIGINAL


def months_of(commands: Sequence[Command]) -> list[int]:
    """The month in which each command of a log was given (the log's month ends count)."""
    months, month = [], 1
    for command in commands:
        months.append(month)
        if isinstance(command, EndMonth):
            month += 1
    return months


def rewind(engine: Engine, agents: Sequence[Agent], save: SavedGame, month: int) -> Rewound:
    """The game of ``save`` back at the player's first turn of ``month`` (the start of that
    month when the AI plays alone), on ``engine`` freshly built from its scenario and seed.

    Raises :class:`RewindError` when ``month`` is not a month the game has reached, or when the
    save's log does not replay (a changed scenario file).
    """
    if not 1 <= month <= save.turn.month:
        raise RewindError(f"month {month} is not in this game (months 1 to {save.turn.month})")
    try:
        commands = [command_from_json(c) for c in save.commands]
    except ValueError as exc:
        raise RewindError(f"unreadable command in the save: {exc}") from None
    session = Session(engine, agents, player=save.player or None, players=save.players)
    record = TurnRecord()
    steps = 0
    if not save.player:
        while engine.world.month < month and steps < MAX_STEPS and session.step():
            steps += 1
    else:
        for turn in save.player_turns:
            session.run_until_player()
            if not session.awaiting_player or session.turn.month >= month:
                break
            for index in turn:
                _submit(session, commands, index)
                record.submitted(index)
            session.end_turn()
            record.ended()
        session.run_until_player()
    log = [c.to_json() for c in engine.log]
    if log != list(save.commands[: len(log)]):
        raise RewindError("the game no longer replays on this scenario file; was it changed?")
    if engine.world.month != month:
        raise RewindError(f"the game has no turn of yours in month {month}")
    return Rewound(session, record, steps)


def _submit(session: Session, commands: Sequence[Command], index: int) -> None:
    if index >= len(commands) or len(session.engine.log) != index:
        raise RewindError(f"the player's command {index} is out of place")
    try:
        session.submit(commands[index])
    except CommandRejected as exc:
        raise RewindError(f"the player's command {index} no longer applies: {exc}") from None


def branch_lines(current: SavedGame) -> tuple[tuple[SavedGame, ...], str]:
    """The lines a branch of ``current`` keeps (``current`` itself last, without lines of its
    own; the oldest branches dropped past :data:`~sim.model.saves.MAX_LINES`, never the
    original) and the new branch's name."""
    lines = (*current.lines, replace(current, lines=()))
    if len(lines) > MAX_LINES:
        lines = lines[:1] + lines[len(lines) - MAX_LINES + 1 :]
    taken = {line.line for line in lines}
    number = sum(1 for line in lines if line.branched_at) + 1
    while f"Branch {number}" in taken:
        number += 1
    return lines, f"Branch {number}"
