"""A scrolling box of styled text (the news, the briefing, the debrief), drawn by its screen.

pygame_gui's HTML text box took 10-24 ms of one frame to open at 1920x1080 (its parser makes a
styled chunk per word, and it paints the whole text into one tall surface), and the debrief's
box was made again when its turning points arrived. :class:`TextView` takes
:class:`~sim.ui.widgets.richtext.Paragraph` s, wraps them word by word with each word's width
measured once (a view keeps the widths it measured; a paragraph that fits on a row is measured
whole), lays them out as far as the box shows first and the rest a part at a time (its screen
asks), and renders only the rows in view, each run of one style through the app's text cache. Bold,
italic, colours, a flag before a paragraph and blank lines look as they did; it scrolls as
every :class:`~sim.ui.widgets.scrollbox.ScrollBox` does (wheel, keys, scroll bar).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pygame

from sim.ui import theme
from sim.ui.widgets.richtext import Paragraph, Style
from sim.ui.widgets.scrollbox import ScrollBox

#: Words and the spaces between them.
PIECES = re.compile(r"\s+|\S+")

Piece = tuple[str, Style]


@dataclass(frozen=True)
class Run:
    """Text of one style on a row, ``x`` pixels from the row's left edge."""

    x: int
    text: str
    style: Style


@dataclass(frozen=True)
class Row:
    """One laid-out line: pixels from the top of the text, its runs, and the flag drawn at its
    left (a paragraph's first row only)."""

    y: int
    runs: tuple[Run, ...]
    flag: pygame.Surface | None = None


def words(paragraph: Paragraph) -> Iterator[tuple[list[Piece], list[Piece]]]:
    """(the spaces before it, its pieces) for each word of ``paragraph``: a word is text
    without spaces, its pieces are its parts in each style ("<b>Arnesia</b>." is one word)."""
    spaces: list[Piece] = []
    word: list[Piece] = []
    for span in paragraph.spans:
        for match in PIECES.finditer(span.text):
            piece = match.group()
            if piece.isspace():
                if word:
                    yield spaces, word
                    spaces, word = [], []
                spaces.append((piece, span.style))
            else:
                word.append((piece, span.style))
    if word:
        yield spaces, word


class TextView(ScrollBox):
    """A scrolling box of styled paragraphs; its screen forwards events to :meth:`handle` and
    calls :meth:`lay_out` (all at once or a part a frame) and :meth:`draw`."""

    def __init__(self, rect: pygame.Rect, text: theme.Text, size: int = 14) -> None:
        super().__init__(rect, text, size)
        self.paragraphs: list[Paragraph] = []
        self.queue: list[Paragraph] = []
        self.rows: list[Row] = []
        self.tops: list[int] = []
        self._widths: dict[tuple[str, bool, bool], int] = {}

    # Content.

    def show(self, paragraphs: Iterable[Paragraph]) -> None:
        """Show ``paragraphs`` instead of the text there (laid out by :meth:`lay_out`); the
        place scrolled to is kept as far as the new text reaches."""
        self.paragraphs = list(paragraphs)
        self.queue = list(self.paragraphs)
        self.rows, self.tops = [], []
        self.height = 0

    def plain(self) -> str:
        """The whole text without styles, a paragraph a line (what a test reads)."""
        return "\n".join(p.text for p in self.paragraphs)

    # Layout.

    @property
    def done(self) -> bool:
        """Every paragraph is laid out."""
        return not self.queue

    def lay_out(self, most: int | None = None) -> None:
        """Lay out the next ``most`` waiting paragraphs (all of them when None)."""
        count = len(self.queue) if most is None else min(most, len(self.queue))
        for paragraph in self.queue[:count]:
            self._place(paragraph)
        del self.queue[:count]
        if self.done:
            self.offset = min(self.offset, self.max_offset())

    def lay_out_to(self, bottom: int) -> None:
        """Lay out waiting paragraphs until the text reaches ``bottom`` pixels from its top
        (what the box shows at its place), or there is none left."""
        while self.queue and self.height < bottom:
            self.lay_out(1)

    def width(self, text: str, style: Style) -> int:
        """Pixels ``text`` takes in ``style`` (measured once per view)."""
        key = (text, style.bold, style.italic)
        known = self._widths.get(key)
        if known is None:
            known = self.text.font(self.size, style.bold, style.italic).size(text)[0]
            self._widths[key] = known
        return known

    def _place(self, paragraph: Paragraph) -> None:
        """Wrap ``paragraph`` into rows at the box's width (a flag's width in from the left)."""
        flag = paragraph.flag
        indent = flag.get_width() + round(6 * self.text.scale) if flag is not None else 0
        room = max(1, self.inner.w - indent)
        whole = [(span.text, span.style) for span in paragraph.spans]
        if sum(self.width(t, s) for t, s in whole) <= room:  # most paragraphs: one row
            self._row(whole, indent, flag)
            return
        line: list[Piece] = []
        x = 0
        for spaces, word in words(paragraph):
            gap = sum(self.width(t, s) for t, s in spaces)
            size = sum(self.width(t, s) for t, s in word)
            if line and x + gap + size > room:
                self._row(line, indent, flag)
                line, x, spaces, gap, flag = [], 0, [], 0, None
            if not line and size > room:  # a word longer than a row: broken where it must be
                *heads, word = self._broken(word, room - gap, room)
                for head in heads:
                    self._row(spaces + head, indent, flag)
                    spaces, gap, flag = [], 0, None
                size = sum(self.width(t, s) for t, s in word)
            line += spaces + word
            x += gap + size
        self._row(line, indent, flag)  # the last row (a blank one for an empty paragraph)

    def _broken(self, word: list[Piece], first: int, room: int) -> list[list[Piece]]:
        """``word`` in parts of one style that fit ``first`` pixels, then ``room`` pixels each
        (the last part may be shorter)."""
        text = "".join(t for t, _ in word)
        style = word[0][1]
        parts: list[list[Piece]] = []
        fits = first
        while text:
            low, high = 1, len(text)  # the longest head that fits (at least one letter)
            while low < high:
                mid = (low + high + 1) // 2
                if self.width(text[:mid], style) <= fits:
                    low = mid
                else:
                    high = mid - 1
            parts.append([(text[:low], style)])
            text = text[low:]
            fits = room
        return parts

    def _row(self, line: list[Piece], indent: int, flag: pygame.Surface | None) -> None:
        """Add a row of ``line``'s pieces (runs of one style joined)."""
        while line and line[-1][0].isspace():
            line = line[:-1]
        runs: list[Run] = []
        x = start = indent
        texts: list[str] = []
        current: Style | None = None
        for text, style in line:
            if style is not current and style != current:
                if current is not None:
                    runs.append(Run(start, "".join(texts), current))
                current, start, texts = style, x, []
            texts.append(text)
            x += self.width(text, style)
        if current is not None:
            runs.append(Run(start, "".join(texts), current))
        self.rows.append(Row(self.height, tuple(runs), flag))
        self.tops.append(self.height)
        self.height += self.line

    # Drawing.

    def visible(self) -> list[Row]:
        """The rows in view now, top to bottom."""
        return self.rows[self.in_view(self.tops)]

    def draw_rows(self, surface: pygame.Surface) -> None:
        """The rows in view: each run of one style, and a paragraph's flag before it."""
        left = self.inner.x
        for row in self.visible():
            y = self.inner.y + row.y - self.offset
            if row.flag is not None:
                height = self.text.font(self.size).get_height()
                surface.blit(row.flag, (left, y + (height - row.flag.get_height()) // 2))
            for run in row.runs:
                style = run.style
                rendered = self.text.render(
                    run.text, self.size, style.colour, style.bold, style.italic
                )
                surface.blit(rendered, (left + run.x, y))

    # Lines in view, for screens and tests.

    def lines_in_view(self) -> list[str]:
        """The text of each row in view, top to bottom."""
        return ["".join(run.text for run in row.runs) for row in self.visible()]
