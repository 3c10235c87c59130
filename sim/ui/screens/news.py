"""Month advance and event log: what happened, in the words of the events."""

from __future__ import annotations

import html
import re

import pygame

from sim.model.words import without_repeats
from sim.ui import theme
from sim.ui.flags import flag_file, real_states
from sim.ui.pacing import by_importance
from sim.ui.screens.base import Host, Screen
from sim.ui.screens.chamber import QUIET
from sim.ui.words import namer

#: A state's id at the start of an event's text (``ARN amends …``): its flag goes before it.
LEADING_ID = re.compile(r"^([A-Z]{2,4})\b")
EMPHASIS = {
    "resolution_adopted": "#56B4E9",
    "draft_vetoed": "#CC79A7",
    "draft_failed": "#D55E00",
    "ending": "#F0E442",
}


class NewsScreen(Screen):
    """The news of one month (``month``), or every event so far (``month=None``)."""

    name = "news"

    def __init__(self, app: Host, month: int | None, final: bool = False) -> None:
        super().__init__(app)
        self.month = month
        self.final = final

    def build(self) -> None:
        game = self.app.game
        assert game is not None
        W, H = self.W, self.H
        names = namer(game.world)
        events = without_repeats(e for e in game.world.events if e.kind not in QUIET)
        if self.month is not None:
            month = (e for e in events if e.month == self.month)
            events = by_importance(month, names.story)  # a story's steps stay in time order
        lines = []
        current = None
        for e in events:
            if self.month is None and e.month != current:
                current = e.month
                lines.append(f"<br><b>{html.escape(game.month_title(e.month))}</b>")
            text = html.escape(names.text(e.text))
            colour = EMPHASIS.get(e.kind)
            text = f"<font color='{colour}'><b>{text}</b></font>" if colour else text
            lines.append(self.flag_of(e.text) + text)
        body = "<br>".join(lines).removeprefix("<br>") or "<i>No news.</i>"
        self.textbox_later(self.r(40, 80, W - 80, H - 170), body)
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

    def flag_of(self, said: str) -> str:
        """The flag of the state an event begins with (``ARN amends …``), as an ``<img>``."""
        game = self.app.game
        assert game is not None
        first = LEADING_ID.match(said)
        if first is None or first.group(1) not in game.world.states.index:
            return ""
        height = self.s(14)
        path = flag_file(first.group(1), height, real_states(game.scenario))
        return f"<img src='{html.escape(str(path))}' padding='0px 6px 0px 0px'>"

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
        if self.month is None:
            return "Everything that has happened"
        if self.final:
            return f"{self.title_of(self.month)}: the end of the story"
        title = f"News of {_lower_first(self.title_of(self.month))}"
        if game is not None and not game.world.finished:
            title += f" — {_lower_first(self.title_of(game.world.month))} begins"
        return title

    def draw(self, surface: pygame.Surface) -> None:
        text = self.app.text
        surface.blit(text.render(self.heading(), 24, theme.TEXT, True), (self.s(40), self.s(24)))


def _lower_first(title: str) -> str:
    """ "Month 3 (March 2011)" → "month 3 (March 2011)": only the first letter is lowered."""
    return title[:1].lower() + title[1:]
