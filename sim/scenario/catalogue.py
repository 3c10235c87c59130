"""The scenarios a player can name: the bundled ones and the player's own, by id or by path.

A scenario's id here is its file name without ``.toml`` (``mandate new NAME`` writes
``NAME.toml`` with ``id = "NAME"``; every bundled file is named after its id). The bundled
scenarios are the ``*.toml`` files at the top of the bundled folder (its ``calibration/`` and
``data/`` folders hold no playable scenario); the player's own live in a per-user folder, the
platform's data directory (``platformdirs``), or ``$MANDATE_DATA_DIR/scenarios`` when that is set
(tests point it at a temporary folder). A bundled id wins over a player's file of the same name.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from sim import bundled
from sim.model.saves import write_text_atomic
from sim.scenario.skeleton import valid_name

APP_NAME = "mandate"
DATA_DIR_VARIABLE = "MANDATE_DATA_DIR"
FIRST = "tutorial"


@dataclass(frozen=True)
class Entry:
    """One scenario a player can name: its id, its file, and whether it ships with the game."""

    id: str
    path: Path
    bundled: bool


def user_data_dir() -> Path:
    """The player's own Mandate data folder (not created here)."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override)
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def user_scenarios_dir() -> Path:
    """Where the player's own scenarios live (``mandate new`` writes there; not created here)."""
    return user_data_dir() / "scenarios"


def folder_entries(folder: Path, is_bundled: bool = False) -> list[Entry]:
    """The scenario files at the top of ``folder``, the tutorial first, then by file name."""
    try:
        files = [p for p in folder.glob("*.toml") if p.is_file()]
    except OSError:
        return []
    files.sort(key=lambda p: (p.stem != FIRST, p.name))
    return [Entry(p.stem, p, is_bundled) for p in files]


def bundled_entries() -> list[Entry]:
    """The scenarios that ship with the game, the tutorial first."""
    return folder_entries(bundled.scenarios_dir(), True)


def user_entries() -> list[Entry]:
    """The player's own scenarios, by file name (none when the folder does not exist yet)."""
    return folder_entries(user_scenarios_dir(), False)


def entries() -> list[Entry]:
    """Every scenario a player can name: the bundled ones, then the player's own."""
    return bundled_entries() + user_entries()


def by_id(scenario_id: str) -> Path | None:
    """The bundled scenario of that id, else the player's own, else None."""
    if not valid_name(scenario_id):
        return None
    for folder in (bundled.scenarios_dir(), user_scenarios_dir()):
        candidate = folder / f"{scenario_id}.toml"
        if candidate.is_file():
            return candidate
    return None


def locate(name: str) -> Path | None:
    """The file a scenario argument means: an existing file as given, else the bundled scenario
    or the player's own of that id (``tutorial``, ``libya_2011``; a trailing ``.toml`` is allowed),
    else None."""
    given = Path(name)
    if given.is_file():
        return given
    return by_id(name.removesuffix(".toml"))


def place_schema(folder: Path) -> None:
    """Keep a current copy of the scenario JSON Schema in ``folder`` (the player's scenarios
    folder), so the ``#:schema ./schema.json`` line of the files there lets editors complete and
    check them."""
    text = bundled.scenario_file("schema.json").read_text(encoding="utf-8")
    target = folder / "schema.json"
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        write_text_atomic(target, text)
