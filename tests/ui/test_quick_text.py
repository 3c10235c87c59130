"""The text box that renders its lines as they come into view looks like pygame_gui's own."""

from __future__ import annotations

import pygame
import pygame_gui
import pytest
from pygame_gui.elements import UITextBox

from sim.ui import theme
from sim.ui.widgets.textbox import QuickTextBox

LONG = "<br>".join(
    f"<b>Month {n}</b>: the Council met; <i>Arnesia</i> circulated a draft on the "
    f"<font color='#56B4E9'>ceasefire</font> and {n} states spoke for it, at length." * (n % 3 + 1)
    for n in range(60)
)
SHORT = "<b>Tutorial</b><br>A short text that fits in its box without a scroll bar."


def picture(kind: type[UITextBox], html: str, rect: pygame.Rect, scroll: float | None) -> bytes:
    """What a text box of ``kind`` shows, optionally scrolled to ``scroll`` (0 top, 1 bottom)."""
    size = (900, 600)
    manager = pygame_gui.UIManager(size, theme.theme_data(1.0))
    surface = pygame.Surface(size)
    box = kind(html, rect, manager)
    if scroll is not None:
        assert box.scroll_bar is not None
        box.scroll_bar.set_scroll_from_start_percentage(scroll)
        for _ in range(3):
            manager.update(1 / 60)
    manager.update(1 / 60)
    surface.fill(theme.BG)
    manager.draw_ui(surface)
    return pygame.image.tobytes(surface, "RGB")


@pytest.fixture(autouse=True)
def display() -> None:
    pygame.init()
    pygame.display.set_mode((900, 600))


@pytest.mark.parametrize(
    ("html", "scroll"), [(SHORT, None), (LONG, None), (LONG, 0.5), (LONG, 0.9)]
)
def test_quick_text_box_shows_the_same_pixels(html: str, scroll: float | None) -> None:
    rect = pygame.Rect(20, 20, 600, 400)
    assert picture(QuickTextBox, html, rect, scroll) == picture(UITextBox, html, rect, scroll)


def test_quick_text_box_renders_only_the_lines_in_view() -> None:
    manager = pygame_gui.UIManager((900, 600), theme.theme_data(1.0))
    box = QuickTextBox(LONG, pygame.Rect(20, 20, 600, 400), manager)
    layout = box.text_box_layout
    assert layout is not None and box.scroll_bar is not None
    drawn = len(layout.drawn)  # type: ignore[attr-defined]
    assert 0 < drawn < len(layout.layout_rows) / 2
    box.scroll_bar.set_scroll_from_start_percentage(0.9)
    manager.update(1 / 60)
    assert len(layout.drawn) > drawn  # type: ignore[attr-defined]
