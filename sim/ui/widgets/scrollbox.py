"""A box of custom-drawn lines that scrolls: the part the event log's :class:`LogView` and the
text screens' :class:`TextView` share (their own parts lay the text out and draw the rows).

It scrolls with the mouse wheel (over the box), the arrow keys, Page Up/Down, Home/End, and its
scroll bar (a click on the track pages, the thumb drags). Its look is the theme's text boxes'.
"""

from __future__ import annotations

from bisect import bisect_right

import pygame

from sim.ui import theme

BACKGROUND = (22, 27, 34)  # the theme's text boxes ("text_box" dark_bg)
BORDER = (74, 88, 104)
BAR = (50, 60, 72)
THUMB = (110, 122, 136)


class ScrollBox:
    """The frame, scroll position and scroll bar of a box of lines ``line`` pixels apart.

    Subclasses keep :attr:`height` (pixels of laid-out text) up to date, lay out what is still
    waiting in :meth:`lay_out`, and draw their rows in :meth:`draw_rows`.
    """

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
        self.height = 0
        self.offset = 0
        self.dragging: tuple[int, int] | None = None  # (mouse y, offset) when the drag began

    def lay_out(self, most: int | None = None) -> None:
        """Lay out what is still waiting (subclasses; ``most``: a part of it)."""

    def in_view(self, tops: list[int]) -> slice:
        """Which of the rows whose tops (pixels, ascending) are ``tops`` are in view now."""
        first = max(0, bisect_right(tops, self.offset - self.line))
        return slice(first, bisect_right(tops, self.offset + self.inner.h))

    # Scrolling.

    def max_offset(self) -> int:
        """How far the text scrolls (pixels): its height less the box's."""
        return max(0, self.height - self.inner.h)

    def scroll_to(self, offset: float) -> None:
        """Scroll so that ``offset`` pixels of the text are above the box (within bounds)."""
        self.offset = max(0, min(round(offset), self.max_offset()))

    def scroll_end(self) -> None:
        """To the end of the text (laying out what is still waiting)."""
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

    def draw(self, surface: pygame.Surface) -> None:
        """The box, the rows in view (:meth:`draw_rows`, clipped to the box) and the scroll
        bar when the text is taller than the box."""
        pygame.draw.rect(surface, BACKGROUND, self.rect)
        pygame.draw.rect(surface, BORDER, self.rect, 1)
        clip = surface.get_clip()
        surface.set_clip(self.inner.clip(clip) if clip else self.inner)
        self.draw_rows(surface)
        surface.set_clip(clip)
        if self.height > self.inner.h:
            pygame.draw.rect(surface, BAR, self.track())
            pygame.draw.rect(surface, THUMB, self.thumb(), border_radius=self.bar_width // 2)

    def draw_rows(self, surface: pygame.Surface) -> None:
        """The rows in view (subclasses), at ``self.inner.y + row's y - self.offset``."""
