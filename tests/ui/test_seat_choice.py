"""Any seat at the briefing, its own decisions, and the hot-seat hand-over, by real events."""

from __future__ import annotations

import os
from pathlib import Path

import pygame

from sim.devtools.driver import Driver


def shots(tmp_path: Path) -> Path:
    """Where screenshots go: MANDATE_SHOTS (to look at them) or the test's own folder."""
    return Path(os.environ.get("MANDATE_SHOTS", tmp_path))


def _pick(d: Driver, *seats: str) -> None:
    """From the title: New game, Choose seat, click the seats (the scenario's seat first
    unchosen), Done."""
    d.click(d.button("New game"))
    d.click(d.button("Choose seat"))
    assert d.screen() == "seatpick"
    d.click(d.button("1. Arnesia"))
    for seat in seats:
        d.click(d.app.screen.seat_buttons[seat])  # type: ignore[attr-defined]


def test_a_regional_chair_deploys_its_force(driver: Driver, tmp_path: Path) -> None:
    _pick(driver, "cu")
    driver.shot(shots(tmp_path) / "choose-seat.png")
    driver.click(driver.button("Done"))
    assert driver.screen() == "briefing"
    game = driver.app.game or driver.app.screen.game  # type: ignore[attr-defined]
    assert game.players == ("cu",)
    driver.click(driver.button("Take your seat"))
    assert driver.until(lambda: driver.app.game is not None and driver.app.game.awaiting)
    driver.frames(2)
    driver.key(pygame.K_u)
    assert driver.screen() == "seat"
    driver.frames(2)
    driver.shot(shots(tmp_path) / "your-seat-chair.png")
    deploy = driver.button("Deploy the")
    driver.click(deploy)
    world = driver.app.game.world
    assert any(e.kind in ("regional_force", "regional_decision") for e in world.events)
    assert "deploy_regional" in [c.kind for c in driver.app.game.session.engine.log]


def test_hot_seat_hands_over_behind_a_cover(driver: Driver, tmp_path: Path) -> None:
    _pick(driver, "ARN", "CAL")
    driver.click(driver.button("Done"))
    driver.click(driver.button("Take your seat"))
    assert driver.until(lambda: driver.screen() == "handover")
    assert driver.app.screen.seat == "ARN"  # type: ignore[attr-defined]
    driver.key(pygame.K_RETURN)
    assert driver.screen() == "chamber" and driver.app.game.player == "ARN"
    driver.key(pygame.K_t)  # ARN tables its draft; the message names it
    assert "circulates" in driver.app.message
    driver.key(pygame.K_SPACE)
    assert driver.until(lambda: driver.screen() == "handover")
    assert driver.app.screen.seat == "CAL"  # type: ignore[attr-defined]
    assert driver.app.message_time == 0, "the last seat's message does not show to the next"
    driver.key(pygame.K_ESCAPE)
    assert driver.screen() == "handover", "only the next player's Enter lifts the cover"
    driver.shot(shots(tmp_path) / "hand-over.png")
    driver.key(pygame.K_RETURN)
    assert driver.screen() == "chamber" and driver.app.game.player == "CAL"


def test_enter_after_clicking_a_seat_takes_the_seats_chosen(driver: Driver) -> None:
    """Click a seat, then press Enter: the seats are taken (it crashed: the screen's own
    'focused' seat hid the keyboard focus)."""
    d = driver
    d.click(d.button("New game"))
    d.click(d.button("Choose seat"))
    buttons = d.app.screen.seat_buttons  # type: ignore[attr-defined]
    d.click(buttons["cu"])
    assert "Chair of the" in buttons["cu"].text and "cu" not in buttons["cu"].text.split()
    d.key(pygame.K_RETURN)
    assert d.screen() == "briefing"
    assert d.app.screen.game.players == ("ARN", "cu")  # type: ignore[attr-defined]
