"""Debrief: the ending and why, the score, charts of the crisis, key votes with explanations.

The vote tables are :func:`sim.analysis.report.vote_lines`, the lines ``mandate run`` prints, so
the debrief tells exactly the story of the command line.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pygame

from sim.analysis.report import vote_lines
from sim.model import endings
from sim.ui import theme
from sim.ui.charts import default_selection, draw_charts, metrics, toggle
from sim.ui.screens.base import Screen

if TYPE_CHECKING:
    from sim.ui.app import App


class DebriefScreen(Screen):
    """The end of a game."""

    name = "debrief"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        assert app.game is not None
        self.game = app.game
        self.series = metrics(self.game.world, self.game.seed)
        self.selected = default_selection(self.series)
        self.chart_top = 40.0

    def ending(self) -> tuple[str, str]:
        """(name, reason) of the outcome, as ``mandate run`` reports it."""
        outcome = self.game.world.outcome
        if outcome is None:
            return "Unfinished", "the game was stopped before an ending"
        return outcome.name, outcome.reason

    def build(self) -> None:
        W, H = self.W, self.H
        world = self.game.world
        parts = []
        for vote in world.votes:
            lines = vote_lines(world, vote)
            head = html.escape(lines[0].strip())
            rows = "<br>".join(html.escape(line.strip()) for line in lines[1:])
            parts.append(f"<b>Month {vote.month}: {head}</b><br>{rows}")
        body = "<br><br>".join(parts) or "<i>No vote was held.</i>"
        score_rows = (len(endings.score(world)) + 1) // 2
        top = 156 + 22 * score_rows
        self.textbox(self.r(40, top, 600, H - top - 80), "<b>Key votes and why</b><br>" + body)
        self.chart_top = (
            self.metric_buttons(self.series, self.selected, self.pick, 680, 40, W - 720, 3) + 10
        )
        self.button(
            self.r(W - 280, H - 66, 240, 46), "Back to the title", self.app.quit_to_title,
            object_id="#primary", default=True, tip="Enter",
        )  # fmt: skip
        self.button(self.r(W - 480, H - 66, 180, 46), "Event log", self.news, key=pygame.K_n)

    def pick(self, name: str) -> None:
        self.selected = toggle(self.selected, name)
        self.refresh()

    def news(self) -> None:
        from sim.ui.screens.news import NewsScreen

        self.app.push(NewsScreen(self.app, None))

    def back(self) -> None:
        self.app.quit_to_title()

    def draw(self, surface: pygame.Surface) -> None:
        text = self.app.text
        s = self.s
        name, reason = self.ending()
        outcome = self.game.world.outcome
        when = f" — month {outcome.month}" if outcome is not None else ""
        surface.blit(text.render("Debrief", 16, theme.MUTED, True), (s(40), s(18)))
        surface.blit(text.render(name + when, 32, theme.ACCENT, True), (s(40), s(40)))
        y = s(92)
        for line in text.wrap(reason, 16, s(600))[:2]:
            surface.blit(text.render(line, 16, theme.TEXT), (s(40), y))
            y += s(24)
        score = endings.score(self.game.world)
        items = [f"{k.replace('_', ' ')}: {v:,}" if isinstance(v, int) else
                 f"{k.replace('_', ' ')}: {v:.2f}" for k, v in score.items()]  # fmt: skip
        y = s(150)
        for n, item in enumerate(items):
            surface.blit(text.render(item, 14, theme.MUTED), (s(40 + (n % 2) * 300), y))
            if n % 2:
                y += s(22)
        area = self.r(680, self.chart_top, self.W - 720, self.H - 90 - self.chart_top)
        shown = {n: self.series[n] for n in self.selected}
        draw_charts(surface, text, shown, area, columns=2)
