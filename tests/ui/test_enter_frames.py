"""Entering a screen does its costly parts ahead or in place, and the player still gets all of
the screen: the chamber's objectives take no empty line, the chamber behind a hot-seat cover is
whole when the cover lifts, the theatre's map made ahead is the map made on entering, the seat
picker numbers the seats in place, and the seat cards sit where they always did."""

from __future__ import annotations

import math

import pygame
import pytest

from sim.devtools.driver import Driver
from sim.devtools.screenshots import play_until
from sim.ui.screens import theatre
from sim.ui.screens.theatre import TheatreScreen
from sim.ui.widgets.objectives import ObjectiveRow, name_lines
from sim.ui.widgets.seats import horseshoe, nearest


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_tutorial_chamber_shows_every_objective_with_no_empty_line(
    size: tuple[int, int],
) -> None:
    """At 1280x720 the tracker kept a blank line under each objective for a deadline that
    showed nothing, and the last two objectives did not fit."""
    d = Driver.start(size)
    try:
        d.take_seat()
        screen = d.app.screen
        screen.tracker = None  # type: ignore[attr-defined]  # drawn again in this frame
        lines = d.lines_drawn()
        game = d.app.game
        assert game is not None
        for objective in game.world.objectives:
            assert objective.name in lines, objective.name
        rows = screen.tracked  # type: ignore[attr-defined]
        line_h = round(19 * screen.scale * screen.grow)  # type: ignore[attr-defined]
        # One line each: the title's and one per objective, none left empty.
        assert screen.tracker_area.h < (len(rows) + 2) * line_h  # type: ignore[attr-defined]
    finally:
        pygame.quit()


def test_a_deadline_takes_a_line_of_its_own_only_when_it_shows_and_does_not_fit(
    driver: Driver,
) -> None:
    text = driver.app.text
    row = ObjectiveRow("x", "Fewer than 40 civilians killed a month by month 18", "pending", "", "")
    width = text.font(13).size(row.name)[0] + 30
    assert name_lines(text, row, width, "") == [row.name]
    assert name_lines(text, row, width, "on track · 2 months left!") == [row.name, ""]
    assert name_lines(text, row, 2 * width, "on track · 2 months left!") == [row.name]


def test_the_chamber_behind_a_hot_seat_cover_is_whole_when_the_cover_lifts(
    driver: Driver,
) -> None:
    d = driver
    d.click(d.button("New game"))
    d.click(d.button("Choose seat"))
    d.click(d.app.screen.seat_buttons["CAL"])  # type: ignore[attr-defined]
    d.click(d.button("Done"))
    d.key(pygame.K_RETURN)  # take the seats
    assert d.until(lambda: d.screen() == "handover")
    d.key(pygame.K_RETURN)
    assert d.screen() == "chamber"
    assert d.settle()
    d.frames(1)
    texts = [b.text for b in d.buttons()]
    for action in ("Table draft", "Edit draft", "Consultations", "End turn", "Your seat"):
        assert action in texts, action
    game = d.app.game
    assert game is not None
    council = game.world.bodies[game.world.council]
    seats = d.app.screen.seat_buttons  # type: ignore[attr-defined]
    assert sorted(seats) == sorted(council.members)
    d.app.screen.tracker = None  # type: ignore[attr-defined]
    lines = d.lines_drawn()
    assert any(line.startswith("Month 1 of") for line in lines)
    for objective in game.world.objectives:
        assert objective.name in lines, objective.name


def test_the_theatre_map_made_ahead_is_the_map_made_on_entering(chamber: Driver) -> None:
    """The chamber reads and lays out the theatre's map on its later frames; entering the
    theatre shows the map on the frame after (the same picture as one made from nothing)."""
    d = chamber
    game = d.app.game
    assert game is not None
    d.key(pygame.K_h, frames=2)
    screen = d.app.screen
    assert isinstance(screen, TheatreScreen) and screen.layer is not None
    assert not screen.pending and screen.layer.frame is not None
    ahead = pygame.image.tobytes(screen.layer.frame, "RGBA")
    d.key(pygame.K_ESCAPE)
    theatre._LAYERS.clear()  # noqa: SLF001 - nothing made ahead this time
    d.key(pygame.K_h, frames=1)
    screen = d.app.screen
    assert isinstance(screen, TheatreScreen) and screen.pending
    assert d.settle()
    d.frames(1)
    assert screen.layer is not None and screen.layer.frame is not None
    assert pygame.image.tobytes(screen.layer.frame, "RGBA") == ahead


def test_choosing_seats_numbers_them_in_order_on_the_same_buttons(driver: Driver) -> None:
    d = driver
    d.click(d.button("New game"))
    d.click(d.button("Choose seat"))
    buttons = dict(d.app.screen.seat_buttons)  # type: ignore[attr-defined]
    d.click(buttons["CAL"])
    d.click(buttons["ARN"])  # the scenario's seat, chosen first: now off
    d.click(buttons["ARN"])  # and on again, after CAL
    assert d.app.screen.seat_buttons == buttons  # type: ignore[attr-defined]
    assert buttons["CAL"].text.startswith("1. ") and buttons["ARN"].text.startswith("2. ")
    on = [a for a, b in buttons.items() if b.object_ids and b.object_ids[-1] == "#toggle_on"]
    assert sorted(on) == ["ARN", "CAL"]
    d.key(pygame.K_RETURN)
    assert d.app.screen.game.players == ("CAL", "ARN")  # type: ignore[attr-defined]


def test_nearest_is_the_first_closest_value() -> None:
    values = [0.0, 0.5, 0.5, 1.0, 2.5, 2.5, 4.0]
    for target in [-1.0, 0.0, 0.25, 0.5, 0.75, 1.75, 2.5, 3.25, 9.0]:
        linear = min(range(len(values)), key=lambda j: abs(values[j] - target))
        assert nearest(values, target) == linear, target


def test_the_seat_cards_sit_along_the_horseshoe_apart() -> None:
    area = pygame.Rect(20, 96, 800, 550)
    rects = horseshoe(15, area, (92, 72))
    assert (
        horseshoe(15, area, (92, 72)) == rects and rects[0] is not horseshoe(15, area, (92, 72))[0]
    )
    assert all(area.inflate(2, 2).contains(r) for r in rects)
    assert not [(a, b) for a in rects for b in rects if a is not b and a.colliderect(b)]
    assert math.isclose(rects[0].centerx - area.left, area.right - rects[-1].centerx, abs_tol=2)


def test_choosing_a_month_on_the_timeline_changes_its_buttons_in_place(chamber: Driver) -> None:
    d = chamber
    game = d.app.game
    assert game is not None
    play_until(d, lambda: game.world.month >= 3)
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_t)
    assert d.screen() == "timeline"
    screen = d.app.screen
    months = dict(screen.month_buttons)  # type: ignore[attr-defined]
    last = max(months)

    def look(month: int) -> str:
        return months[month].object_ids[-1]

    assert look(last) == "#toggle_on" and d.button(f"Go back to month {last}")
    d.key(pygame.K_LEFT)
    assert screen.chosen == last - 1  # type: ignore[attr-defined]
    assert screen.month_buttons == months  # type: ignore[attr-defined]
    assert look(last - 1) == "#toggle_on" and look(last) == "#small"
    assert d.button(f"Go back to month {last - 1}")
    d.click(months[1])
    assert look(1) == "#toggle_on" and look(last - 1) == "#small"
    assert f"{game.month_title(1)}: your decisions" in d.lines_drawn()
