"""Player settings that persist between games: JSON in a per-user config folder.

The folder is ``$MANDATE_CONFIG_DIR`` when set (tests point it at a temporary folder), else the
platform's usual place (``%APPDATA%\\Mandate``, ``~/Library/Application Support/Mandate``,
``$XDG_CONFIG_HOME/mandate`` or ``~/.config/mandate``). Saved games live in ``saves/`` below it.
Unknown or malformed values fall back to defaults: a bad settings file never stops the game.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from sim.model.saves import write_text_atomic

SETTINGS_VERSION = 1
UI_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)
VOTE_SPEEDS = (0.5, 1.0, 2.0, 4.0)


def config_dir() -> Path:
    """Where settings and saves live for this user."""
    override = os.environ.get("MANDATE_CONFIG_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "Mandate"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Mandate"
    xdg = os.environ.get("XDG_CONFIG_HOME")
    return (Path(xdg) if xdg else Path.home() / ".config") / "mandate"


def saves_dir() -> Path:
    """Folder of saved games (manual saves and the autosave)."""
    return config_dir() / "saves"


@dataclass(frozen=True)
class Settings:
    """Everything the settings screen can change."""

    ui_scale: float = 1.0
    window_width: int = 1280
    window_height: int = 720
    vote_speed: float = 1.0
    reduced_motion: bool = False
    show_fps: bool = False

    def changed(self, **changes: Any) -> Settings:
        """A copy with some values replaced."""
        return replace(self, **changes)


def _valid(name: str, value: Any, default: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool) and 320 <= value <= 10_000
    if name == "ui_scale":
        return isinstance(value, int | float) and float(value) in UI_SCALES
    if name == "vote_speed":
        return isinstance(value, int | float) and float(value) in VOTE_SPEEDS
    return False


def load_settings(path: Path | None = None) -> Settings:
    """Read settings; anything missing or invalid takes its default."""
    path = path or config_dir() / "settings.json"
    defaults = Settings()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return defaults
    if not isinstance(data, dict):
        return defaults
    values: dict[str, Any] = {}
    for f in fields(Settings):
        default = getattr(defaults, f.name)
        value = data.get(f.name, default)
        if _valid(f.name, value, default):
            values[f.name] = float(value) if isinstance(default, float) else value
    return Settings(**values)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write settings atomically."""
    path = path or config_dir() / "settings.json"
    doc = {"format": "mandate-settings", "version": SETTINGS_VERSION, **asdict(settings)}
    write_text_atomic(path, json.dumps(doc, indent=1) + "\n")
