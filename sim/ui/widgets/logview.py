"""A long scrolling list of one-line entries (the event log), drawn by its screen.

pygame_gui's text box parses the HTML of its whole text, measures every word by rendering it and
paints the whole text into one surface as tall as the text: for a game's ~350 events that took
150-185 ms in one frame, and a surface of ~60 MB. :class:`LogView` keeps the entries as plain
lines: it wraps them by measuring whole lines (one measurement for an entry that fits, a binary
search over its words for one that does not), a few dozen entries a frame, and renders only the
lines in view, through the app's text cache. It scrolls with the mouse wheel, the arrow keys,
Page Up/Down, Home/End, and its scroll bar (click the track to page, drag the thumb).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

import pygame

from sim.ui import theme

BACKGROUND = (22, 27, 34)  # the theme's text boxes ("text_box" dark_bg)
BORDER = (74, 88, 104)
BAR = (50, 60, 72)
THUMB = (110, 122, 136)


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


class LogView:
    """A scrolling box of entries; its screen forwards events to :meth:`handle` and calls
    :meth:`lay_out` (a part at a time) and :meth:`draw`."""

    def __init__(self, rect: pygame.Rect, text: theme.Text, size: int = 14) -> None:
        self.rect = rect
        self.text = text
        self.size = size
        scale = text.scale
        self.pad = round(8 * scale)
        self.bar_width = max(8, round(12 * scale))
        self.line = text.font(size).get_linesize() + round(4 * scale)
        self.inner = pygame.Rect(
            rect.x + self.pad,
            rect.y + self.pad,
            rect.w - 2 * self.pad - self.bar_width,
            rect.h - 2 * self.pad,
        )
        self.queue: list[Entry] = []
        self.rows: list[Row] = []
        self.tops: list[int] = []
        self.height = 0
        self.offset = 0
        self.dragging: tuple[int, int] | None = None  # (mouse y, offset) when the drag began

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

    # Scrolling.

    def max_offset(self) -> int:
        """How far the text scrolls (pixels): its height less the box's."""
        return max(0, self.height - self.inner.h)

    def scroll_to(self, offset: float) -> None:
        """Scroll so that ``offset`` pixels of the text are above the box (within bounds)."""
        self.offset = max(0, min(round(offset), self.max_offset()))

    def scroll_end(self) -> None:
        """To the last entry (laying out those still waiting)."""
        self.lay_out()
        self.scroll_to(self.max_offset())

    def thumb(self) -> pygame.Rect:
        """The scroll bar's thumb (window pixels)."""
        track = self.track()
        if self.height <= self.inner.h:
            return track.copy()
        h = max(self.bar_width * 2, round(track.h * self.inner.h / self.height))
        y = track.y + round((track.h - h) * self.offset / max(1, self.max_offset()))
        return pygame.Rect(track.x, y, track.w, h)

    def track(self) -> pygame.Rect:
        """The scroll bar's track (window pixels)."""
        return pygame.Rect(
            self.rect.right - self.bar_width - 2, self.rect.y + 2, self.bar_width, self.rect.h - 4
        )

    def handle(self, event: pygame.event.Event) -> bool:
        """Scroll by the wheel (over the box), the keys, and the scroll bar; True when used."""
        page = self.inner.h - self.line
        if event.type == pygame.KEYDOWN:
            steps = {
                pygame.K_UP: -self.line,
                pygame.K_DOWN: self.line,
                pygame.K_PAGEUP: -page,
                pygame.K_PAGEDOWN: page,
            }
            if event.key in steps:
                self.scroll_to(self.offset + steps[event.key])
            elif event.key == pygame.K_HOME:
                self.scroll_to(0)
            elif event.key == pygame.K_END:
                self.scroll_end()
            else:
                return False
            return True
        if event.type == pygame.MOUSEWHEEL:
            if not self.rect.collidepoint(pygame.mouse.get_pos()):
                return False
            self.scroll_to(self.offset - event.y * 3 * self.line)
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if not self.track().collidepoint(event.pos):
                return False
            thumb = self.thumb()
            if thumb.collidepoint(event.pos):
                self.dragging = (event.pos[1], self.offset)
            else:
                self.scroll_to(self.offset + (page if event.pos[1] > thumb.y else -page))
            return True
        if event.type == pygame.MOUSEMOTION and self.dragging is not None:
            start, offset = self.dragging
            room = max(1, self.track().h - self.thumb().h)
            self.scroll_to(offset + (event.pos[1] - start) * self.max_offset() / room)
            return True
        if event.type == pygame.MOUSEBUTTONUP and self.dragging is not None:
            self.dragging = None
            return True
        return False

    # Drawing.

    def visible(self) -> list[Row]:
        """The rows in view now, top to bottom."""
        first = max(0, bisect_right(self.tops, self.offset - self.line))
        last = bisect_right(self.tops, self.offset + self.inner.h)
        return self.rows[first:last]

    def draw(self, surface: pygame.Surface) -> None:
        """The box, the rows in view and the scroll bar."""
        pygame.draw.rect(surface, BACKGROUND, self.rect)
        pygame.draw.rect(surface, BORDER, self.rect, 1)
        clip = surface.get_clip()
        surface.set_clip(self.inner.clip(clip) if clip else self.inner)
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
        surface.set_clip(clip)
        if self.height > self.inner.h:
            pygame.draw.rect(surface, BAR, self.track())
            pygame.draw.rect(surface, THUMB, self.thumb(), border_radius=self.bar_width // 2)
