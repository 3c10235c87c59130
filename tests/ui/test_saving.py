"""Save and load from the screens; the autosave each month; Continue resumes after a crash."""

from __future__ import annotations

import pygame

from sim.devtools.driver import Driver
from sim.model.hashing import state_hash
from sim.ui.game import AUTOSAVE, Game
from sim.ui.settings import saves_dir


def test_quick_save_and_load_from_the_menu(chamber: Driver) -> None:
    game = chamber.app.game
    assert game is not None
    chamber.key(pygame.K_t)  # table the draft
    chamber.key(pygame.K_SPACE)  # to consultations
    assert chamber.until(lambda: game.awaiting and game.session.turn.phase == "consult")
    chamber.key(pygame.K_F5)
    quick = saves_dir() / "quicksave.json"
    assert quick.exists(), chamber.app.message
    digest, turn = state_hash(game.world), game.session.turn
    chamber.key(pygame.K_SPACE)  # move on; then load the quick save back
    chamber.until(lambda: game.session.turn != turn and game.awaiting)
    chamber.key(pygame.K_ESCAPE)
    assert chamber.screen() == "menu"
    chamber.click(chamber.button("Load a saved game"))
    assert chamber.screen() == "load"
    quick_save = next(
        b for b in chamber.buttons() if (b.tool_tip_text or "").startswith("File: quicksave.json")
    )
    assert quick_save.text.startswith(game.world.title)  # the scenario, not the file's name
    chamber.click(quick_save)
    assert chamber.screen() == "chamber"
    loaded = chamber.app.game
    assert loaded is not None and loaded is not game
    assert state_hash(loaded.world) == digest and loaded.session.turn == turn


def test_autosave_each_month_and_continue_after_a_crash(chamber: Driver) -> None:
    autosave = saves_dir() / AUTOSAVE
    assert autosave.exists()  # written on the first turn of month 1
    game = chamber.app.game
    assert game is not None
    for _ in range(400):  # the advisor plays into month 2
        if game.world.month >= 2 and game.awaiting and chamber.screen() == "chamber":
            break
        chamber.key(pygame.K_RETURN if chamber.screen() in ("vote", "news") else pygame.K_a)
    chamber.frames(2)
    assert game.world.month == 2
    digest = state_hash(game.world)
    pygame.quit()  # the "crash": the process goes away without a goodbye

    again = Driver.start()
    try:
        assert again.button("Continue").is_enabled
        again.click(again.button("Continue"))
        resumed = again.app.game
        assert again.screen() == "chamber" and resumed is not None
        assert resumed.world.month == 2 and state_hash(resumed.world) == digest
    finally:
        pygame.quit()


def test_a_game_the_ai_plays_alone_can_be_saved_and_resumed(driver: Driver) -> None:
    driver.key(pygame.K_w)  # Watch the AI play
    game = driver.app.game
    assert game is not None and game.player is None
    assert driver.until(lambda: game.steps >= 40, 3000)
    driver.key(pygame.K_ESCAPE)
    assert driver.screen() == "menu"
    assert not (saves_dir() / AUTOSAVE).exists(), "watching never writes the autosave"
    digest, steps, turn = state_hash(game.world), game.steps, game.session.turn
    driver.click(driver.button("Save game"))
    saved = sorted(saves_dir().glob("save-*.json"))
    assert len(saved) == 1, driver.app.message
    assert driver.screen() == "chamber"
    driver.frames(30)  # the AI plays on
    for _ in range(10):
        if driver.screen() in ("vote", "news"):
            driver.key(pygame.K_RETURN)
    driver.key(pygame.K_ESCAPE)
    driver.click(driver.button("Load a saved game"))
    tip = f"File: {saved[0].name}"
    driver.click(next(b for b in driver.buttons() if (b.tool_tip_text or "").startswith(tip)))
    loaded = driver.app.game
    assert loaded is not None and loaded is not game and loaded.player is None
    assert loaded.steps >= steps  # it plays on at once
    again = Game.load(saved[0])  # the save itself resumes exactly where it was made
    assert state_hash(again.world) == digest and again.steps == steps
    assert again.session.turn == turn
