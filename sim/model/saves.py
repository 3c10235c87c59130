"""Saved games: versioned JSON (never pickle), written atomically, restored by replaying.

A save is not a snapshot of objects: it is the scenario (id and path), the seed, the player's
seat, the full command log (the same entries as a ``mandate-log``), and which of those commands
the player submitted in each of its turns. Loading rebuilds the world from the scenario and
seed, runs a fresh :class:`~sim.model.session.Session` and feeds it the player's commands at the
player's turns; the AI seats and the system commands come out again by themselves because the
game is deterministic. The restored command log and state hash must equal the saved ones, so a
save made on a scenario file that has since changed is refused with a clear message instead of
resuming a different game.

Document: ``{"format": "mandate-save", "version": 1, "scenario": id, "scenario_path": str,
"seed": n, "player": id, "label": str, "saved_at": str, "turn": {"month", "phase", "round"},
"player_turns": [[i, ...], ...], "current_turn": [i, ...], "state_hash": hex,
"commands": [...], "steps": n}``, and ``"players": [id, ...]`` when several people play. A game
the AI plays alone has ``player`` "" and is resumed by taking its ``steps`` (the session's
units of work) again. Files are read and written by :mod:`sim.model.savefiles`.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sim.model.commands import Command, command_from_json
from sim.model.engine import CommandRejected, Engine
from sim.model.files import (
    FileRefused,
    is_id,
    printable,
    read_ends,
    read_json_file,
)
from sim.model.hashing import state_hash
from sim.model.jsonpos import Step, field_path
from sim.model.play import Agent
from sim.model.session import Session, Turn

SAVE_FORMAT = "mandate-save"
SAVE_VERSION = 1
MAX_SAVE_BYTES = 16 * 1024 * 1024
#: The other lines of play a save keeps (the original and earlier branches).
MAX_LINES = 12
MAX_LINE_NAME = 60


class SaveError(ValueError):
    """A save that cannot be read or does not restore to the game it recorded; ``field`` is
    the path of the offending field in the document (for
    :func:`sim.model.savefiles.read_save` to find its line)."""

    def __init__(self, message: str, field: Sequence[Step] = ()) -> None:
        super().__init__(message)
        self.field: tuple[Step, ...] = tuple(field)


def write_text_atomic(path: Path, text: str) -> None:
    """Write a file whole or not at all (temporary file in the same folder, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _remove_stale_temporaries(path)


STALE_SECONDS = 60


def _remove_stale_temporaries(path: Path) -> None:
    """Remove temporary files a killed writer of ``path`` left behind (older than the file just
    written by more than :data:`STALE_SECONDS`, so a concurrent writer's file is left alone)."""
    try:
        written = path.stat().st_mtime
        for entry in os.scandir(path.parent):
            name = entry.name
            if not (name.startswith(f".{path.name}.") and name.endswith(".tmp")):
                continue
            if not entry.is_file(follow_symlinks=False):
                continue
            if entry.stat(follow_symlinks=False).st_mtime < written - STALE_SECONDS:
                Path(entry.path).unlink(missing_ok=True)
    except OSError:
        pass  # tidying up is a courtesy; the save itself is written


@dataclass
class TurnRecord:
    """Which log entries the player submitted, turn by turn (what a save needs to resume)."""

    completed: list[list[int]] = field(default_factory=list)
    current: list[int] = field(default_factory=list)

    def submitted(self, index: int) -> None:
        """The player's command landed at ``index`` of the engine's log."""
        self.current.append(index)

    def ended(self) -> None:
        """The player ended its turn."""
        self.completed.append(self.current)
        self.current = []


@dataclass(frozen=True)
class SavedGame:
    """Everything needed to resume a game exactly where it was saved."""

    scenario_id: str
    scenario_path: str
    seed: int
    player: str
    turn: Turn
    player_turns: tuple[tuple[int, ...], ...]
    current_turn: tuple[int, ...]
    commands: tuple[dict[str, Any], ...]
    state_hash: str
    label: str = ""
    saved_at: str = ""
    #: Games the AI plays alone (``player`` is ""): the session's steps taken so far.
    steps: int = 0
    #: Every human seat in turn order, when more than one person plays (hot-seat, classroom).
    players: tuple[str, ...] = ()
    #: The name of this line of play ("" for the original game, "Branch 2" for a branch).
    line: str = ""
    #: A branch: the month it went back to and played on from (0 for the original game).
    branched_at: int = 0
    #: The game's other lines of play (the original and earlier branches): whole saves of the
    #: same scenario and seed, without lines of their own (see :mod:`sim.model.rewind`), each
    #: saved in a file of its own (:mod:`sim.model.savefiles`).
    lines: tuple[SavedGame, ...] = ()


def capture(
    session: Session,
    record: TurnRecord,
    scenario_path: str,
    seed: int,
    label: str = "",
    saved_at: str = "",
    steps: int | None = None,
) -> SavedGame:
    """The save of a session paused on the player's turn (``saved_at`` comes from the caller);
    a game the AI plays alone is saved with the number of ``steps`` the session has taken."""
    if session.player is None and steps is None:
        raise SaveError("a game without a player seat is saved with its step count")
    world = session.engine.world
    return SavedGame(
        scenario_id=world.scenario_id,
        scenario_path=scenario_path,
        seed=seed,
        player=session.player or "",
        turn=session.turn,
        player_turns=tuple(tuple(t) for t in record.completed),
        current_turn=tuple(record.current),
        commands=tuple(c.to_json() for c in session.engine.log),
        state_hash=state_hash(world),
        label=label,
        saved_at=saved_at,
        steps=steps or 0,
        players=session.players if len(session.players) > 1 else (),
    )


def to_json(save: SavedGame) -> dict[str, Any]:
    """The save as a JSON document."""
    return {
        "format": SAVE_FORMAT,
        "version": SAVE_VERSION,
        "scenario": save.scenario_id,
        "scenario_path": save.scenario_path,
        "seed": save.seed,
        "player": save.player,
        "label": save.label,
        "saved_at": save.saved_at,
        "turn": {"month": save.turn.month, "phase": save.turn.phase, "round": save.turn.round},
        "player_turns": [list(t) for t in save.player_turns],
        "current_turn": list(save.current_turn),
        "state_hash": save.state_hash,
        "commands": list(save.commands),
        "steps": save.steps,
        **({"players": list(save.players)} if save.players else {}),
        **({"line": save.line} if save.line else {}),
        **({"branched_at": save.branched_at} if save.branched_at else {}),
        **({"lines": [to_json(line) for line in save.lines]} if save.lines else {}),
    }


def _field(name: str) -> tuple[Step, ...]:
    return tuple(name.split("."))


def _int(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise SaveError(
            f"{name} must be a non-negative integer, got {printable(repr(value), 80)}",
            _field(name),
        )
    return value


def _str(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise SaveError(f"{name} must be text, got {printable(repr(value), 80)}", _field(name))
    return value


def _indices(value: object, name: str) -> tuple[int, ...]:
    if not isinstance(value, list):
        raise SaveError(f"{name} must be a list of command numbers", _field(name))
    return tuple(_int(v, name) for v in value)


def from_json(data: object, nested: bool = False) -> SavedGame:
    """Read a save document; raises :class:`SaveError` naming what is wrong (and where)."""
    if not isinstance(data, dict):
        raise SaveError("a saved game is a JSON object")
    if data.get("format") != SAVE_FORMAT:
        raise SaveError("not a Mandate saved game", ("format",))
    if data.get("version") != SAVE_VERSION:
        raise SaveError(
            f"unsupported save version {printable(repr(data.get('version')), 40)}", ("version",)
        )
    turn = data.get("turn")
    if not isinstance(turn, dict):
        raise SaveError("turn must be an object with month, phase and round", ("turn",))
    phase = _str(turn.get("phase"), "turn.phase")
    if phase not in ("open", "consult", "close", "end"):
        raise SaveError(
            f"turn.phase must be open, consult, close or end, got {printable(repr(phase), 40)}",
            ("turn", "phase"),
        )
    turns = data.get("player_turns")
    if not isinstance(turns, list):
        raise SaveError("player_turns must be a list of lists", ("player_turns",))
    commands = data.get("commands")
    if not isinstance(commands, list) or not all(isinstance(c, dict) for c in commands):
        raise SaveError("commands must be a list of objects", ("commands",))
    for index, command in enumerate(commands):
        try:
            command_from_json(command)
        except ValueError as exc:
            raise SaveError(f"command {index}: {exc}", ("commands", index)) from None
    scenario = _str(data.get("scenario"), "scenario")
    if not is_id(scenario):
        raise SaveError(
            f"scenario must be a scenario id, got {printable(repr(scenario))}", ("scenario",)
        )
    player = _str(data.get("player"), "player")
    if player and not is_id(player):
        raise SaveError(
            f"player must be a member state's id, got {printable(repr(player))}", ("player",)
        )
    saved = SavedGame(
        scenario_id=scenario,
        scenario_path=_str(data.get("scenario_path"), "scenario_path"),
        seed=_int(data.get("seed"), "seed"),
        player=player,
        turn=Turn(_int(turn.get("month"), "turn.month"), phase, _int(turn.get("round"), "round")),
        player_turns=tuple(_indices(t, "player_turns") for t in turns),
        current_turn=_indices(data.get("current_turn", []), "current_turn"),
        commands=tuple(commands),
        state_hash=_str(data.get("state_hash"), "state_hash"),
        label=_str(data.get("label", ""), "label"),
        saved_at=_str(data.get("saved_at", ""), "saved_at"),
        steps=_int(data.get("steps", 0), "steps"),
        players=_seats(data.get("players", [])),
        line=_line_name(data.get("line", "")),
        branched_at=_int(data.get("branched_at", 0), "branched_at"),
    )
    if saved.branched_at > saved.turn.month:
        raise SaveError(
            f"branched_at must be a month of the game (1 to {saved.turn.month}),"
            f" got {saved.branched_at}",
            ("branched_at",),
        )
    if "lines" not in data:
        return saved
    if nested:
        raise SaveError("a line of play keeps no lines of its own", ("lines",))
    return SavedGame(**{**saved.__dict__, "lines": _lines(data["lines"], saved)})


def _line_name(value: object) -> str:
    name = _str(value, "line")
    if len(name) > MAX_LINE_NAME or printable(name) != name:
        raise SaveError(
            f"line must be a name of at most {MAX_LINE_NAME} printable characters", ("line",)
        )
    return name


def _lines(value: object, save: SavedGame) -> tuple[SavedGame, ...]:
    """The other lines of play of ``save``: whole saves of its scenario and seed."""
    if not isinstance(value, list) or len(value) > MAX_LINES:
        raise SaveError(f"lines must be a list of at most {MAX_LINES} saved games", ("lines",))
    out = []
    for index, data in enumerate(value):
        where: tuple[Step, ...] = ("lines", index)
        try:
            line = from_json(data, nested=True)
        except SaveError as exc:
            raise SaveError(f"{field_path(where)}: {exc}", where + exc.field) from None
        for name, mine, theirs in (
            ("scenario", line.scenario_id, save.scenario_id),
            ("seed", line.seed, save.seed),
        ):
            if mine != theirs:
                raise SaveError(
                    f"{field_path(where)}.{name} must be the game's own ({theirs!r}),"
                    f" got {printable(repr(mine), 80)}",
                    (*where, name),
                )
        out.append(line)
    return tuple(out)


def _seats(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise SaveError("players must be a list of seat ids", ("players",))
    return tuple(_str(v, "players") for v in value)


MAX_LISTED_BYTES = MAX_SAVE_BYTES
#: How much of the start of a save the listing reads for its label and date (a save written by
#: the game has them in its first few hundred bytes; the command log follows).
HEAD_BYTES = 8192
#: The end of a save the listing reads to tell a whole file from one cut short.
TAIL_BYTES = 64


def list_save_files(folder: Path, most: int) -> list[tuple[Path, str]]:
    """The ``most`` newest saves in ``folder`` as (path, description), never failing: only
    regular ``*.json`` files are listed (no links, FIFOs or devices), each read within the size
    limit; a file that cannot be read is described as unreadable. Temporary files that killed
    writers left behind are removed."""
    try:
        entries = [
            (entry.stat(follow_symlinks=False).st_mtime, Path(entry.path))
            for entry in os.scandir(folder)
            if entry.name.endswith(".json") and entry.is_file(follow_symlinks=False)
        ]
    except OSError:
        return []
    out = []
    for _, path in sorted(entries, key=lambda e: e[0], reverse=True)[:most]:
        _remove_stale_temporaries(path)
        try:
            label = save_label(path)
        except FileRefused:
            label = f"{path.name} (unreadable)"
        out.append((path, printable(label, 120)))
    return out


def save_label(path: Path) -> str:
    """What a list of saves says of ``path``: its label (or file name) and when it was saved,
    read from the start of the file when it begins as the game writes it, so listing a long
    game's save does not parse its whole command log; otherwise from the whole file. Raises
    :class:`FileRefused` for a file that is not a saved game's JSON object, or is cut short.
    Loading the save checks all of it (:func:`sim.model.savefiles.read_save`)."""
    head, tail = read_ends(path, HEAD_BYTES, TAIL_BYTES, MAX_LISTED_BYTES, "saved game")
    if not tail.rstrip().endswith(b"}"):
        raise FileRefused("the saved game is cut short")
    fields = _leading_fields(head)
    if fields is None:
        data = read_json_file(path, MAX_LISTED_BYTES, "saved game")
        if not isinstance(data, dict):
            raise FileRefused("not a saved game")
        fields = data
    return f"{fields.get('label') or path.stem} · {fields.get('saved_at', '')}"


def _leading_fields(head: bytes) -> dict[str, Any] | None:
    """The label and date from the start of a JSON object (``head``: its first bytes), when
    they come among its first fields and every field before them is a plain value (text, a
    number, true, false or null); None when they do not (then the whole file is read)."""
    text = _whole_characters(head)
    if text is None:
        return None
    decoder = json.JSONDecoder(parse_constant=_refuse_constant)
    found: dict[str, Any] = {}
    try:
        at = _after_space(text, 0)
        if not text.startswith("{", at):
            return None
        at += 1
        while "label" not in found or "saved_at" not in found:
            at = _after_space(text, at)
            if not text.startswith('"', at):
                return None
            key, at = decoder.raw_decode(text, at)
            at = _after_space(text, at)
            if not text.startswith(":", at):
                return None
            at = _after_space(text, at + 1)
            if text[at : at + 1] in ("", "{", "["):
                return None
            value, at = decoder.raw_decode(text, at)
            at = _after_space(text, at)
            if not text.startswith(",", at):  # the object ends (or is cut) here: read it all
                return None
            at += 1
            found.setdefault(key, value)
    except (ValueError, IndexError):
        return None
    return found


def _whole_characters(head: bytes) -> str | None:
    """``head`` as UTF-8 text without a character the cut split; None when it is not UTF-8."""
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:
            return None
        return head[: exc.start].decode("utf-8")


def _after_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def restore(engine: Engine, agents: Sequence[Agent], save: SavedGame) -> tuple[Session, TurnRecord]:
    """Resume a saved game on ``engine`` (freshly built from the save's scenario and seed)."""
    if engine.world.scenario_id != save.scenario_id:
        raise SaveError(
            f"the save is of scenario {save.scenario_id!r}, not {engine.world.scenario_id!r}"
        )
    try:
        commands = [command_from_json(c) for c in save.commands]
    except ValueError as exc:
        raise SaveError(f"unreadable command in the save: {exc}") from exc
    session = Session(engine, agents, player=save.player or None, players=save.players)
    record = TurnRecord()

    def mismatch(why: str) -> SaveError:
        return SaveError(
            f"the save does not replay on this scenario file ({why}); was the scenario changed?"
        )

    def submit(index: int) -> None:
        if index >= len(commands) or len(engine.log) != index:
            raise mismatch(f"the player's command {index} is out of place")
        if _as_json(engine.log) != list(save.commands[:index]):
            raise mismatch(f"the game differs before command {index}")
        try:
            session.submit(commands[index])
        except CommandRejected as exc:
            raise mismatch(str(exc)) from exc
        record.submitted(index)

    if not save.player:  # the AI played alone: take the same steps again
        for _ in range(save.steps):
            if not session.step():
                break
    for turn in save.player_turns:
        session.run_until_player()
        if not session.awaiting_player:
            raise mismatch("the game ended before the player's saved turns")
        for index in turn:
            submit(index)
        session.end_turn()
        record.ended()
    if save.player:
        session.run_until_player()
    for index in save.current_turn:
        submit(index)
    if _as_json(engine.log) != list(save.commands):
        raise mismatch("the command log differs")
    if state_hash(engine.world) != save.state_hash:
        raise mismatch("the state hash differs")
    if session.turn != save.turn:
        raise mismatch(f"the turn is {session.turn}, the save says {save.turn}")
    return session, record


class ReplayMismatch(SaveError):
    """The player's commands no longer apply to the (changed) scenario; ``turn`` says where."""

    def __init__(self, message: str, month: int) -> None:
        super().__init__(message)
        self.month = month


def player_turns(session: Session, record: TurnRecord) -> tuple[list[list[Command]], list[Command]]:
    """The player's commands, turn by turn, and those of the turn in progress."""
    log = session.engine.log
    return [[log[i] for i in turn] for turn in record.completed], [log[i] for i in record.current]


def replay_turns(
    engine: Engine,
    agents: Sequence[Agent],
    player: str | None,
    turns: Sequence[Sequence[Command]],
    current: Sequence[Command] = (),
    until: Turn | None = None,
    max_steps: int = 200_000,
) -> tuple[Session, TurnRecord]:
    """Play a session again on ``engine`` (perhaps built from an edited scenario): the AI seats
    act anew, and the player's commands are submitted at the player's turns as before.

    Used by the designer's reload, which keeps going as long as the file still fits: raises
    :class:`ReplayMismatch` naming the first command that no longer applies (or the turn the
    game no longer reaches). Without a player (an AI-only game) the session is stepped until
    ``until``, the turn it had reached.
    """
    session = Session(engine, agents, player=player)
    record = TurnRecord()

    def submit(command: Command) -> None:
        try:
            session.submit(command)
        except CommandRejected as exc:
            raise ReplayMismatch(
                f"your {command.kind.replace('_', ' ')} of month {engine.world.month} no longer"
                f" applies: {'; '.join(exc.reasons)}",
                engine.world.month,
            ) from exc
        record.submitted(len(engine.log) - 1)

    for turn in turns:
        session.run_until_player()
        if not session.awaiting_player:
            raise ReplayMismatch("the game ends before the player's turns", engine.world.month)
        for command in turn:
            submit(command)
        session.end_turn()
        record.ended()
    if player is None and until is not None:
        for _ in range(max_steps):
            if session.turn == until or session.finished or not session.step():
                break
    else:
        session.run_until_player()
    for command in current:
        if not session.awaiting_player:
            raise ReplayMismatch("the game ends before the player's turn", engine.world.month)
        submit(command)
    return session, record


def _as_json(log: Sequence[Command]) -> list[dict[str, Any]]:
    return [c.to_json() for c in log]
