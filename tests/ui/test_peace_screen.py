"""The peace talks screen: reached from the theatre, it draws the zone of possible agreement
and the parties' answers, and the player's offers are commands that change the talks."""

from __future__ import annotations

from pathlib import Path

import pygame

from sim.devtools.driver import Driver

SYRIA = Path(__file__).resolve().parents[2] / "scenarios" / "syria_2011.toml"


def test_the_peace_talks_screen_shows_the_process_and_takes_the_players_offers(
    tmp_path: Path,
) -> None:
    chamber = Driver.start(scenario=SYRIA)
    chamber.click(chamber.button("New game"))
    chamber.click(chamber.button("Take your seat"))
    assert chamber.until(lambda: chamber.app.game is not None and chamber.app.game.awaiting)
    game = chamber.app.game
    assert game is not None and game.world.settlement is not None
    chamber.key(pygame.K_h)
    assert chamber.screen() == "theatre"
    chamber.click(chamber.button("Peace talks"))
    assert chamber.screen() == "peace"
    shot = chamber.shot(tmp_path / "peace.png")
    assert pygame.image.load(str(shot)).get_size() == (1280, 720)
    player = game.player
    assert player is not None
    log = len(game.session.engine.log)
    chamber.click(chamber.button("Pledge a guarantee"))
    assert game.world.peace.guarantees == {player: player}
    assert len(game.session.engine.log) == log + 1
    chamber.click(chamber.button("Pledge a guarantee"))  # refused the second time, not logged
    assert len(game.session.engine.log) == log + 1
    chamber.key(pygame.K_ESCAPE)
    assert chamber.screen() == "theatre"
    pygame.quit()
