"""A canonical snapshot of the world and its hash: the proof that two games are the same.

The snapshot is derived from the state's own fields, not from a hand-kept list: every field of
the :class:`~sim.model.world.World`, its theatre, missions, sanctions episodes and state table
goes in, except those named in :data:`STATIC` (fixed by the scenario for the whole game, or
rebuilt from other fields). A new field is therefore hashed by default; a test checks that every
field is either hashed or listed here, and that changing any hashed field changes the hash.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from typing import Any

import numpy as np

from sim.model.world import World

# World fields the hash leaves out, and why.
STATIC: dict[str, str] = {
    "scenario_id": "fixed by the scenario",
    "title": "fixed by the scenario",
    "months": "fixed by the scenario",
    "issues": "fixed by the scenario",
    "council": "fixed by the scenario",
    "organizations": "fixed by the scenario",
    "templates": "fixed by the scenario",
    "endings": "fixed by the scenario",
    "contributors": "fixed by the scenario",
    "regional": "fixed by the scenario",
    "triggers": "fixed by the scenario",
    "objectives": "fixed by the scenario",
    "threat_demands": "fixed by the scenario",
    "caucuses": "fixed by the scenario",
    "events": "the story told of the hashed state; its length is hashed",
    "votes": "hashed by month, draft, version and choices (stances are derived from positions)",
    "outcome": "hashed by the ending reached",
    "streams": "hashed by the state of each random stream",
}

# State added after games were recorded, left out of the snapshot while a game has none of it
# (with the coefficients that act only through it), so every game that never uses it keeps its
# hash: World field -> those coefficients.
UNTIL_USED: dict[str, tuple[str, ...]] = {
    "caveats": (
        "caveat_no_offensive_operations",
        "caveat_capital_only",
        "caveat_no_night_patrols",
    ),
}


_SCALARS = (str, int, float, bool, type(None))
_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _plain(value: Any) -> Any:
    """JSON-ready data of a field: dataclasses, numpy arrays, tuples, sets and dicts."""
    if type(value) in _SCALARS:  # most values: nothing to convert (checked first for speed)
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, set | frozenset):
        return sorted(_plain(v) for v in value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def snapshot(world: World) -> dict[str, Any]:
    """Every piece of changing state as plain JSON data, in a stable order."""
    data = {
        f.name: _plain(getattr(world, f.name))
        for f in dataclasses.fields(world)
        if f.name not in STATIC
    }
    for name, coefficients in UNTIL_USED.items():
        if not data[name]:
            del data[name]
            for coefficient in coefficients:
                del data["coefficients"][coefficient]
    data["events"] = len(world.events)
    data["votes"] = [[v.month, v.draft, v.version, v.choices] for v in world.votes]
    data["outcome"] = None if world.outcome is None else world.outcome.ending
    data["rng"] = world.streams.snapshot()
    return data


def state_hash(world: World) -> str:
    """SHA-256 hex digest of the canonical snapshot."""
    text = json.dumps(snapshot(world), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
