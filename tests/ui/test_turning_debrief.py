"""The debrief works out the player's turning points in the background and then lists them."""

from __future__ import annotations

import os
from pathlib import Path

import pygame

from sim.analysis.turning import turning_points
from sim.devtools.driver import Driver
from sim.devtools.screenshots import play_to_debrief
from sim.model.saves import player_turns
from sim.ui.screens.debrief import DebriefScreen, debrief_html


def test_debrief_lists_turning_points_once_worked_out(driver: Driver, tmp_path: Path) -> None:
    driver.key(pygame.K_RETURN)
    driver.key(pygame.K_RETURN)
    play_to_debrief(driver)
    screen = driver.app.screen
    assert isinstance(screen, DebriefScreen)
    game = driver.app.game
    assert game is not None
    assert screen.turning.wait(300), "the replays finish"
    driver.frames(2)  # the screen notices and rebuilds its text
    assert screen.turning_shown
    body = debrief_html(game, screen.turning.html())
    assert "Turning points" in body and "Working them out" not in body
    assert 1 <= len(screen.turning.points) <= 5
    for point in screen.turning.points:
        assert point.decision.describe() in body.replace("&#x27;", "'")
    driver.shot(Path(os.environ.get("MANDATE_SHOTS", tmp_path)) / "debrief-turning.png")
    # Worked out in another process, they are the ones this process works out.
    completed, current = player_turns(game.session, game.record)
    when = {m: game.month_title(m) for m in range(1, game.world.month + 1)}
    here = turning_points(
        game.scenario,
        game.seed,
        game.player,
        completed + ([current] if current else []),
        screen.turning.SEEDS,
        5,
        when,
    )
    assert screen.turning.points == here
