"""Room to spare: how a screen uses a window larger than its 1280×720 logical design.

Screens are laid out in logical pixels (1280×720 at UI scale 1.0). In a larger window at the
same scale (1920×1080 at 1.0) a layout made for 1280×720 leaves large areas empty and keeps its
type small. :func:`room` says how much larger the logical window is (1.0 up to the design size,
1.5 at 1920×1080, 2.0 at 2560×1440, whatever the UI scale already took); a screen grows its
cards and columns by it and its type by :func:`type_factor` (half as much: a big screen shows
more, not only bigger). :class:`Zoomed` draws text a given factor larger through the app's own
text cache, so widgets written for fixed type sizes (seat cards, the objectives tracker, the
theatre panel) grow without change.
"""

from __future__ import annotations

import pygame

from sim.ui import theme
from sim.ui.theme import Text

#: The logical size the screens are designed for (the app's DESIGN_SIZE).
DESIGN = (1280, 720)
#: Beyond twice the design size in both directions the layout grows no further.
MOST = 2.0
#: The sizes grown type is drawn in: a grown size is the nearest of these, so the screens share
#: a few fonts (each font's letters are drawn once, 1–2 ms, on its first use: fewer fonts,
#: shorter first frames).
LADDER = (15, 16, 18, 21, 22, 24, 28, 30, 33, 36, 40, 44)


def room(width: int, height: int) -> float:
    """How much larger than the design a logical window of ``width`` × ``height`` is, from 1.0
    (the design size or smaller) to :data:`MOST`: the smaller of the two ratios, so what grows
    by it still fits the other way."""
    return max(1.0, min(MOST, width / DESIGN[0], height / DESIGN[1]))


def type_factor(spare: float) -> float:
    """How much larger the type of a screen with ``spare`` room (see :func:`room`) is drawn:
    half the room's growth (1.25 at 1920×1080, 1.5 at 2560×1440 at UI scale 1.0)."""
    return 1.0 + (spare - 1.0) / 2


class Zoomed(Text):
    """The app's :class:`Text` with every size ``factor`` times larger (to the nearest size of
    :data:`LADDER`): the same font files and the same cache of rendered lines (so what a test
    records drawing goes through it)."""

    def __init__(self, base: Text, factor: float) -> None:  # noqa: D107 - shares base's caches
        self.base = base
        self.factor = factor
        self.scale = base.scale * factor
        self._sizes: dict[int, int] = {}

    def _size(self, size: int) -> int:
        grown = self._sizes.get(size)
        if grown is None:  # asked for every line drawn: worked out once per size
            exact = size * self.factor
            grown = self._sizes[size] = min(LADDER, key=lambda step: (abs(step - exact), step))
        return grown

    def font(self, size: int, bold: bool = False, italic: bool = False) -> pygame.font.Font:
        return self.base.font(self._size(size), bold, italic)

    def render(
        self,
        text: str,
        size: int = 15,
        colour: tuple[int, int, int] = theme.TEXT,
        bold: bool = False,
        italic: bool = False,
    ) -> pygame.Surface:
        return self.base.render(text, self._size(size), colour, bold, italic)

    def fit(self, text: str, size: int, width: int, bold: bool = False) -> str:
        return self.base.fit(text, self._size(size), width, bold)

    def wrap(self, text: str, size: int, width: int, bold: bool = False) -> list[str]:
        return self.base.wrap(text, self._size(size), width, bold)


def zoomed(base: Text, factor: float) -> Text:
    """``base`` itself when ``factor`` is 1 (nothing to grow), else a :class:`Zoomed` view."""
    return base if abs(factor - 1.0) < 1e-6 else Zoomed(base, factor)
