"""Layout at every size: every screen of the tour (title to debrief) over a grid of window sizes
(1024×600 to 2560×1440) and UI scales (1.0 to 2.0), with no text widget clipped, off screen or
on top of another, and the message line over no control or busy area; the window's minimum size
and the scale a window can hold."""

from __future__ import annotations

import itertools

import pygame
import pytest
from pygame_gui.elements import UIButton, UILabel

from sim.devtools.driver import Driver
from sim.devtools.screenshots import tour
from sim.ui.app import MIN_SIZE, fitted_scale

GRID = [
    ((1024, 600), 1.0),
    ((1280, 720), 1.5),
    ((1920, 1080), 1.0),  # the room to spare is used: larger cards, columns and type
    ((1920, 1080), 2.0),
    ((2560, 1440), 1.5),
    ((2560, 1440), 2.0),
]


def layout_problems(d: Driver) -> list[str]:
    """What is wrong with the top screen's buttons and labels, in words."""
    out = []
    window = pygame.Rect((0, 0), d.app.size)
    widgets = [e for e in d.app.screen.elements if isinstance(e, UIButton | UILabel) and e.visible]
    for e in widgets:
        if not window.contains(e.rect):
            out.append(f"{e.text!r} is off screen at {e.rect}")
        if e.text and e.font.size(e.text)[0] > e.rect.width - 4:
            out.append(f"{e.text!r} is clipped: needs {e.font.size(e.text)[0]}, has {e.rect.w}")
    for a, b in itertools.combinations(widgets, 2):
        if a.rect.colliderect(b.rect):
            out.append(f"{a.text!r} at {a.rect} overlaps {b.text!r} at {b.rect}")
    out += toast_problems(d)
    return out


def toast_problems(d: Driver) -> list[str]:
    """Where a two-line message would cover a control or one of the screen's busy areas."""
    app = d.app
    kept = app.message
    app.message = "A message long enough to need most of the row it is given, or two lines. " * 2
    try:
        box, _ = app.message_layout()
    finally:
        app.message = kept
    window = pygame.Rect((0, 0), app.size)
    covered = [e.rect for e in app.screen.elements if e.visible] + app.screen.busy_rects()
    out = [f"the message at {box} covers {r}" for r in covered if box.colliderect(r)]
    if not window.contains(box):
        out.append(f"the message at {box} is off screen")
    return out


@pytest.mark.parametrize("size,scale", GRID)
def test_no_text_widget_is_clipped_off_screen_or_overlapping_on_any_screen(
    size: tuple[int, int], scale: float
) -> None:
    d = Driver.start(size, scale)
    found: dict[str, list[str]] = {}
    visited = []

    def stop(name: str) -> None:
        visited.append(d.screen())
        problems = layout_problems(d)
        if problems:
            found[f"{name} ({d.screen()})"] = problems

    try:
        tour(d, stop)
    finally:
        pygame.quit()
    assert {
        "title",
        "settings",
        "briefing",
        "chamber",
        "draft",
        "theatre",
        "world",
        "vote",
        "news",
        "debrief",
    } <= set(visited)
    assert not found, found


def test_the_scale_is_held_to_what_the_window_can_show() -> None:
    assert fitted_scale(1.5, (1280, 720)) == 1.0
    assert fitted_scale(1.5, (1920, 1080)) == 1.5
    assert fitted_scale(2.0, (2560, 1440)) == 2.0
    assert fitted_scale(1.0, (1024, 600)) == pytest.approx(0.8, abs=0.01)


def test_a_window_is_never_smaller_than_the_minimum_and_settings_fit_at_two() -> None:
    d = Driver.start((1280, 720), 2.0)
    try:
        d.app.resize((640, 400))
        assert d.app.size == MIN_SIZE
        d.key(pygame.K_s)
        assert d.screen() == "settings"
        done = d.button("Done")
        assert pygame.Rect((0, 0), d.app.size).contains(done.rect)
        assert "fits this window" in d.button("UI scale").text
    finally:
        pygame.quit()
