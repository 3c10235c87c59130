"""A text box that draws only the lines in view: pygame_gui's :class:`UITextBox` renders every
line of its HTML text into one tall surface as it is made (twice when the text needs a scroll
bar: once to find that out, once at the narrower width), though only a window's height of it is
ever shown at a time. The debrief's text and the news are long, so that rendering was most of
the cost of entering those screens.

:class:`QuickTextBox` lays the text out as :class:`UITextBox` does but renders each line the
first time it comes into view (as the box opens, then as the player scrolls), and lays a text
that is clearly too long for the box out once, at the scroll bar's width. It looks the same: a
test compares its pixels with :class:`UITextBox`'s, scrolled and not. It relies on pygame_gui
0.6's UITextBox internals (``parse_html_into_style_data``, ``_setup_final_text_box_image``).
"""

from __future__ import annotations

import re
from typing import Any

import pygame
from pygame_gui.core.text.text_box_layout import TextBoxLayout
from pygame_gui.elements import UITextBox, ui_text_box

#: An HTML tag, left out when guessing the length of a text.
TAG = re.compile(r"<[^>]*>")


class LazyLayout(TextBoxLayout):
    """A text layout whose lines are rendered on demand (:meth:`draw_rows`), not all at once."""

    drawn: set[int]

    def finalise_to_new(self) -> pygame.Surface:
        """A blank surface the size of the text; no line is rendered yet."""
        self.finalised_surface = pygame.Surface(
            (self.layout_rect.width + self.edit_buffer, self.layout_rect.height),
            depth=32,
            flags=pygame.SRCALPHA,
        )
        self.finalised_surface.fill("#00000000")
        self.drawn = set()
        for floating in self.floating_rects:
            floating.finalise(self.finalised_surface, self.view_rect, 0, 0, 0, 0)
        return self.finalised_surface

    def finalise_to_surf(self, surface: pygame.Surface) -> None:
        """Render onto ``surface`` lazily as well (the text box's other rebuild paths)."""
        if surface is not self.finalised_surface:
            super().finalise_to_surf(surface)

    def draw_rows(self, area: pygame.Rect) -> None:
        """Render the lines that ``area`` (layout coordinates) shows and that are not yet drawn."""
        surface = self.finalised_surface
        if surface is None:
            return
        for n, row in enumerate(self.layout_rows):
            if n in self.drawn or row.bottom < area.top or row.top > area.bottom:
                continue
            self.drawn.add(n)
            row.finalise(surface)
            if self.finalised_surface is not surface:  # the row grew the layout: start again
                self.draw_rows(area)
                return


class QuickTextBox(UITextBox):
    """A :class:`UITextBox` that renders its lines as they come into view and lays a long text
    out once, not twice (see the module)."""

    #: The layout just made is already the one at the scroll bar's width (see below).
    _narrow_done = False

    def parse_html_into_style_data(self) -> None:
        # UITextBox.rebuild lays the text out at the full width, and if it is taller than the
        # box, again at the width left by a scroll bar. Here the first layout is made at the
        # narrower width: if the text overflows, that is the layout the box keeps and the
        # second call reuses it; if not, the text is laid out again at the full width (short
        # texts are cheap), so the result is the same as UITextBox's either way.
        if self._narrow_done:
            self._narrow_done = False
            if self.text_wrap_rect is not None and self.text_wrap_rect.w == self._narrow_width:
                return
        wrap = self.text_wrap_rect
        if (
            wrap is None
            or self.scroll_bar is not None
            or self.dynamic_height
            or self.dynamic_width
            or not self._clearly_overflows(wrap)
        ):
            self._lay_out()
            return
        full = wrap.w
        self._narrow_width = max(1, full - self.scroll_bar_width)
        wrap.w = self._narrow_width
        try:
            self._lay_out()
        finally:
            wrap.w = full
        layout = self.text_box_layout
        if layout is not None and layout.layout_rect.height > wrap.h:
            self._narrow_done = True
        else:
            self._lay_out()

    def _clearly_overflows(self, wrap: pygame.Rect) -> bool:
        """A guess from the text's length and line breaks that it is much taller than the box
        (then the narrow layout comes first); a wrong guess costs time, never a difference."""
        font = self.ui_theme.get_font(self.combined_element_ids)
        line = max(1, font.get_rect("Ag").height)
        letter = max(1, font.get_rect("abcdefghij klmnopqrs").width // 20)
        per_line = max(1, wrap.w // letter)
        plain = TAG.sub("", self.html_text.replace("<br>", "\n"))
        lines = sum(1 + len(part) // per_line for part in plain.split("\n"))
        return lines * line > 1.3 * wrap.h

    def _lay_out(self) -> None:
        """UITextBox's layout of the text, with the lazy :class:`LazyLayout`."""
        # UITextBox lays the text out with the TextBoxLayout of its module: use the lazy one
        # for this box only (the swap lasts for this call; the UI runs on one thread).
        eager = ui_text_box.TextBoxLayout
        ui_text_box.TextBoxLayout = LazyLayout  # type: ignore[misc]
        try:
            super().parse_html_into_style_data()
        finally:
            ui_text_box.TextBoxLayout = eager  # type: ignore[misc]

    def _setup_final_text_box_image(self, drawable_area: pygame.Rect) -> Any:
        layout = self.text_box_layout
        if isinstance(layout, LazyLayout):
            layout.draw_rows(drawable_area)
        return super()._setup_final_text_box_image(drawable_area)
