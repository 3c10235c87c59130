"""Screens whose long text is shown in :class:`~sim.ui.widgets.textview.TextView` boxes (the
news, the briefing, the debrief): making the boxes, filling them a frame after the screen
opens, passing them the wheel, the scroll keys and the scroll bar's clicks, and drawing them.

The scroll keys (arrows, Page Up/Down, Home/End) go to the box under the pointer, else to the
first box; the wheel to the box under the pointer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import pygame

from sim.ui.screens.base import Host
from sim.ui.widgets.richtext import Paragraph
from sim.ui.widgets.textview import TextView

#: Paragraphs laid out a frame once a box shows its first screenful (a few milliseconds).
PER_FRAME = 30

if TYPE_CHECKING:
    from sim.ui.screens.base import Screen

    Base = Screen
else:
    Base = object


class TextViews(Base):
    """What a screen with text boxes adds (see the module), put before
    :class:`~sim.ui.screens.base.Screen` among its bases (``class NewsScreen(TextViews,
    Screen)``: a part of a screen, not a screen of its own). The screen calls
    :meth:`text_view` in its build and :meth:`draw_views` in its draw."""

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.views: list[TextView] = []

    def close(self) -> None:
        super().close()
        self.views = []

    def text_view(self, rect: pygame.Rect, content: Callable[[], Iterable[Paragraph]]) -> TextView:
        """A text box at ``rect`` (window pixels), filled with ``content()`` on the next frame:
        working out and laying out a long text is the costly part of opening the screen."""
        view = TextView(rect, self.app.text)
        self.views.append(view)
        self.later(lambda: self.fill(view, content()))
        return view

    def fill(self, view: TextView, paragraphs: Iterable[Paragraph]) -> None:
        """Show ``paragraphs`` in ``view`` at the place scrolled to: laid out now as far as the
        box shows, the rest :data:`PER_FRAME` paragraphs a frame (:meth:`update`)."""
        view.show(paragraphs)
        view.lay_out_to(view.offset + view.inner.h + view.line)

    def update(self, dt: float) -> None:
        super().update(dt)
        for view in self.views:
            if not view.done:
                view.lay_out(PER_FRAME)

    def pointed(self) -> TextView | None:
        """The box under the pointer, else the first box (None without boxes)."""
        pointer = pygame.mouse.get_pos()
        under = [v for v in self.views if v.rect.collidepoint(pointer)] or self.views
        return under[0] if under else None

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type != pygame.KEYDOWN:
            for view in self.views:
                if view.handle(event):
                    return True
        return super().handle(event)

    def on_key(self, event: pygame.event.Event) -> bool:
        view = self.pointed()
        return view is not None and view.handle(event)

    def busy_rects(self) -> list[pygame.Rect]:
        return [view.rect for view in self.views]

    def draw_views(self, surface: pygame.Surface) -> None:
        """Draw every text box."""
        for view in self.views:
            view.draw(surface)
