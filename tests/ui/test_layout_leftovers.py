"""What a first-time player found cut short or crowded, at 1280x720 and 1920x1080: the F1 help
("Advisor acts: Do what the AI penholder would do this p…"), the chamber's objectives ("Both
resolutions adopted by the end o…"), the world view's organization buttons ("ECOWAS: Economic
Community of West Afr…")."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from sim.devtools.driver import Driver


def to_chamber(d: Driver) -> None:
    """Title → briefing → chamber by clicks, to the player's first turn."""
    d.click(d.button("New game"))
    d.click(d.button("Take your seat"))
    assert d.until(lambda: d.app.game is not None and d.app.game.awaiting)
    d.frames(2)


def drawn(d: Driver) -> list[str]:
    """The lines of text drawn in one frame."""
    seen: list[str] = []
    text = d.app.text
    render = text.render

    def recording(line: str, *args: object, **kwargs: object) -> pygame.Surface:
        seen.append(line)
        return render(line, *args, **kwargs)  # type: ignore[arg-type]

    text.render = recording  # type: ignore[method-assign]
    try:
        d.frames(1)
    finally:
        del text.render
    return seen


SIZES = [((1024, 600), 1.0), ((1280, 720), 1.0), ((1920, 1080), 1.0), ((1920, 1080), 2.0)]


@pytest.mark.parametrize("size,scale", SIZES)
def test_the_help_shows_every_key_and_what_it_does_in_full(
    size: tuple[int, int], scale: float
) -> None:
    d = Driver.start(size, scale)
    try:
        to_chamber(d)
        d.key(pygame.K_F1)
        lines = drawn(d)
        assert not [line for line in lines if line.endswith("…")]
        shown = " ".join(" ".join(lines).split())
        for key, what in d.app.screen.help():
            assert key in lines and " ".join(what.split()) in shown, (key, what)
    finally:
        pygame.quit()


ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("scenario", ["rwanda_1994", "libya_2011"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_chamber_shows_every_objective_in_full(scenario: str, size: tuple[int, int]) -> None:
    d = Driver.start(size, scenario=ROOT / "scenarios" / f"{scenario}.toml")
    try:
        to_chamber(d)
        d.app.screen.tracker = None  # type: ignore[attr-defined]  # drawn again in this frame
        shown = " ".join(drawn(d))
        game = d.app.game
        assert game is not None
        for objective in game.world.objectives:
            assert objective.name in shown, objective.name
    finally:
        pygame.quit()
