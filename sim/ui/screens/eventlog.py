"""The event log: everything that has happened so far, month by month (from the chamber and
the debrief, key N).

A whole game is some 350 events: they go in a :class:`~sim.ui.widgets.logview.LogView`, laid
out a part a frame and drawn only where in view, so opening the log costs a few milliseconds
instead of the 150-185 ms of one HTML text box. The words are the news screen's: names instead
of ids, a state's flag before its news, adoptions and vetoes in colour.
"""

from __future__ import annotations

from collections.abc import Iterator

import pygame

from sim.model.words import without_repeats
from sim.ui import theme
from sim.ui.flags import flag, real_states
from sim.ui.screens.base import Screen
from sim.ui.screens.chamber import QUIET
from sim.ui.screens.news import EMPHASIS, leading_state
from sim.ui.widgets.logview import Entry, LogView
from sim.ui.words import namer

#: Entries laid out in the frame that opens the log (more than a window shows), then a frame.
FIRST = 50
PER_FRAME = 60


class EventLogScreen(Screen):
    """Every event so far, with each month's title before its events."""

    name = "eventlog"

    view: LogView | None = None

    def build(self) -> None:
        W, H = self.W, self.H
        self.view = LogView(self.r(40, 80, W - 80, H - 170), self.app.text)
        self.view.add(self.entries())
        self.view.lay_out(FIRST)
        for _ in range(-(-len(self.view.queue) // PER_FRAME)):
            self.later(lambda: self.view.lay_out(PER_FRAME) if self.view else None)
        self.button(
            self.r(W - 280, H - 66, 240, 46),
            "Continue",
            self.back,
            object_id="#primary",
            default=True,
            tip="Enter",
        )

    def entries(self) -> Iterator[Entry]:
        """The log's entries: each month's title, then its events in the order they happened."""
        game = self.app.game
        assert game is not None
        names = namer(game.world)
        states = game.world.states.index
        real = real_states(game.scenario)
        height = self.s(14)
        month = None
        empty = True
        for event in without_repeats(e for e in game.world.events if e.kind not in QUIET):
            empty = False
            if event.month != month:
                month = event.month
                yield Entry(game.month_title(month), bold=True, gap=True)
            state = leading_state(event.text, states)
            emphasis = EMPHASIS.get(event.kind)
            colour = pygame.Color(emphasis) if emphasis else pygame.Color(theme.TEXT)
            yield Entry(
                names.text(event.text),
                colour=(colour.r, colour.g, colour.b),
                bold=emphasis is not None,
                flag=flag(state, height, real) if state else None,
            )
        if empty:
            yield Entry("No news.", colour=theme.MUTED)

    def handle(self, event: pygame.event.Event) -> bool:
        if self.view is not None and event.type != pygame.KEYDOWN and self.view.handle(event):
            return True
        return super().handle(event)

    def on_key(self, event: pygame.event.Event) -> bool:
        return self.view is not None and self.view.handle(event)

    def busy_rects(self) -> list[pygame.Rect]:
        return [self.view.rect] if self.view is not None else []

    def draw(self, surface: pygame.Surface) -> None:
        text = self.app.text
        heading = text.render("Everything that has happened", 24, theme.TEXT, True)
        surface.blit(heading, (self.s(40), self.s(24)))
        if self.view is not None:
            self.view.draw(surface)
