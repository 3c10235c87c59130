"""Flags: one bundled for every member of the world roster (with its licence), shown on the seat
cards of a world-roster scenario, and drawn from the id for fictional states, whose ids may be
real ISO codes."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from sim.devtools import make_flags
from sim.devtools.driver import Driver
from sim.scenario.roster import load_roster
from sim.ui import flags, theme
from sim.ui.widgets.seats import Seat, draw_card

ROOT = Path(__file__).resolve().parents[2]
FLAGS = ROOT / "assets" / "flags"
ROSTER = load_roster(ROOT / "scenarios" / "data" / "world_roster.toml")


def test_every_member_of_the_roster_has_a_small_bundled_flag_and_the_set_its_licence() -> None:
    files = {p.stem for p in FLAGS.glob("*.png")}
    assert set(ROSTER) <= files
    assert {f"org-{org}" for org in make_flags.ORGANIZATIONS} <= files
    assert "MIT" in (FLAGS / "LICENSE").read_text(encoding="utf-8")
    assert "flags/" in (ROOT / "assets" / "CREDITS").read_text(encoding="utf-8")
    total = sum(p.stat().st_size for p in FLAGS.iterdir())
    assert total < 2_000_000
    image = pygame.image.load(str(FLAGS / "FRA.png"))
    assert image.get_size() == (make_flags.WIDTH, make_flags.HEIGHT)


def test_the_regeneration_script_matches_every_member_with_a_distinct_flag_code() -> None:
    codes = make_flags.alpha2_codes(sorted(ROSTER))
    assert len(set(codes.values())) == len(ROSTER) == 193
    assert codes["GBR"] == "gb" and codes["NAM"] == "na" and codes["SSD"] == "ss"


def _colours(surface: pygame.Surface, rect: pygame.Rect) -> set[tuple[int, int, int]]:
    return {
        tuple(surface.get_at((x, y)))[:3]  # type: ignore[misc]
        for x in range(rect.left, rect.right)
        for y in range(rect.top, rect.bottom)
    }


def _card(actor: str, real: bool) -> pygame.Surface:
    surface = pygame.Surface((92, 72))
    seat = Seat(actor, actor, False, "yes", 200, 300, False)
    draw_card(surface, theme.Text(1.0), seat, surface.get_rect(), 1.0, real)
    return surface


def test_a_seat_card_shows_the_members_flag(driver: Driver) -> None:
    japan = _card("JPN", real=True)
    corner = pygame.Rect(60, 50, 30, 20)
    # Japan's flag: a white field (the card is dark) around a red disc.
    colours = _colours(japan, corner)
    assert any(r > 230 and g > 230 and b > 230 for r, g, b in colours)
    assert any(r > 150 and g < 60 and b < 80 for r, g, b in colours)
    assert _colours(_card("JPN", real=False), corner) != colours


def test_fictional_states_get_a_drawn_flag_that_is_stable_and_not_the_real_one(
    driver: Driver,
) -> None:
    estonia = flags.flag("EST", 24, real=True)
    estoria = flags.flag("EST", 24, real=False)
    assert estoria.get_size() == estonia.get_size() == (32, 24)
    assert pygame.image.tobytes(estoria, "RGB") != pygame.image.tobytes(estonia, "RGB")
    again = flags.drawn_flag("EST", (32, 24))
    assert pygame.image.tobytes(again, "RGB") == pygame.image.tobytes(
        flags.drawn_flag("EST", (32, 24)), "RGB"
    )
    assert pygame.image.tobytes(flags.drawn_flag("CAL", (32, 24)), "RGB") != pygame.image.tobytes(
        again, "RGB"
    )


def test_emblems_exist_only_where_the_set_has_one(driver: Driver) -> None:
    assert flags.emblem("EU", 18) is not None and flags.emblem("las", 18) is not None
    assert flags.emblem("ECOWAS", 18) is None


@pytest.mark.parametrize("scenario", ["libya_2011"])
def test_the_chamber_of_a_historical_scenario_shows_real_flags(scenario: str) -> None:
    d = Driver.start(scenario=ROOT / "scenarios" / f"{scenario}.toml")
    try:
        d.key(pygame.K_RETURN)
        d.key(pygame.K_RETURN)
        assert d.until(lambda: d.app.game is not None and d.app.game.awaiting)
        d.frames(2)
        screen = d.app.screen
        rects = dict(zip([s.actor for s in screen.seats], screen.seat_rects, strict=True))
        card = rects["USA"]
        colours = _colours(d.app.window, screen.r(card.x, card.y, card.w, card.h))
        # The Stars and Stripes' blue canton and red stripes are on the United States' card.
        assert any(b > 90 and r < 80 and g < 80 for r, g, b in colours)
        assert any(r > 120 and r - g > 60 and r - b > 40 for r, g, b in colours)
    finally:
        pygame.quit()
