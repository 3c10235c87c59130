"""Title screen to debrief by events alone; the ending is the one `mandate run` tells."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from sim.cli import main
from sim.devtools.driver import Driver
from sim.devtools.screenshots import play_to_debrief, take
from sim.model.engine import Engine
from sim.model.hashing import state_hash
from sim.model.replay import replay
from sim.scenario.build import build_world
from sim.scenario.loader import load_scenario
from sim.ui.screens.debrief import DebriefScreen

TUTORIAL = Path(__file__).resolve().parents[2] / "scenarios" / "tutorial.toml"


def test_title_to_debrief_matches_mandate_run(
    driver: Driver, capsys: pytest.CaptureFixture[str]
) -> None:
    driver.key(pygame.K_RETURN)  # New game (seed 7)
    driver.key(pygame.K_RETURN)  # Take your seat
    play_to_debrief(driver)  # the advisor acts as the AI penholder would; Enter through votes
    screen = driver.app.screen
    assert isinstance(screen, DebriefScreen)
    game = driver.app.game
    assert game is not None
    assert game.world.votes, "the story has at least one vote"

    assert main(["run", str(TUTORIAL), "--seed", "7", "--json"]) == 0
    expected = json.loads(capsys.readouterr().out)
    name, reason = screen.ending()
    assert name == expected["outcome"]["name"]
    assert reason == expected["outcome"]["reason"]
    assert state_hash(game.world) == expected["state_hash"]

    # The session's command log replays to the same world.
    engine = Engine(build_world(load_scenario(TUTORIAL), 7))
    replay(engine, game.session.engine.log)
    assert state_hash(engine.world) == state_hash(game.world)


def test_every_screen_draws_at_1920x1080_scale_1_5(tmp_path: Path) -> None:
    shots = take(tmp_path, (1920, 1080), 1.5, 7)
    assert len(shots) >= 15
    for path in shots:
        image = pygame.image.load(str(path))
        assert image.get_size() == (1920, 1080)
    pygame.quit()
