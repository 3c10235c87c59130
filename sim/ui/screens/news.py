"""A month's news, what matters first (:func:`sim.ui.pacing.by_importance`), in the words of
the events: names instead of ids, a state's flag before its news, adoptions and vetoes in
colour. The whole log of a game is the event log's screen (:mod:`sim.ui.screens.eventlog`)."""

from __future__ import annotations

import re
from collections.abc import Container, Iterator

import pygame

from sim.model.events import Event
from sim.model.words import without_repeats
from sim.ui import theme
from sim.ui.flags import flag, real_states
from sim.ui.pacing import by_importance
from sim.ui.screens.base import Host, Screen
from sim.ui.screens.chamber import QUIET
from sim.ui.screens.textviews import TextViews
from sim.ui.widgets.richtext import Paragraph, Span, colour_of, paragraph, style
from sim.ui.words import namer

#: A state's id at the start of an event's text (``ARN amends …``): its flag goes before it.
LEADING_ID = re.compile(r"^([A-Z]{2,4})\b")
EMPHASIS = {
    "resolution_adopted": "#56B4E9",
    "draft_vetoed": "#CC79A7",
    "draft_failed": "#D55E00",
    "ending": "#F0E442",
}


class NewsScreen(TextViews, Screen):
    """The news of one month, on its own or (``final``) before the debrief."""

    name = "news"

    def __init__(self, app: Host, month: int, final: bool = False) -> None:
        super().__init__(app)
        self.month = month
        self.final = final

    def build(self) -> None:
        W, H = self.W, self.H
        self.text_view(self.r(40, 80, W - 80, H - 170), self.paragraphs)
        skipping = self.app.skip is not None and not self.final
        label = "See the debrief" if self.final else "Continue"
        tip = "Enter"
        if skipping:
            label, tip = "Keep skipping", "Skip on to the next decision (Enter)"
        self.button(
            self.r(W - 280, H - 66, 240, 46),
            label,
            self.proceed,
            object_id="#primary",
            default=True,
            tip=tip,
        )
        if skipping:
            self.button(
                self.r(W - 480, H - 66, 180, 46),
                "Stop here",
                self.stop,
                tip="Stop skipping and go back to the chamber (Esc)",
            )
        elif not self.final and self.app.can_skip():
            self.button(
                self.r(W - 520, H - 66, 220, 46),
                "Skip ahead",
                self.skip,
                key=pygame.K_s,
                tip="Continue and skip to the next decision",
            )

    def paragraphs(self) -> Iterator[Paragraph]:
        """The month's news, one paragraph an event, what matters first (a story's steps stay
        in time order); "No news." for a quiet month."""
        game = self.app.game
        assert game is not None
        names = namer(game.world)
        states = game.world.states.index
        real = real_states(game.scenario)
        events = without_repeats(e for e in game.world.events if e.kind not in QUIET)
        month = [e for e in events if e.month == self.month]
        for event in by_importance(month, names.story):
            yield news_paragraph(event, names.text(event.text), states, real, self.s(14))
        if not month:
            yield paragraph(Span("No news.", style(italic=True, colour=theme.MUTED)))

    def title_of(self, month: int) -> str:
        """ "Month 3 (April 2011)" or "Month 3"."""
        game = self.app.game
        return game.month_title(month) if game is not None else f"Month {month}"

    def proceed(self) -> None:
        if self.final:
            self.app.show_debrief()
        else:
            self.app.pop()

    def back(self) -> None:
        if self.app.skip is not None and not self.final:
            self.stop()
        else:
            self.proceed()

    def stop(self) -> None:
        """Stop the skip that this news interrupted."""
        self.app.skip = None
        self.app.pop()

    def skip(self) -> None:
        """Close the news and skip to the next decision."""
        self.app.pop()
        self.app.skip_ahead(passing=False)

    def heading(self) -> str:
        """The screen's title: "News of month 3 (March 2011) — month 4 (April 2011) begins"."""
        game = self.app.game
        if self.final:
            return f"{self.title_of(self.month)}: the end of the story"
        title = f"News of {_lower_first(self.title_of(self.month))}"
        if game is not None and not game.world.finished:
            title += f" — {_lower_first(self.title_of(game.world.month))} begins"
        return title

    def draw(self, surface: pygame.Surface) -> None:
        text = self.app.text
        surface.blit(text.render(self.heading(), 24, theme.TEXT, True), (self.s(40), self.s(24)))
        self.draw_views(surface)


def news_paragraph(
    event: Event, said: str, states: Container[str], real: bool, height: int
) -> Paragraph:
    """One event's news: ``said`` (its words), in bold and colour for an adoption, a veto, a
    failed draft or the ending, after the flag of the state it begins with (``ARN amends …``;
    ``states``: the world's state ids, ``height``: the flag's, window pixels)."""
    state = leading_state(event.text, states)
    emphasis = EMPHASIS.get(event.kind)
    look = style(bold=True, colour=colour_of(emphasis)) if emphasis else style()
    return paragraph(Span(said, look), flag=flag(state, height, real) if state else None)


def _lower_first(title: str) -> str:
    """ "Month 3 (March 2011)" → "month 3 (March 2011)": only the first letter is lowered."""
    return title[:1].lower() + title[1:]


def leading_state(said: str, states: Container[str]) -> str | None:
    """The state an event's text begins with (``ARN amends …``: its flag goes before the
    news), if ``states`` (the world's state ids) has it."""
    first = LEADING_ID.match(said)
    return first.group(1) if first is not None and first.group(1) in states else None
