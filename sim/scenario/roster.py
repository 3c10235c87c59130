"""The world roster a scenario may include: names and memberships of the 193 UN member states.

``roster = "data/world_roster.toml"`` at the top of a scenario makes every state id a checked
ISO 3166 alpha-3 code of a UN member, and lets states omit ``name`` (the roster's is used; a
``name`` in the scenario overrides it). Inclusion is safe: the path must be relative, inside the
scenario's own folder, without ``..``; the file must be a roster (``format = "mandate-roster"``)
within the size limit; rosters include nothing themselves, so there can be no cycle.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from sim.model.files import ID_PATTERN, FileRefused, has_control, read_text_limited
from sim.scenario.guards import ShapeError, parse_toml
from sim.scenario.paths import UnsafePath, resolve_inside

ROSTER_FORMAT = "mandate-roster"
MAX_ROSTER_BYTES = 2_097_152


@dataclass(frozen=True)
class RosterMember:
    """One UN member state as the roster lists it."""

    id: str
    name: str
    un_group: str
    organizations: tuple[str, ...]


class RosterError(Exception):
    """A roster reference that cannot be followed, with the reason."""


def resolve(reference: str, scenario_dir: Path) -> Path:
    """The roster file a scenario names; raises RosterError for unsafe or missing paths."""
    try:
        return resolve_inside(reference, scenario_dir, "roster")
    except UnsafePath as exc:
        raise RosterError(str(exc)) from None


class _Member(BaseModel):
    """One roster entry as the file writes it (other keys, such as notes, are allowed)."""

    model_config = ConfigDict(strict=True, extra="ignore")
    id: Annotated[str, StringConstraints(pattern=ID_PATTERN)]
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    un_group: Annotated[str, StringConstraints(max_length=64)] = ""
    organizations: list[Annotated[str, StringConstraints(max_length=64)]] = []


class _Roster(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore")
    members: list[_Member] = Field(default_factory=list, max_length=1000)


def _where(loc: tuple[Any, ...]) -> str:
    """``members[3].name`` for a pydantic location."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def load_roster(path: Path) -> dict[str, RosterMember]:
    """The members of a roster file by id; raises RosterError when it is not a valid roster."""
    try:
        data = parse_toml(read_text_limited(path, MAX_ROSTER_BYTES, "roster file"))
    except FileRefused as exc:
        raise RosterError(str(exc)) from None
    except ShapeError as exc:
        raise RosterError(f"{path.name}:{exc.line}:{exc.column}: {exc.message}") from None
    if data.get("format") != ROSTER_FORMAT:
        raise RosterError(f"{path.name} is not a roster (format = {ROSTER_FORMAT!r})")
    try:
        roster = _Roster.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _where(tuple(first["loc"]))
        raise RosterError(f"{path.name}: {where}: {first['msg'].lower()}") from None
    members: dict[str, RosterMember] = {}
    for entry in roster.members:
        if has_control(entry.name) or has_control(entry.un_group):
            raise RosterError(f"{path.name}: member {entry.id}: control characters in its name")
        members[entry.id] = RosterMember(
            entry.id, entry.name, entry.un_group, tuple(entry.organizations)
        )
    return members
