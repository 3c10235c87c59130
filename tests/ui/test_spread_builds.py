"""Screens that spread their build over frames end up whole, and the collector's freezing
follows the game (start-up, a game, back to the title)."""

from __future__ import annotations

import gc
import math
import subprocess

import pygame
import pytest

from sim.devtools.driver import Driver
from sim.ui import memory
from sim.ui.background import Offloaded
from sim.ui.screens.debrief import DebriefScreen


def test_debrief_toggles_arrive_after_entering_and_change_in_place(chamber: Driver) -> None:
    driver = chamber
    game = driver.app.game
    assert game is not None
    for _ in range(400):  # as play_to_debrief, up to the last news ("See the debrief")
        name = driver.screen()
        if name == "news" and game.world.finished:
            break
        if name in ("vote", "news", "ballot"):
            driver.key(pygame.K_RETURN)
        elif game.awaiting:
            driver.key(pygame.K_a)
        else:
            driver.frames(1)
    driver.key(pygame.K_RETURN, frames=1)  # the debrief's first frame
    screen = driver.app.screen
    assert isinstance(screen, DebriefScreen)
    assert [b.text for b in driver.buttons()] == ["Back to the title", "Event log", "Go back"]
    driver.frames(12)
    toggles = list(screen.toggles.values())
    assert len(toggles) == len(screen.series) > 5
    # The toggles come first in the focus ring, in their order, as when made at once.
    assert screen.ring[: len(toggles)] == toggles
    assert screen.body is not None
    name, button = next((n, b) for n, b in screen.toggles.items() if n not in screen.selected)
    before = list(driver.buttons())
    driver.click(button)
    assert name in screen.selected
    assert driver.buttons() == before, "a new choice of charts does not rebuild the screen"
    assert button.object_ids[-1] == "#toggle_on"
    driver.click(button)
    assert name not in screen.selected and button.object_ids[-1] == "#small"


def test_collector_leaves_out_start_up_and_the_game(driver: Driver) -> None:
    assert memory.frozen() > 0, "start-up's objects are frozen once the title is up"
    driver.click(driver.button("New game"))
    driver.click(driver.button("Take your seat"))
    assert driver.until(lambda: driver.app.game is not None and driver.app.game.awaiting)
    assert memory.holding_game()
    playing = memory.frozen()
    driver.key(pygame.K_ESCAPE)  # the menu
    driver.click(driver.button("Quit to the title"))
    assert driver.screen() == "title"
    driver.frames(2)
    assert not memory.holding_game(), "back on the title, the game's objects are let go"
    assert gc.get_freeze_count() > 0
    assert memory.frozen() != playing


def test_offloaded_work_gives_what_the_call_gives_or_why_it_failed() -> None:
    job = Offloaded(math.comb, 40, 12)
    assert job.wait(120)
    assert job.result == math.comb(40, 12) and job.failed == ""
    assert not job._folder.exists(), "its files are removed once read"
    broken = Offloaded(math.factorial, -1)
    assert broken.wait(120)
    assert broken.result is None and "negative" in broken.failed


def test_offloaded_work_falls_back_to_a_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_process(*args: object, **kwargs: object) -> None:
        raise OSError("no processes here")

    monkeypatch.setattr(subprocess, "Popen", no_process)
    job = Offloaded(math.comb, 40, 12)
    assert job.wait(60) and job.result == math.comb(40, 12)
    assert not job._folder.exists(), "no files are left behind"
