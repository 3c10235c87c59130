"""Timeline: go back to an earlier month and play on as a branch; every line side by side.

Opened from the in-game menu (T) or the debrief (B). The months the game has reached are a grid
of buttons (arrow keys move the choice); the chosen month's decisions are listed below it, and
"Go back to month N" replays the game to the start of that month (:mod:`sim.ui.branching`) and
plays on from there as a new branch. The right half compares this line with the game's other
lines (the original and earlier branches): ending, objectives met, civilian deaths,
resolutions and vetoes, one column per line.
"""

from __future__ import annotations

import pygame
from pygame_gui.elements import UIButton

from sim.model.rewind import ORIGINAL
from sim.model.saves import SaveError
from sim.model.words import without_repeats
from sim.ui import theme
from sim.ui.branching import OtherLines, line_title, month_decisions, rewind_game
from sim.ui.pacing import by_importance
from sim.ui.screens.base import Host, Screen
from sim.ui.screens.chamber import QUIET
from sim.ui.words import in_sentence, namer

COLUMNS = 4
MOST_MONTHS = 36
#: Lines compared side by side at most (this one and the latest others).
MOST_LINES = 4


class TimelineScreen(Screen):
    """Rewind to a month and branch; compare the lines of play."""

    name = "timeline"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        assert app.game is not None
        self.game = app.game
        self.decisions = month_decisions(self.game)
        self.months = sorted(self.decisions)[-MOST_MONTHS:]
        self.chosen = self.months[-1]
        self.lines = OtherLines(self.game)
        self.grid_bottom = 0
        self.month_buttons: dict[int, UIButton] = {}
        self.go_back_button: UIButton | None = None

    def build(self) -> None:
        col_w = (560 - 6 * (COLUMNS - 1)) / COLUMNS
        top = 150
        self.month_buttons = {}
        for n, month in enumerate(self.months):
            x = 40 + (n % COLUMNS) * (col_w + 6)
            y = top + (n // COLUMNS) * 34
            self.month_buttons[month] = self.button(
                self.r(x, y, col_w, 30),
                f"Month {month}",
                lambda m=month: self.choose(m),
                object_id="#toggle_on" if month == self.chosen else "#small",
                tip=self.game.month_title(month),
            )
        rows = (len(self.months) + COLUMNS - 1) // COLUMNS
        self.grid_bottom = top + rows * 34 + 10
        self.go_back_button = self.button(
            self.r(40, self.H - 66, 300, 46),
            f"Go back to month {self.chosen}",
            self.go_back,
            object_id="#primary",
            default=True,
            tip="Replay the game to the start of that"
            " month and play on from there as a new branch (Enter)",
        )
        self.button(self.r(360, self.H - 66, 140, 46), "Back", self.back, tip="Esc")

    def choose(self, month: int) -> None:
        """Choose a month: its button and the old one change look in place, and "Go back"
        names it (rebuilding the grid cost 13-20 ms a click or arrow key at the game's end)."""
        if month == self.chosen:
            return
        assert self.go_back_button is not None
        self.restyle(self.month_buttons[self.chosen], object_id="#small")
        self.restyle(self.month_buttons[month], object_id="#toggle_on")
        self.restyle(self.go_back_button, text=f"Go back to month {month}")
        self.chosen = month

    def on_key(self, event: pygame.event.Event) -> bool:
        steps = {
            pygame.K_LEFT: -1,
            pygame.K_RIGHT: 1,
            pygame.K_UP: -COLUMNS,
            pygame.K_DOWN: COLUMNS,
        }
        if event.key not in steps:
            return False
        at = self.months.index(self.chosen) + steps[event.key]
        self.choose(self.months[max(0, min(len(self.months) - 1, at))])
        return True

    def go_back(self) -> None:
        try:
            branch = rewind_game(self.game, self.chosen)
        except SaveError as exc:
            self.app.notify(f"Cannot go back: {exc}")
            return
        self.app.start(branch)
        self.app.notify(
            f"Back at {in_sentence(branch.month_title())}: playing on makes {branch.line};"
            f" {self.game.line or ORIGINAL} is kept beside it"
        )

    def busy_rects(self) -> list[pygame.Rect]:
        return [self.r(640, 40, self.W - 680, self.H - 120)]

    def draw(self, surface: pygame.Surface) -> None:
        text, s = self.app.text, self.s
        surface.blit(text.render("Timeline", 16, theme.MUTED, True), (s(40), s(18)))
        surface.blit(
            text.render("Go back to an earlier month", 26, theme.ACCENT, True), (s(40), s(40))
        )
        here = f"This line: {line_title(self.game)}, now at {in_sentence(self.game.month_title())}"
        surface.blit(text.render(text.fit(here, 15, s(580)), 15, theme.TEXT), (s(40), s(84)))
        note = "Going back replays the game to that month's start; this line is kept."
        surface.blit(text.render(text.fit(note, 13, s(580)), 13, theme.MUTED), (s(40), s(110)))
        self._draw_decisions(surface, self.grid_bottom)
        self._draw_lines(surface)

    def _draw_decisions(self, surface: pygame.Surface, top: int) -> None:
        text, s = self.app.text, self.s
        title = f"{self.game.month_title(self.chosen)}: your decisions"
        surface.blit(text.render(title, 16, theme.TEXT, True), (s(40), s(top)))
        y = s(top + 28)
        bottom = s(self.H - 80)
        done = self.decisions.get(self.chosen) or [self.no_decision()]
        rows = [("• " + words, theme.MUTED) for words in done]
        happened = self.happened(self.chosen)
        if happened:
            rows.append(("What happened:", theme.TEXT))
            rows += [("• " + words, theme.MUTED) for words in happened]
        for words, colour in rows:
            if words == "What happened:":
                y += s(8)  # a little apart from the decisions above
            for line in text.wrap(words, 14, s(560)):
                if y + s(20) > bottom:
                    return
                surface.blit(text.render(line, 14, colour), (s(48), y))
                y += s(20)

    def no_decision(self) -> str:
        """What the list says of a month without a decision of the player's: under way, or
        ended without one (the advisor's actions are the player's, so it did nothing either)."""
        world = self.game.world
        if self.chosen == world.month and not world.finished:
            return "None yet: this month is under way."
        return "None: you ended your turns without acting (or the advisor found nothing to do)."

    def happened(self, month: int, most: int = 4) -> list[str]:
        """The month's most important news in words (as the news puts it first)."""
        world = self.game.world
        names = namer(world)
        events = [e for e in world.events if e.month == month and e.kind not in QUIET]
        events = [e for e in without_repeats(events) if e.kind not in ("whip_count", "lobby")]
        return [names.text(e.text) for e in by_importance(events, names.story)[:most]]

    def _draw_lines(self, surface: pygame.Surface) -> None:
        text, s = self.app.text, self.s
        x0, top = 640, 40
        surface.blit(text.render("Lines of play", 16, theme.MUTED, True), (s(x0), s(18)))
        if not self.lines.done:
            surface.blit(text.render("Working them out…", 15, theme.MUTED), (s(x0), s(top + 8)))
            return
        lines = self.lines.summaries[:1] + self.lines.summaries[1:][-(MOST_LINES - 1) :]
        if len(lines) == 1:
            words = "Only this line so far: go back to a month and play on to make a branch."
            for n, line in enumerate(text.wrap(words, 14, s(self.W - 680))):
                surface.blit(text.render(line, 14, theme.MUTED), (s(x0), s(top + 8 + 20 * n)))
        label_w = 170
        col_w = (self.W - 680 - label_w) / len(lines)
        y = top + 8 + (44 if len(lines) == 1 else 0)
        width = self.W - 668
        for c, summary in enumerate(lines):
            x = s(x0 + label_w + c * col_w)
            colour = theme.ACCENT if c == 0 else theme.TEXT
            name = text.fit(summary.name, 15, s(col_w - 8), True)
            surface.blit(text.render(name, 15, colour, True), (x, s(y)))
            origin = text.fit(summary.origin(), 13, s(col_w - 8))
            surface.blit(text.render(origin, 13, theme.MUTED), (x, s(y + 22)))
        y += 52
        for r, (measure, _) in enumerate(lines[0].rows()):
            if r % 2 == 0:
                band = self.r(x0 - 6, y - 4, width, 40)
                pygame.draw.rect(surface, theme.PANEL, band, border_radius=s(4))
            surface.blit(text.render(measure, 14, theme.MUTED, True), (s(x0), s(y)))
            for c, summary in enumerate(lines):
                colour = theme.ACCENT if c == 0 else theme.TEXT
                for k, part in enumerate(text.wrap(summary.rows()[r][1], 14, s(col_w - 8))[:2]):
                    spot = (s(x0 + label_w + c * col_w), s(y + 17 * k))
                    surface.blit(text.render(part, 14, colour), spot)
            y += 40
        for n, problem in enumerate(self.lines.failed[:3]):
            line = text.fit(f"Not replayed: {problem}", 13, s(self.W - 680))
            surface.blit(text.render(line, 13, theme.NO), (s(x0), s(y + 10 + 18 * n)))
