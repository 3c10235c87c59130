"""Screen tests run under SDL's dummy drivers with settings and saves in a temporary folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from sim.devtools.driver import Driver  # noqa: E402


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings and saves of this test only."""
    folder = tmp_path / "config"
    monkeypatch.setenv("MANDATE_CONFIG_DIR", str(folder))
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    return folder


@pytest.fixture
def driver() -> Iterator[Driver]:
    """The game at its title screen, 1280×720, seed 7."""
    d = Driver.start()
    yield d
    pygame.quit()


@pytest.fixture
def chamber(driver: Driver) -> Driver:
    """The game at the council chamber on the player's first turn (reached by clicks)."""
    to_chamber(driver)
    return driver


def to_chamber(d: Driver) -> None:
    """Title → briefing → chamber by clicking the real buttons; waits for the player's turn."""
    d.take_seat()
    assert d.screen() == "chamber"


ROOT = Path(__file__).resolve().parents[2]

ROSTER_SCENARIO = """
format_version = 1
id = "worldtest"
title = "World test"
summary = "A small scenario on the world roster, for the world view and the calendar."
months = 6
start = "1993-10"
roster = "data/world_roster.toml"
player = "FRA"
history = \"\"\"
First paragraph of what really happened.

Second paragraph: the Council did something else.
\"\"\"

[[dimensions]]
id = "force"
name = "Use of force"
effects = { chapter_vii = 0.5, "task:protection_of_civilians" = 0.2 }

{states}

[[bodies]]
id = "unsc"
name = "Security Council"
rule = "majority"
members = ["CHN", "FRA", "GBR", "RUS", "USA", "BRA", "IND", "NGA", "ZAF", "TTO"]
permanent = ["CHN", "FRA", "GBR", "RUS", "USA"]

[[bodies]]
id = "au_psc"
name = "Peace and Security Council"
rule = "majority"
members = ["NGA", "ZAF", "TCD"]

[council]
body = "unsc"

[[organizations]]
id = "au"
name = "African Union"
members = ["NGA", "ZAF", "TCD"]
body = "au_psc"

[[objectives]]
id = "calm"
name = "Intensity below 0.3 by month 4"
kind = "metric_below"
metric = "intensity"
threshold = 0.3
by_month = 4

[theatre]
id = "land"
name = "Land"
intensity = 0.5
host = "gov"

[[theatre.parties]]
id = "gov"
name = "Government"
kind = "government"
strength = 0.6

[[theatre.parties]]
id = "rebels"
name = "Rebels"
kind = "armed_group"
strength = 0.4

[[drafts]]
id = "d1"
title = "A draft"
penholder = "FRA"
body = "unsc"
chapter = "VII"
tasks = ["protection_of_civilians"]
sanctions = [{ kind = "arms_embargo", targets = ["gov"] }]

[[endings]]
id = "end"
name = "Time out"
text = "Time ran out."
when = "time_out"
"""

#: (id, ideal on force): CHN and RUS against force, the rest for it.
ROSTER_STATES = [
    ("BRA", 0.4),
    ("CHN", 0.0),
    ("FRA", 0.9),
    ("GBR", 0.9),
    ("IND", 0.3),
    ("NGA", 0.6),
    ("QAT", 0.5),
    ("RUS", 0.0),
    ("TCD", 0.1),
    ("TTO", 0.6),
    ("USA", 0.9),
    ("ZAF", 0.5),
]


def write_roster_scenario(folder: Path) -> Path:
    """A scenario on the world roster in ``folder`` (with its own copy of the roster)."""
    (folder / "data").mkdir(parents=True, exist_ok=True)
    roster = ROOT / "scenarios" / "data" / "world_roster.toml"
    (folder / "data" / "world_roster.toml").write_text(roster.read_text(encoding="utf-8"))
    states = "\n".join(
        f'[[states]]\nid = "{sid}"\ncapability = 0.5\nideal = {{ force = {ideal} }}\n'
        f"salience = {{ force = 0.8 }}\n"
        for sid, ideal in ROSTER_STATES
    )
    path = folder / "worldtest.toml"
    path.write_text(ROSTER_SCENARIO.replace("{states}", states), encoding="utf-8")
    return path


@pytest.fixture
def roster_scenario(tmp_path: Path) -> Path:
    """A small scenario on the world roster, with a calendar start and a history."""
    return write_roster_scenario(tmp_path / "scen")
