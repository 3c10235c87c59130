"""A player appoints an envoy and convenes talks from the peace talks screen, by real events;
a seat that may not do it sees the buttons disabled and the model's reason written out."""

from __future__ import annotations

import os
from pathlib import Path

import pygame

from sim.devtools.driver import Driver

SYRIA = Path(__file__).resolve().parents[2] / "scenarios" / "syria_2011.toml"


def _shots(tmp_path: Path) -> Path:
    """Where screenshots go: MANDATE_SHOTS (to look at them) or the test's own folder."""
    return Path(os.environ.get("MANDATE_SHOTS", tmp_path))


def _peace_talks(d: Driver, seat: str | None) -> None:
    """From the title to the peace talks screen, in the scenario's seat or the given one."""
    d.click(d.button("New game"))
    if seat is not None:
        d.click(d.button("Choose seat"))
        d.click(d.button("1. United Kingdom"))  # unchoose the scenario's seat
        d.click(d.app.screen.seat_buttons[seat])  # type: ignore[attr-defined]
        d.click(d.button("Done"))
    d.click(d.button("Take your seat"))
    assert d.until(lambda: d.app.game is not None and d.app.game.awaiting)
    d.frames(2)
    d.key(pygame.K_h)
    assert d.screen() == "theatre"
    d.key(pygame.K_p)
    assert d.screen() == "peace"


def test_a_member_state_may_not_appoint_an_envoy_and_is_told_why(tmp_path: Path) -> None:
    d = Driver.start(scenario=SYRIA)
    _peace_talks(d, None)
    appoint, convene = d.button("Appoint a joint envoy"), d.button("Convene talks")
    assert not appoint.is_enabled and not convene.is_enabled
    log = len(d.app.game.session.engine.log)  # type: ignore[union-attr]
    d.click(appoint)
    d.key(pygame.K_a)
    assert d.app.game.world.peace.envoy is None  # type: ignore[union-attr]
    assert len(d.app.game.session.engine.log) == log  # type: ignore[union-attr]
    reasons = dict(d.app.screen.refused)  # type: ignore[attr-defined]
    assert "only the Secretary-General" in reasons["Appoint a joint envoy"]
    assert "no envoy has been appointed" in reasons["Convene talks"]
    assert not any(b.text.startswith("Government:") for b in d.buttons())  # no table to choose
    d.shot(_shots(tmp_path) / "peace-state-seat.png")
    pygame.quit()


def test_a_regional_chair_appoints_a_joint_envoy_and_decides_who_sits_at_the_table(
    tmp_path: Path,
) -> None:
    d = Driver.start(scenario=SYRIA)
    _peace_talks(d, "las")
    game = d.app.game
    assert game is not None and game.player == "las"
    d.click(d.button("Appoint a joint envoy"))
    envoy = game.world.peace.envoy
    assert envoy is not None and envoy.sponsors == ("las", "un")
    assert not d.button("Appoint a joint envoy").is_enabled  # one envoy at a time
    # Leaving the opposition out leaves one party: the model refuses, and the screen says why.
    d.click(d.button("Opposition: in"))
    assert not d.button("Convene talks").is_enabled
    assert "at least two parties" in dict(d.app.screen.refused)["Convene talks"]  # type: ignore[attr-defined]
    d.click(d.button("Opposition: out"))
    d.click(d.button("women: in"))
    d.click(d.button("Convene talks"))
    talks = game.world.peace.talks
    assert talks is not None
    assert talks.parties == ("gov", "opposition")
    assert not talks.women and talks.civil_society
    assert not any(b.text.startswith("Government:") for b in d.buttons())  # the table is set
    kinds = [(c.kind, getattr(c, "actor", "")) for c in game.session.engine.log]
    assert ("appoint_envoy", "las") in kinds and ("convene_talks", "las") in kinds
    d.frames(2)
    d.shot(_shots(tmp_path) / "peace-chair-convened.png")
    # The UN's envoy, co-sponsor, puts the text to the parties at the end of the month.
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_ESCAPE)
    month = game.world.month
    records = game.world.peace.records
    for _ in range(60):  # the player's turns of the month, each ended at once
        if records or game.world.month > month:
            break
        game.end_turn()
        d.frames(5)
    assert records and records[0].month == month
    assert set(records[0].answers) == {"gov", "opposition"}
    pygame.quit()
