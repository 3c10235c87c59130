"""A contributor's seat sets and lifts national caveats on its contingent, by real events."""

from __future__ import annotations

import os
from pathlib import Path

import pygame

from sim.devtools.driver import Driver
from sim.model.caveats import caveats_of


def _shots(tmp_path: Path) -> Path:
    return Path(os.environ.get("MANDATE_SHOTS", tmp_path))


def _has(d: Driver, text: str) -> bool:
    return any(text in b.text for b in d.buttons())


def test_a_contributor_sets_and_lifts_a_caveat_on_its_seat_screen(
    driver: Driver, tmp_path: Path
) -> None:
    d = driver
    d.click(d.button("New game"))
    d.click(d.button("Choose seat"))
    d.click(d.button("1. Arnesia"))  # the scenario's seat, unchosen
    d.click(d.app.screen.seat_buttons["PEL"])  # type: ignore[attr-defined]
    d.click(d.button("Done"))
    d.click(d.button("Take your seat"))
    assert d.until(lambda: d.app.game is not None and d.app.game.awaiting)
    game = d.app.game
    assert game.players == ("PEL",)
    for _ in range(12):  # months until a mission recruits; it pledges, and its contingent serves
        d.frames(2)
        for _ in range(3):  # a vote's result or the news may show first
            if d.screen() != "chamber":
                d.key(pygame.K_ESCAPE)
        d.key(pygame.K_u)
        assert d.screen() == "seat"
        if _has(d, "Pledge") and not _has(d, "Set caveat"):
            d.click(next(b for b in d.buttons() if b.text.startswith("Pledge")))
            assert "pledges" in d.app.message
        if _has(d, "Set caveat"):
            break
        d.key(pygame.K_ESCAPE)
        d.key(pygame.K_SPACE)
        assert d.until(lambda: game.awaiting or game.world.finished)
    assert _has(d, "Set caveat: no offensive operations"), [b.text for b in d.buttons()]
    button = d.button("Set caveat: no offensive operations")
    mission = next(
        m.id
        for m in game.world.active_missions()
        if any(c.contributor == "PEL" for c in m.contingents)
    )
    notes = " ".join(d.app.screen.notes)  # type: ignore[attr-defined]
    assert "self-defence" in notes and "would protect civilians" in notes
    d.click(button)
    world = game.world
    assert caveats_of(world, mission, "PEL") == ("no_offensive_operations",)
    assert "sets caveats" in d.app.message
    assert _has(d, "Lift caveat: no offensive operations"), "the button now lifts it"
    d.frames(2)
    d.shot(_shots(tmp_path) / "contributor-caveats.png")
    d.click(d.button("Set caveat: capital only"))
    assert caveats_of(world, mission, "PEL") == ("capital_only", "no_offensive_operations")
    d.click(d.button("Lift caveat: no offensive operations"))
    d.click(d.button("Lift caveat: capital only"))
    assert world.caveats == {} and "lifts its caveats" in d.app.message
    kinds = [c.kind for c in game.session.engine.log]
    assert kinds.count("set_caveats") == 4
