"""Reading scenario files: untrusted TOML in, a validated scenario or a list of clear problems out.

A scenario file is data, never code. Loading is all or nothing: either every check passes and a
:class:`~sim.scenario.schema.ScenarioFile` comes back, or :class:`ScenarioError` lists every
problem as ``FILE:LINE:COL: field.path: what is wrong`` — never a traceback.
"""

from __future__ import annotations

import re
import reprlib
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from sim.model.files import FileRefused, printable, read_limited
from sim.scenario.checks import check_scenario
from sim.scenario.guards import MAX_DEPTH as MAX_DEPTH
from sim.scenario.guards import ShapeError, parse_toml
from sim.scenario.locate import locate_keys, nearest_location
from sim.scenario.paths import UnsafePath, resolve_inside
from sim.scenario.roster import RosterError, load_roster, resolve
from sim.scenario.schema import ScenarioFile

MAX_BYTES = 1_048_576
_SHORT = reprlib.Repr()
_SHORT.maxstring = _SHORT.maxother = 60
MAX_PROBLEMS = 50
ID_PATTERN = r"[A-Za-z][A-Za-z0-9_-]{0,63}"
# Patterns of the format, said in words (a designer should not have to read a regex).
PATTERN_MEANINGS = {
    r"^\d{4}-(0[1-9]|1[0-2])$": "a month written YYYY-MM, such as 1994-04",
    r"^[A-Za-z][A-Za-z0-9_-]*$": "an id: a letter, then letters, digits, '_' or '-'",
}
"""Problems reported for one file at most; the rest are counted in a last line."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, located as precisely as the file allows."""

    file: str
    line: int
    column: int
    field: str
    message: str
    shown: str = ""  # the field as people read it, entries named by id (``states[USA]``)

    def __str__(self) -> str:
        name = self.shown or self.field
        field = f" {printable(name, 120)}:" if name else ""
        where = f"{printable(self.file, 200)}:{self.line}:{self.column}:"
        return f"{where}{field} {printable(self.message)}"


class ScenarioError(Exception):
    """A scenario that cannot be loaded, with every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        if len(problems) > MAX_PROBLEMS:
            last = problems[MAX_PROBLEMS - 1]
            more = f"and {len(problems) - MAX_PROBLEMS + 1} more problems (fix these first)"
            problems = [*problems[: MAX_PROBLEMS - 1], Problem(last.file, last.line, 1, "", more)]
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = tuple(problems)


def format_path(path: Sequence[str | int], data: Any = None) -> str:
    """``("states", 3, "ideal", "force")`` → ``states[3].ideal.force``; given the file's
    ``data``, an entry with an id is named by it: ``states[USA].ideal.force``."""
    out = ""
    node = data
    for part in path:
        node = _child(node, part)
        if isinstance(part, int):
            entry_id = node.get("id") if isinstance(node, dict) else None
            named = isinstance(entry_id, str) and re.fullmatch(ID_PATTERN, entry_id)
            shown = entry_id if named else part
            out += f"[{shown}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _child(node: Any, part: str | int) -> Any:
    if isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node):
        return node[part]
    if isinstance(part, str) and isinstance(node, dict):
        return node.get(part)
    return None


def _model_at(path: Sequence[str | int]) -> type[BaseModel] | None:
    """The pydantic model that owns the table at ``path``, for listing the keys it allows."""
    model: Any = ScenarioFile
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return None
        field = model.model_fields.get(part)
        if field is None:
            return None
        model = _unwrap(field.annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """The model inside ``list[M]``, ``M | None`` or ``Annotated[M, ...]``, else the annotation."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (list, typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if not args:
                return annotation
            annotation = args[0]
        else:
            return annotation


def _message(error: Any) -> str:
    kind = error["type"]
    loc = error["loc"]
    if kind == "extra_forbidden":
        owner = _model_at(loc[:-1])
        allowed = ", ".join(owner.model_fields) if owner else ""
        hint = f" (expected one of: {allowed})" if allowed else ""
        return f"unknown key{hint}"
    if kind == "missing":
        return "required key is missing"
    pattern = (error.get("ctx") or {}).get("pattern")
    if kind == "string_pattern_mismatch" and pattern in PATTERN_MEANINGS:
        return f"expected {PATTERN_MEANINGS[pattern]} (got {_SHORT.repr(error.get('input'))})"
    message = str(error["msg"])
    message = message[0].lower() + message[1:]
    if "input" in error and kind not in ("missing",) and not isinstance(error["input"], dict):
        try:
            shown = _SHORT.repr(error["input"])  # bounded work, even for huge lists
        except ValueError:  # an integer too long to convert to decimal text
            shown = "a number with too many digits"
        if len(shown) > 60:
            shown = shown[:57] + "..."
        message += f" (got {shown})"
    return message


def parse_scenario(text: str, file: str = "<scenario>") -> ScenarioFile:
    """Validate scenario text; raises :class:`ScenarioError` listing every problem."""
    data = read_toml(text, file)
    locations = locate_keys(text)

    def problem(path: Sequence[str | int], message: str) -> Problem:
        line, col = nearest_location(locations, path)
        return Problem(file, line, col, format_path(path), message, format_path(path, data))

    scenario, issues = validate_data(data, Path(file).parent)
    if scenario is None or issues:
        problems = [problem(path, message) for path, message in issues]
        raise ScenarioError(sorted(problems, key=lambda p: (p.line, p.column)))
    return scenario


def read_toml(text: str, file: str) -> dict[str, Any]:
    """Guarded TOML text as data; raises :class:`ScenarioError` if it is not sane TOML."""
    try:
        return parse_toml(text)
    except ShapeError as exc:
        message = exc.message
        if "Cannot overwrite a value" in message:  # tomllib's words for a key given twice
            lines = text.splitlines()
            row = lines[exc.line - 1] if 0 < exc.line <= len(lines) else ""
            key = row.split("=", 1)[0].strip()
            if key:
                message = f"duplicate key {printable(key, 60)!r}: it is already set in this table"
        raise ScenarioError([Problem(file, exc.line, exc.column, "", message)]) from None


def validate_data(
    data: dict[str, Any], folder: Path
) -> tuple[ScenarioFile | None, list[tuple[tuple[str | int, ...], str]]]:
    """Validate parsed scenario data (schema, cross-references, roster, map) found in ``folder``.

    Returns the scenario and no problems, or the problems as ``(key path, message)`` pairs for
    the caller to locate (a scenario file, or an overlay that patched one).
    """
    try:
        scenario = ScenarioFile.model_validate(data)
    except ValidationError as exc:
        return None, [(tuple(e["loc"]), _message(e)) for e in exc.errors()]
    # Every check that can run on a schema-valid file runs, so one pass reports everything.
    issues = check_scenario(scenario)
    scenario, roster_issues = _with_roster(scenario, folder)
    issues += roster_issues + _map_problems(scenario, folder)
    return (None, issues) if issues else (scenario, [])


def _with_roster(
    scenario: ScenarioFile, folder: Path
) -> tuple[ScenarioFile, list[tuple[tuple[str | int, ...], str]]]:
    """Check state ids against the included roster and fill in names the scenario omits."""
    problems: list[tuple[tuple[str | int, ...], str]] = []
    members = {}
    if scenario.roster is not None:
        try:
            members = load_roster(resolve(scenario.roster, folder))
        except (RosterError, OSError) as exc:
            return scenario, [(("roster",), str(exc))]
    states = []
    for i, state in enumerate(scenario.states):
        if scenario.roster is not None and state.id not in members:
            problems.append((("states", i, "id"), f"{state.id!r} is not a UN member in the roster"))
        elif state.name is None and scenario.roster is None:
            problems.append((("states", i, "name"), "required key is missing (or use a roster)"))
        elif state.name is None:
            state = state.model_copy(update={"name": members[state.id].name})
        states.append(state)
    return scenario.model_copy(update={"states": states}), problems


MAP_SUFFIXES = (".png", ".jpg", ".jpeg")
MAX_MAP_BYTES = 8_388_608


def _map_problems(scenario: ScenarioFile, folder: Path) -> list[tuple[tuple[str | int, ...], str]]:
    """The theatre map and its control map must be PNG or JPEG files inside the scenario's
    folder, of sane size."""
    problems: list[tuple[tuple[str | int, ...], str]] = []
    for key in ("map", "control_map"):
        reference = getattr(scenario.theatre, key)
        if reference is None:
            continue
        where: tuple[str | int, ...] = ("theatre", key)
        try:
            path = resolve_inside(reference, folder, key)
        except UnsafePath as exc:
            problems.append((where, str(exc)))
            continue
        if path.suffix.lower() not in MAP_SUFFIXES:
            problems.append((where, "the map must be a .png or .jpg image"))
            continue
        try:
            size = path.stat().st_size
        except OSError as exc:
            problems.append((where, f"cannot read the map: {exc.strerror}"))
            continue
        if size > MAX_MAP_BYTES:
            problems.append((where, "the map image is larger than 8 MiB"))
    return problems


def load_scenario(path: str | Path) -> ScenarioFile:
    """Read and validate a scenario file; raises :class:`ScenarioError` on any problem."""
    return parse_scenario(read_text(path), str(path))


def read_text(path: str | Path) -> str:
    """A scenario-sized UTF-8 text file; raises :class:`ScenarioError` if it is not one."""
    name = str(path)
    try:
        raw = read_limited(path, MAX_BYTES, "scenario")
    except FileRefused as exc:
        raise ScenarioError([Problem(name, 1, 1, "", str(exc))]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ScenarioError([Problem(name, line, 1, "", "file is not UTF-8 text")]) from None
    return text
