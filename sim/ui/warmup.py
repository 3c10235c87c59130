"""Work done ahead on idle frames, so that the first frame of a screen does not do it.

Two things make a screen's first frame slow the first time only: a button shape of a new
height and look (pygame_gui draws it at four times its size; :mod:`sim.ui.shapes` makes other
widths from it), and a letter never drawn before in a font of that size and weight (FreeType
loads and renders each glyph on first use: 2–4 ms for a line of new letters, about 15 ms for a
whole alphabet). :class:`Warmer` does both, a little at a time, on frames that have time left
(the title, the briefing, a screen left standing), most used first.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton

from sim.ui.shapes import exact_width
from sim.ui.theme import Text

#: Heights (logical pixels) of the game's buttons and their styles (assets/theme.json) whose
#: shapes are drawn once, so that the first screen with buttons of a new width finds their ends
#: kept. A height missing here costs only time: that screen's first frame draws it.
HEIGHTS = (36, 40, 44, 26, 38, 42, 46)
STYLES = (None, "#primary", "#toggle_on")
#: The letters warmed in each font, a few at a time (:data:`PER_STEP`).
LETTERS = (
    "etaoinsrhldcumfpgwybvkxjqz ETAOINSRHLDCUMFPGWYBVKXJQZ 0123456789 .,:;!?'\"()[]-+/%&·—–…’‘“”×"
)
PER_STEP = 12
#: The screens' own text (:class:`sim.ui.theme.Text`): (size, bold), most used first.
TEXT_FONTS = (
    (15, False),
    (13, False),
    (20, True),
    (17, True),
    (18, False),  # grown type at 1920x1080 (sim.ui.room): the chamber's top line, cards
    (21, True),
    (15, True),
    (13, True),
    (11, True),
    (12, False),
    (14, True),
    (16, True),
    (18, True),
    (17, False),
    (22, True),
    (14, False),
    (16, False),
    (12, True),
    (24, True),
    (26, True),
    (30, True),
    (28, True),
)


class Warmer:
    """Draws, on idle frames, the common button shapes and the letters of the game's fonts
    (one step a frame, each about 1–3 ms), out of sight."""

    def __init__(
        self, manager: pygame_gui.UIManager, theme: dict[str, Any], scale: float, text: Text
    ) -> None:
        """``theme`` is the manager's theme data (:func:`sim.ui.theme.theme_data`), ``scale``
        the UI scale it was made for, ``text`` the screens' fonts."""
        self.manager = manager
        self.scale = scale
        self.text = text
        misc = theme["button"]["misc"]
        self.width = exact_width(int(misc["shape_corner_radius"]), int(misc["border_width"]))
        self._steps: Iterator[None] | None = None
        self.done = False

    def step(self) -> None:
        """Do the next piece of work (nothing once all is done)."""
        if self.done:
            return
        if self._steps is None:
            self._steps = self._all()
        if next(self._steps, True) is True:
            self.done = True

    def _all(self) -> Iterator[None]:
        """The three kinds of work taken in turn, so that each is well begun early."""
        works = [
            self._letters(self._widget_fonts()),
            self._letters([self.text.font(size, bold) for size, bold in TEXT_FONTS]),
            self._shapes(),
        ]
        while works:
            for work in list(works):
                if next(work, True) is True:
                    works.remove(work)
                else:
                    yield None

    def _widget_fonts(self) -> list[Any]:
        """pygame_gui's fonts of our theme (buttons, labels, text boxes), loaded by the
        manager, those nearest the buttons' size first."""
        fonts = self.manager.get_theme().get_font_dictionary().loaded_fonts
        body = round(15 * self.scale)
        found = []
        for key, resource in fonts.items():
            parts = key.split("_")  # noto_sans_bold_aa_15
            if key.startswith("noto_sans_") and parts[-1].isdigit() and resource.loaded_font:
                found.append((abs(int(parts[-1]) - body), parts[2] != "regular", resource))
        return [resource.loaded_font for *_, resource in sorted(found, key=lambda f: f[:2])]

    def _letters(self, fonts: list[Any]) -> Iterator[None]:
        white = pygame.Color(255, 255, 255)
        for font in fonts:
            for at in range(0, len(LETTERS), PER_STEP):
                chunk = LETTERS[at : at + PER_STEP]
                if isinstance(font, pygame.font.Font):
                    font.render(chunk, True, white)
                else:
                    font.render_premul(chunk, white)
                yield None

    def _shapes(self) -> Iterator[None]:
        for height in HEIGHTS:
            for style in STYLES:
                rect = pygame.Rect(-2 * self.width, 0, self.width, round(height * self.scale))
                # Made with its normal look; pygame_gui draws its hovered, selected and active
                # looks on the next three frames.
                button = UIButton(
                    rect,
                    "",
                    self.manager,
                    object_id=ObjectID(object_id=style) if style else None,
                    visible=0,
                )
                for _ in range(3):
                    yield None
                button.disable()
                button.kill()
                yield None
