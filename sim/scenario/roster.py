"""The world roster a scenario may include: names and memberships of the 193 UN member states.

``roster = "data/world_roster.toml"`` at the top of a scenario makes every state id a checked
ISO 3166 alpha-3 code of a UN member, and lets states omit ``name`` (the roster's is used; a
``name`` in the scenario overrides it). Inclusion is safe: the path must be relative, inside the
scenario's own folder, without ``..``; the file must be a roster (``format = "mandate-roster"``)
within the size limit; rosters include nothing themselves, so there can be no cycle.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

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


def load_roster(path: Path) -> dict[str, RosterMember]:
    """The members of a roster file by id; raises RosterError when it is not a valid roster."""
    if path.stat().st_size > MAX_ROSTER_BYTES:
        raise RosterError("the roster file is larger than the limit")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RosterError(f"the roster file is not valid TOML: {exc}") from None
    if data.get("format") != ROSTER_FORMAT:
        raise RosterError(f"{path.name} is not a roster (format = {ROSTER_FORMAT!r})")
    members: dict[str, RosterMember] = {}
    for entry in data.get("members", []):
        try:
            member = RosterMember(
                str(entry["id"]),
                str(entry["name"]),
                str(entry.get("un_group", "")),
                tuple(str(o) for o in entry.get("organizations", [])),
            )
        except (KeyError, TypeError) as exc:
            raise RosterError(f"a roster entry lacks {exc}") from None
        members[member.id] = member
    return members
