"""Save files on disk: read and write, one file per line of play.

A save without branches is one file. A game that went back to an earlier month and played on
has several *lines of play*: the original and its branches (:mod:`sim.model.rewind`). Each line
is saved whole, one file per line, in one folder: the original in ``NAME.json``, "Branch 2" in
``NAME.branch-2.json``. Each file names the other lines' files (``"line_files": ["NAME.json",
…]``, file names only, in the order the lines were played), so reading any one of them finds
the others.

Saving a branch writes the branch's own file. Another line's file is written only when it is
missing or holds something else (a slot such as the autosave that another game used): an
original already saved there is left untouched. Reading is as strict as for one save — a line
file that is missing, unreadable, of another scenario or seed, or not a line of this game (its
moves before the first branch differ) is refused, located ``FILE:LINE: field why`` in the file
at fault.

Saves written before lines had files of their own keep the other lines inside the branch's save
(``"lines": [...]``); those are still read (:func:`sim.model.saves.from_json`).
"""

from __future__ import annotations

import glob
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from sim.model.files import FileRefused, loads_json_limited, printable, read_text_limited
from sim.model.jsonpos import Step, field_path, line_of
from sim.model.saves import (
    MAX_LINES,
    MAX_SAVE_BYTES,
    SavedGame,
    SaveError,
    from_json,
    to_json,
    write_text_atomic,
)

LINE_FILES = "line_files"
MAX_SLUG = 40


class LineFileError(SaveError):
    """A problem already located in the line file at fault (``FILE:LINE: …``)."""


def slug(name: str) -> str:
    """A line's name as part of a file name: "Branch 2" → ``branch-2``."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:MAX_SLUG] or "line"


def family_path(path: Path, save: SavedGame) -> Path:
    """The original's file of the game ``path`` holds a line of: ``NAME.json`` for
    ``NAME.branch-2.json`` when ``save`` is Branch 2, else ``path`` itself."""
    suffixes = {f".{slug(line.line)}" for line in (save, *save.lines) if line.line}
    for suffix in suffixes:
        if path.stem.endswith(suffix) and len(path.stem) > len(suffix):
            return path.with_name(path.stem[: -len(suffix)] + path.suffix)
    return path


def line_files(path: Path, save: SavedGame) -> list[Path]:
    """The file of each line of ``save``'s game saved at ``path``, in the order of
    ``(*save.lines, save)``: the original at ``path``, each branch beside it."""
    base = family_path(path, save)
    taken: set[str] = set()
    out = []
    for line in (*save.lines, save):
        stem = base.stem if not line.line else f"{base.stem}.{slug(line.line)}"
        name, n = f"{stem}.json", 1
        while name.lower() in taken:
            n += 1
            name = f"{stem}-{n}.json"
        taken.add(name.lower())
        out.append(base.with_name(name))
    return out


def write_save(path: Path, save: SavedGame) -> Path:
    """Write a save atomically; returns the file written. A game with other lines of play is
    saved one file per line (see the module): the original at ``path``, a branch beside it
    (``NAME.branch-2.json``), and the file returned is this line's own."""
    if save.lines:
        return write_lines(path, save)
    write_text_atomic(path, json.dumps(to_json(save), indent=1) + "\n")
    return path


def read_save(path: Path) -> SavedGame:
    """Read a save file, with the other lines of play saved beside it; raises
    :class:`SaveError` (never a traceback for the player). A problem in a document is located
    ``FILE:LINE: field why`` in the file at fault."""
    try:
        text = read_text_limited(path, MAX_SAVE_BYTES, "saved game")
        data = loads_json_limited(text, "saved game")
    except FileRefused as exc:
        raise SaveError(f"{printable(str(path))}: {exc}") from None
    try:
        save = from_json(data)
        if isinstance(data, dict) and LINE_FILES in data:
            save = read_lines(path, data, save)
        return save
    except LineFileError:
        raise  # located in another line's file already
    except SaveError as exc:
        line = line_of(text, exc.field)
        raise SaveError(f"{printable(str(path))}:{line}: {exc}", exc.field) from None


def write_lines(path: Path, save: SavedGame) -> Path:
    """Write every line of ``save``'s game beside each other (see the module); returns the
    file of ``save``'s own line, written last (so it is the newest)."""
    family = (*save.lines, save)
    files = line_files(path, save)
    for line, file in zip(family[:-1], files[:-1], strict=True):
        if not _holds(file, line):
            _write(file, line, [f.name for f in files if f != file])
    _write(files[-1], save, [f.name for f in files[:-1]])
    return files[-1]


def _write(file: Path, line: SavedGame, others: list[str]) -> None:
    document: dict[str, Any] = {**to_json(replace(line, lines=())), LINE_FILES: others}
    write_text_atomic(file, json.dumps(document, indent=1) + "\n")


def _holds(file: Path, line: SavedGame) -> bool:
    """True when ``file`` already holds ``line`` (perhaps saved at another point of it)."""
    try:
        found = from_json(loads_json_limited(read_text_limited(file, MAX_SAVE_BYTES, "save")))
    except (FileRefused, SaveError, OSError):
        return False
    same = (found.scenario_id, found.seed, found.line, found.branched_at) == (
        line.scenario_id,
        line.seed,
        line.line,
        line.branched_at,
    )
    # An older save with lines inside it is rewritten: a line file keeps no lines of its own.
    ours = same and not found.lines
    return ours and _one_leads_to_the_other(list(found.commands), list(line.commands))


def _one_leads_to_the_other(a: list[Any], b: list[Any]) -> bool:
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def read_lines(path: Path, data: dict[str, Any], save: SavedGame) -> SavedGame:
    """``save`` (read from ``path``, whose document is ``data``) with its other lines read from
    the files its ``line_files`` name. Raises :class:`SaveError` with a field path into
    ``path``'s document, or :class:`LineFileError` located in another line's file."""
    if "lines" in data:
        raise SaveError("a save keeps its lines inside it or beside it, not both", ("lines",))
    names = data[LINE_FILES]
    if not isinstance(names, list) or not 1 <= len(names) <= MAX_LINES:
        raise SaveError(
            f"{LINE_FILES} must be a list of 1 to {MAX_LINES} file names", (LINE_FILES,)
        )
    lines = []
    for index, name in enumerate(names):
        where: tuple[Step, ...] = (LINE_FILES, index)
        lines.append(_read_line(path, name, where, save))
    out = replace(save, lines=tuple(lines))
    _check_family(out, names)
    return out


def _read_line(path: Path, name: object, where: tuple[Step, ...], save: SavedGame) -> SavedGame:
    at = field_path(where)
    if (
        not isinstance(name, str)
        or name != Path(name).name
        or not name.endswith(".json")
        or name.startswith(".")
        or printable(name) != name
        or name == path.name
    ):
        shown = printable(repr(name), 80)
        raise SaveError(f"{at} must be the name of another save in this folder, got {shown}", where)
    file = path.with_name(name)
    try:
        text = read_text_limited(file, MAX_SAVE_BYTES, "saved game")
        document = loads_json_limited(text, "saved game")
    except FileRefused as exc:
        raise SaveError(f"{at}: the line saved in {name} cannot be read: {exc}", where) from None
    try:
        line = from_json(document, nested=True)
        for field, mine, theirs in (
            ("scenario", line.scenario_id, save.scenario_id),
            ("seed", line.seed, save.seed),
        ):
            if mine != theirs:
                raise SaveError(
                    f"{field} must be the game's own ({theirs!r}), got {printable(repr(mine), 80)}",
                    (field,),
                )
    except SaveError as exc:
        location = line_of(text, exc.field)
        raise LineFileError(f"{printable(str(file))}:{location}: {exc}", exc.field) from None
    return line


def _check_family(save: SavedGame, names: list[str]) -> None:
    """Every line is a different line of one game: one original at most, distinct names, and
    the same moves up to the first month any line went back to."""
    family = (save, *save.lines)
    seen: set[str] = {save.line}
    for index, line in enumerate(save.lines):
        if line.line in seen:
            raise SaveError(
                f"{names[index]} holds the line {line.line or 'Original'!r} twice in this game",
                (LINE_FILES, index),
            )
        seen.add(line.line)
    months = [line.branched_at for line in family if line.branched_at]
    if not months:
        raise SaveError("lines of play beside a save need a branch among them", (LINE_FILES,))
    first = min(months)
    mine = _before(save.commands, first)
    for index, line in enumerate(save.lines):
        if not _one_leads_to_the_other(mine, _before(line.commands, first)):
            raise SaveError(
                f"{names[index]} is not a line of this game: its moves before month {first} differ",
                (LINE_FILES, index),
            )


def _before(commands: tuple[dict[str, Any], ...], month: int) -> list[dict[str, Any]]:
    """The commands given before ``month`` (a month ends with its ``end_month``)."""
    ended = 0
    for index, command in enumerate(commands):
        if ended == month - 1:
            return list(commands[:index])
        if command.get("type") == "end_month":
            ended += 1
    return list(commands)


def newest_line_file(path: Path) -> Path:
    """The most recently saved file among ``path`` and the lines saved beside it
    (``NAME.*.json``): what "continue" resumes after playing on a branch."""
    candidates = [path, *path.parent.glob(f"{glob.escape(path.stem)}.*.json")]
    dated = []
    for file in candidates:
        try:
            if file.is_file():
                dated.append((file.stat().st_mtime_ns, file == path, file))
        except OSError:
            continue
    return max(dated, key=lambda d: (d[0], d[1]))[2] if dated else path
