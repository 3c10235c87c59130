"""Scenario overlays: small TOML files that patch a scenario for a "what if" experiment.

An overlay names the scenario it patches and changes it by id: it removes triggers, drafts,
objectives or endings, replaces fields of a state, body, organization, dimension, draft,
trigger, objective or ending (tables such as a state's ``ideal`` are merged key by key), changes
coefficients or the theatre's fields, and adds whole drafts, triggers, objectives or endings::

    overlay = 1
    scenario = "libya_2011"
    name = "No Arab League request"
    remove = { triggers = ["arab-league-request"] }

    [drafts.res1973]
    endorsed_by = []

The patched scenario is validated exactly like a scenario file. Every problem is reported as
``FILE:LINE:COL: field.path: message`` — in the overlay where the overlay wrote the offending
value (or named an unknown id), in the scenario file where the scenario did.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError

from sim.scenario.loader import (
    Problem,
    ScenarioError,
    _message,
    format_path,
    parse_scenario,
    read_text,
    read_toml,
    validate_data,
)
from sim.scenario.locate import KeyPath, locate_keys, nearest_location
from sim.scenario.schema import Id, Name, ScenarioFile, Strict, Text

PATCHABLE = (
    "dimensions",
    "states",
    "bodies",
    "organizations",
    "drafts",
    "triggers",
    "objectives",
    "endings",
)
"""Sections of id-keyed entries an overlay may patch (``[states.USA]``)."""

REMOVABLE = ("drafts", "triggers", "objectives", "endings")
"""Sections whose entries an overlay may remove or add (``remove``, ``[[add_drafts]]``)."""

TABLES = ("coefficients", "theatre")
"""Top-level tables whose keys an overlay may set."""


class Removals(Strict):
    """Ids of entries the overlay takes out of the scenario."""

    drafts: list[Id] = Field(default_factory=list)
    triggers: list[Id] = Field(default_factory=list)
    objectives: list[Id] = Field(default_factory=list)
    endings: list[Id] = Field(default_factory=list)


Patch = dict[Id, dict[str, Any]]


class OverlayFile(Strict):
    """A scenario overlay (overlay format 1). Patched values are checked by the scenario's own
    models once applied, so an overlay can set any field a scenario may."""

    overlay: Literal[1] = Field(description="Overlay format version.")
    scenario: Id = Field(description="The id of the scenario this overlay patches.")
    name: Name = Field(description="A short name for the variant, shown in experiment tables.")
    description: Text = ""
    remove: Removals = Field(default_factory=Removals)
    coefficients: dict[str, Any] = Field(default_factory=dict)
    theatre: dict[str, Any] = Field(default_factory=dict)
    dimensions: Patch = Field(default_factory=dict)
    states: Patch = Field(default_factory=dict)
    bodies: Patch = Field(default_factory=dict)
    organizations: Patch = Field(default_factory=dict)
    drafts: Patch = Field(default_factory=dict)
    triggers: Patch = Field(default_factory=dict)
    objectives: Patch = Field(default_factory=dict)
    endings: Patch = Field(default_factory=dict)
    add_drafts: list[dict[str, Any]] = Field(default_factory=list)
    add_triggers: list[dict[str, Any]] = Field(default_factory=list)
    add_objectives: list[dict[str, Any]] = Field(default_factory=list)
    add_endings: list[dict[str, Any]] = Field(default_factory=list)


@dataclass(frozen=True)
class Variant:
    """A scenario as an overlay leaves it: the name and description come from the overlay."""

    name: str
    description: str
    scenario: ScenarioFile
    overlay: str


Origin = tuple[Literal["base", "add"], int]


def _merge(target: dict[str, Any], patch: dict[str, Any]) -> None:
    """Set ``patch``'s keys on ``target``; tables that both hold are merged key by key."""
    for key, value in patch.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = copy.deepcopy(value)


def _written(patch: dict[str, Any], rest: Sequence[str | int]) -> bool:
    """Whether the overlay's ``patch`` wrote the value at ``rest`` (or a value holding it)."""
    node: Any = patch
    for part in rest:
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
        if not isinstance(node, dict):
            return True
    return True


class _Patcher:
    """Applies one overlay to a scenario's data, remembering where every entry came from."""

    def __init__(self, overlay: OverlayFile, data: dict[str, Any]) -> None:
        self.overlay = overlay
        self.data = copy.deepcopy(data)
        self.origins: dict[str, list[Origin]] = {}
        self.unknown: list[tuple[KeyPath, str]] = []

    def _section(self, name: str) -> list[Any]:
        entries = self.data.get(name, [])
        return entries if isinstance(entries, list) else []

    def apply(self) -> dict[str, Any]:
        o = self.overlay
        for section in PATCHABLE:
            entries = self._section(section)
            self.origins[section] = [("base", i) for i in range(len(entries))]
            ids = [e.get("id") if isinstance(e, dict) else None for e in entries]
            for entry_id, patch in getattr(o, section).items():
                if entry_id not in ids:
                    self.unknown.append(((section, entry_id), f"no {section[:-1]} {entry_id!r}"))
                    continue
                _merge(entries[ids.index(entry_id)], patch)
        for section in REMOVABLE:
            entries = self._section(section)
            ids = [e.get("id") if isinstance(e, dict) else None for e in entries]
            removed = getattr(o.remove, section)
            for i, entry_id in enumerate(removed):
                if entry_id not in ids:
                    path: KeyPath = ("remove", section, i)
                    self.unknown.append((path, f"no {section[:-1]} {entry_id!r} to remove"))
            keep = [i for i, entry_id in enumerate(ids) if entry_id not in removed]
            added = getattr(o, f"add_{section}")
            self.data[section] = [entries[i] for i in keep] + copy.deepcopy(added)
            origins: list[Origin] = [("base", i) for i in keep]
            self.origins[section] = origins + [("add", k) for k in range(len(added))]
        for table in TABLES:
            patch = getattr(o, table)
            if patch:
                current = self.data.setdefault(table, {})
                if isinstance(current, dict):
                    _merge(current, patch)
        return self.data

    def where(self, path: KeyPath) -> tuple[Literal["overlay", "base"], KeyPath]:
        """Which file wrote the value at ``path`` of the patched data, and its path there."""
        if not path:
            return "base", path
        head, rest = path[0], path[1:]
        if head in TABLES and isinstance(head, str):
            written = _written(getattr(self.overlay, head), rest)
            return ("overlay", path) if written and rest else ("base", path)
        origins = self.origins.get(str(head))
        if origins is None or not rest or not isinstance(rest[0], int):
            return "base", path
        if rest[0] >= len(origins):
            return "base", path
        kind, index = origins[rest[0]]
        if kind == "add":
            return "overlay", (f"add_{head}", index, *rest[1:])
        entry = self._section(str(head))[rest[0]]
        patch = getattr(self.overlay, str(head)).get(entry.get("id"))
        if patch and rest[1:] and _written(patch, rest[1:]):
            return "overlay", (head, entry["id"], *rest[1:])
        return "base", (head, index, *rest[1:])


def _locator(name: str, text: str) -> Any:
    locations = locate_keys(text)

    def problem(path: Sequence[str | int], message: str) -> Problem:
        line, col = nearest_location(locations, path)
        return Problem(name, line, col, format_path(path), message)

    return problem


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.file, p.line, p.column))


def parse_overlay(text: str, file: str) -> OverlayFile:
    """Validate an overlay's own structure; raises :class:`ScenarioError` listing problems."""
    data = read_toml(text, file)
    problem = _locator(file, text)
    try:
        return OverlayFile.model_validate(data)
    except ValidationError as exc:
        problems = []
        for e in exc.errors():
            message = _message(e)
            if e["type"] == "extra_forbidden":
                message = f"unknown key (expected one of: {', '.join(OverlayFile.model_fields)})"
            problems.append(problem(e["loc"], message))
        raise ScenarioError(_sorted(problems)) from None


def apply_overlay(scenario_path: str | Path, overlay_path: str | Path) -> Variant:
    """The scenario at ``scenario_path`` patched by the overlay at ``overlay_path``.

    Raises :class:`ScenarioError` with every problem of either file, each located in the file
    that caused it.
    """
    base_name, overlay_name = str(scenario_path), str(overlay_path)
    base_text = read_text(scenario_path)
    parse_scenario(base_text, base_name)  # the scenario must load on its own first
    overlay_text = read_text(overlay_path)
    overlay = parse_overlay(overlay_text, overlay_name)
    in_overlay = _locator(overlay_name, overlay_text)
    in_base = _locator(base_name, base_text)
    data = read_toml(base_text, base_name)
    if overlay.scenario != data.get("id"):
        message = f"this overlay patches {overlay.scenario!r}, not {data.get('id')!r}"
        raise ScenarioError([in_overlay(("scenario",), message)])
    patcher = _Patcher(overlay, data)
    patched = patcher.apply()
    if patcher.unknown:
        raise ScenarioError(_sorted([in_overlay(p, m) for p, m in patcher.unknown]))
    scenario, issues = validate_data(patched, Path(scenario_path).parent)
    if scenario is None or issues:
        problems = []
        for path, message in issues:
            file, located = patcher.where(tuple(path))
            problems.append((in_overlay if file == "overlay" else in_base)(located, message))
        raise ScenarioError(_sorted(problems))
    return Variant(overlay.name, overlay.description, scenario, overlay_name)
