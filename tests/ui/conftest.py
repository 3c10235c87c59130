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

from sim.ui.driver import Driver  # noqa: E402


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
    d.click(d.button("New game"))
    assert d.screen() == "briefing"
    d.click(d.button("Take your seat"))
    assert d.screen() == "chamber"
    assert d.until(lambda: d.app.game is not None and d.app.game.awaiting)
    d.frames(1)
