"""Casting one's own vote and renewing one's own mandate, by real events in the window."""

from __future__ import annotations

import os
from pathlib import Path

import pygame

from sim.devtools.driver import Driver
from sim.devtools.screenshots import play_until
from sim.ui.game import Game

TUTORIAL = Path(__file__).resolve().parents[2] / "scenarios" / "tutorial.toml"


def shots(tmp_path: Path) -> Path:
    """Where screenshots go: MANDATE_SHOTS (to look at them) or the test's own folder."""
    return Path(os.environ.get("MANDATE_SHOTS", tmp_path))


def _advance(d: Driver, done: object, limit: int = 2000) -> None:
    """Let the advisor play (Enter through votes and news) until ``done()`` or the debrief."""
    for _ in range(limit):
        if done():  # type: ignore[operator]
            return
        name = d.screen()
        if name in ("vote", "news"):
            d.key(pygame.K_RETURN)
        elif name == "chamber" and d.app.game is not None and d.app.game.awaiting:
            d.key(pygame.K_a)
        elif name == "debrief":
            return
        else:
            d.frames(1)


def test_a_permanent_member_casts_a_veto_itself(driver: Driver, tmp_path: Path) -> None:
    driver.app.start(Game.new(TUTORIAL, 7, seats=("CAL",)))
    _advance(driver, lambda: driver.screen() == "ballot")
    assert driver.screen() == "ballot", "a vote in the Council waits for the seat's own ballot"
    game = driver.app.game
    assert game is not None and game.ballot is not None
    draft = game.ballot.id
    driver.frames(2)
    driver.shot(shots(tmp_path) / "own-vote.png")
    driver.click(driver.button("No — veto"))
    driver.until(lambda: driver.screen() == "vote", 200)
    record = game.world.votes[-1]
    assert record.draft == draft and record.choices["CAL"] == "no"
    assert record.tally.vetoed_by == ("CAL",)


def test_the_sponsor_is_warned_and_tables_the_renewal(driver: Driver, tmp_path: Path) -> None:
    driver.app.start(Game.new(TUTORIAL, 7))
    game = driver.app.game
    assert game is not None
    play_until(driver, lambda: bool(game.expiring()))
    mission = game.expiring()[0]
    assert 0 <= mission.expires_month - game.world.month <= 2
    driver.frames(3)
    assert "expires in month" in driver.app.message
    assert "The mandate of the UN mission in Kalvaria expires" in driver.app.message
    table = driver.button("Table draft")
    assert table.is_enabled
    draft = game.council_draft()
    assert draft is not None and draft.renews == mission.id
    driver.shot(shots(tmp_path) / "renewal-warning.png")
    driver.key(pygame.K_e)  # the renewal's clauses are editable before tabling
    assert driver.screen() == "draft"
    driver.key(pygame.K_RETURN)
    assert driver.screen() == "chamber"
    tabled = game.world.drafts.get(draft.id)
    assert tabled is not None and tabled.renews == mission.id and tabled.penholder == game.player
