"""A long scrolling list of one-line entries (the event log), drawn by its screen.

pygame_gui's text box parses the HTML of its whole text, measures every word by rendering it and
paints the whole text into one surface as tall as the text: for a game's ~350 events that took
150-185 ms in one frame, and a surface of ~60 MB. :class:`LogView` keeps the entries as plain
lines: it wraps them by measuring whole lines (one measurement for an entry that fits, a binary
search over its words for one that does not), a few dozen entries a frame, and renders only the
lines in view, through the app's text cache. It scrolls as every
:class:`~sim.ui.widgets.scrollbox.ScrollBox` does (wheel, keys, scroll bar).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pygame

from sim.ui import theme
from sim.ui.widgets.scrollbox import ScrollBox


@dataclass(frozen=True)
class Entry:
    """One entry: a line of text (wrapped if long), its colour and weight, a flag before it,
    and whether a blank line comes before it (a month's heading)."""

    text: str
    colour: tuple[int, int, int] = theme.TEXT
    bold: bool = False
    flag: pygame.Surface | None = None
    gap: bool = False


@dataclass(frozen=True)
class Row:
    """One laid-out line: where it goes (pixels from the top of the text), what it says, and
    the entry it belongs to (the flag is drawn on an entry's first row only)."""

    y: int
    x: int
    text: str
    entry: Entry
    first: bool


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """``text`` in lines no wider than ``width`` pixels (a word wider than that on its own
    line): one measurement when it fits, else a binary search over the words of each line."""
    if font.size(text)[0] <= width:
        return [text]
    words = text.split()
    lines = []
    start = 0
    while start < len(words):
        low, high = start + 1, len(words)  # the line is words[start:end], low <= end <= high
        while low < high:
            mid = (low + high + 1) // 2
            if font.size(" ".join(words[start:mid]))[0] <= width:
                low = mid
            else:
                high = mid - 1
        lines.append(" ".join(words[start:low]))
        start = low
    return lines


class LogView(ScrollBox):
    """A scrolling box of entries; its screen forwards events to :meth:`handle` and calls
    :meth:`lay_out` (a part at a time) and :meth:`draw`."""

    def __init__(self, rect: pygame.Rect, text: theme.Text, size: int = 14) -> None:
        super().__init__(rect, text, size)
        self.queue: list[Entry] = []
        self.rows: list[Row] = []
        self.tops: list[int] = []

    # Layout.

    def add(self, entries: Iterable[Entry]) -> None:
        """Entries to lay out after those already there (see :meth:`lay_out`)."""
        self.queue.extend(entries)

    @property
    def done(self) -> bool:
        """Every entry is laid out."""
        return not self.queue

    def lay_out(self, most: int | None = None) -> None:
        """Lay out the next ``most`` waiting entries (all of them when None)."""
        count = len(self.queue) if most is None else min(most, len(self.queue))
        for entry in self.queue[:count]:
            self._place(entry)
        del self.queue[:count]
        self.offset = min(self.offset, self.max_offset())

    def _place(self, entry: Entry) -> None:
        if entry.gap and self.rows:
            self.height += self.line
        indent = entry.flag.get_width() + round(6 * self.text.scale) if entry.flag else 0
        font = self.text.font(self.size, entry.bold)
        for n, line in enumerate(wrap(font, entry.text, max(1, self.inner.w - indent))):
            self.rows.append(Row(self.height, indent, line, entry, n == 0))
            self.tops.append(self.height)
            self.height += self.line

    # Drawing.

    def visible(self) -> list[Row]:
        """The rows in view now, top to bottom."""
        return self.rows[self.in_view(self.tops)]

    def draw_rows(self, surface: pygame.Surface) -> None:
        """The rows in view, each entry's flag before its first row."""
        for row in self.visible():
            y = self.inner.y + row.y - self.offset
            entry = row.entry
            rendered = self.text.render(row.text, self.size, entry.colour, entry.bold)
            if row.first and entry.flag is not None:
                flag = entry.flag
                surface.blit(
                    flag, (self.inner.x, y + (rendered.get_height() - flag.get_height()) // 2)
                )
            surface.blit(rendered, (self.inner.x + row.x, y))
