"""The chamber follows the Council's membership: when members are replaced during a game
(Rwanda, 1 January 1994: Argentina, the Czech Republic, Nigeria, Oman and Rwanda take their
seats) the horseshoe is rebuilt for the new members instead of failing."""

from __future__ import annotations

from pathlib import Path

import pygame

from sim.devtools.driver import Driver

RWANDA = Path(__file__).resolve().parents[2] / "scenarios" / "rwanda_1994.toml"


def test_the_chamber_seats_the_new_members_of_1994() -> None:
    d = Driver.start((1280, 720), scenario=RWANDA)
    d.click(d.button("New game"))
    d.click(d.button("Take your seat"))
    game = d.app.game
    assert game is not None
    before = set(game.world.bodies[game.world.council].members)
    assert "ARG" not in before
    for _ in range(120):  # Enter presses the suggested action each time (bounded)
        if game.world.month >= 5 or game.session.finished:
            break
        d.key(pygame.K_RETURN)
        d.until(lambda: game.awaiting or d.screen() != "chamber", 200)
    assert game.world.month >= 5, "the game reached 1994"
    while d.screen() != "chamber":
        d.key(pygame.K_ESCAPE)
    d.frames(3)
    members = set(game.world.bodies[game.world.council].members)
    assert {"ARG", "CZE", "NGA", "OMN", "RWA"} <= members
    assert set(d.app.screen.seat_buttons) == members
