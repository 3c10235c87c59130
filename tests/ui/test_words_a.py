"""The profile, who decides, peace talks, your seat and the seat choice speak in names and
words: no raw decimals and no internal ids in the text they draw, on the tutorial and Libya.

Every screen is reached by real key presses and clicks; the text is what ``app.text.render``
was asked to draw over a frame, and the texts of the screen's widgets. The profile keeps its
numbers in one line for the curious, which is left out.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from sim.devtools.driver import Driver
from sim.model.mediation import SECRETARY_GENERAL
from sim.model.world import World

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = {
    "tutorial": ROOT / "scenarios" / "tutorial.toml",
    "libya": ROOT / "scenarios" / "libya_2011.toml",
}
DECIMAL = re.compile(r"[+-]?\d\.\d{2,}")
CURIOUS = "For the curious"


def known_ids(world: World) -> set[str]:
    """Every id a player should never read: states, drafts, missions, organizations, parties."""
    ids = set(world.states.ids) | set(world.drafts) | {t.id for t in world.templates}
    ids |= {m.id for m in world.missions} | set(world.organizations) | {SECRETARY_GENERAL}
    ids |= {p.id for p in world.theatre.parties}
    return ids


def drawn(d: Driver) -> list[str]:
    """The lines of text the top screen draws in one frame, and its widgets' texts."""
    seen = d.lines_drawn()
    seen += [e.text for e in d.app.screen.elements if isinstance(getattr(e, "text", None), str)]
    return [line for line in seen if line and not line.startswith(CURIOUS)]


def problems(lines: list[str], ids: set[str]) -> list[str]:
    """Lines with a raw decimal or a known id."""
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(ids))) + r")(?![\w-])")
    return [line for line in lines if DECIMAL.search(line) or pattern.search(line)]


class Checker:
    """Looks at each screen: screenshots to MANDATE_SHOTS when set, and every problem found."""

    def __init__(self, d: Driver, name: str) -> None:
        self.d = d
        self.name = name
        self.found: dict[str, list[str]] = {}
        self.folder = os.environ.get("MANDATE_SHOTS")

    def look(self, label: str) -> list[str]:
        self.d.app.message_time = 0.0  # the toast is the app's, not the screen's
        world = self.d.app.game.world if self.d.app.game else None
        lines = drawn(self.d)
        ids = known_ids(world) if world is not None else set()
        if world is None:
            ids = known_ids(self.d.app.screen.briefing.game.world)  # type: ignore[attr-defined]
        bad = problems(lines, ids)
        if bad:
            self.found[label] = bad
        if self.folder:
            self.d.shot(Path(self.folder) / f"{self.name}-{label}.png")
        return lines


def to_turn(d: Driver) -> None:
    """Wait for the player's turn and come back to the chamber (a vote or the news may show)."""
    assert d.until(lambda: d.app.game is not None and d.app.game.awaiting, 3000)
    d.frames(1)
    for _ in range(6):
        if d.screen() == "chamber":
            return
        d.key(pygame.K_ESCAPE)
    assert d.screen() == "chamber"


@pytest.fixture(params=sorted(SCENARIOS))
def game(request: pytest.FixtureRequest) -> Iterator[tuple[Driver, str]]:
    d = Driver.start(scenario=SCENARIOS[request.param])
    yield d, request.param
    pygame.quit()


def test_the_screens_speak_in_names_and_words(game: tuple[Driver, str]) -> None:
    d, name = game
    check = Checker(d, name)
    d.click(d.button("New game"))
    d.click(d.button("Choose seat"))
    lines = check.look("seatpick")
    assert any(line.startswith("Chair of the") for line in lines)
    d.key(pygame.K_ESCAPE)
    d.click(d.button("Take your seat"))
    to_turn(d)
    game_ = d.app.game
    assert game_ is not None
    d.key(pygame.K_t)  # table the draft if the seat holds the pen
    to_turn(d)
    d.key(pygame.K_u)
    assert d.screen() == "seat"
    lines = check.look("seat")
    assert sum(len(line) for line in lines) > 300, "the seat screen says what the seat can do"
    d.key(pygame.K_ESCAPE)
    council = sorted(game_.world.bodies[game_.world.council].members)
    d.click(d.app.screen.seat_buttons[council[0]])  # type: ignore[attr-defined]
    assert d.screen() == "profile"
    for n in range(len(council)):
        check.look(f"profile-{n}")
        d.key(pygame.K_RIGHT)
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_h)
    d.key(pygame.K_w)
    assert d.screen() == "deciders"
    for n in range(len(d.app.screen.deciders())):  # type: ignore[attr-defined]
        check.look(f"deciders-{n}")
        d.key(pygame.K_RIGHT)
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_p)
    assert d.screen() == "peace"
    check.look("peace")
    assert not check.found, check.found


def test_peace_talks_under_way_speak_in_names_and_words() -> None:
    """Libya with the African Union's chair: it appoints a joint envoy and convenes the talks;
    a month on, the parties' answers are in words, and the rows name the parties."""
    d = Driver.start(scenario=SCENARIOS["libya"])
    check = Checker(d, "libya")
    d.click(d.button("New game"))
    d.click(d.button("Choose seat"))
    d.click(d.button("1. France"))
    d.click(d.app.screen.seat_buttons["au"])  # type: ignore[attr-defined]
    d.key(pygame.K_RETURN)
    d.click(d.button("Take your seat"))
    to_turn(d)
    game = d.app.game
    assert game is not None and game.player == "au"
    d.key(pygame.K_h)
    d.key(pygame.K_p)
    assert d.screen() == "peace"
    d.click(d.button("Appoint a joint envoy"))
    d.click(d.button("Convene talks"))
    assert game.world.peace.talks is not None
    for _ in range(12):  # turns go by until the envoy has put a text and the parties answered
        talks = game.world.peace.talks
        if talks is None or talks.answers or game.world.finished:
            break
        to_turn(d)
        d.key(pygame.K_SPACE)
    to_turn(d)
    d.key(pygame.K_h)
    d.key(pygame.K_p)
    lines = check.look("peace-talks")
    assert any(line.startswith(("Government refuses", "Government accepts")) for line in lines)
    assert not check.found, check.found
    pygame.quit()
