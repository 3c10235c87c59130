"""Theatre: the crisis on the ground — parties, mandates in force, monthly metrics as charts.

A simple version: it reads the monthly series of ``mandate run --json`` (``metrics``)
generically, so new series from the force-generation and sanctions models appear by themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from sim.ui import theme
from sim.ui.charts import default_selection, draw_charts, metrics, toggle
from sim.ui.screens.base import Screen

if TYPE_CHECKING:
    from sim.ui.app import App


class TheatreScreen(Screen):
    """The conflict theatre."""

    name = "theatre"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        assert app.game is not None
        self.game = app.game
        self.series = metrics(self.game.world, self.game.seed)
        self.selected = default_selection(self.series)
        self.chart_top = 64.0

    def build(self) -> None:
        self.button(self.r(self.W - 170, self.H - 60, 140, 44), "Back", self.back, tip="Esc",
                    default=True)  # fmt: skip
        self.chart_top = (
            self.metric_buttons(self.series, self.selected, self.pick, 470, 64, self.W - 500, 3)
            + 10
        )

    def pick(self, name: str) -> None:
        self.selected = toggle(self.selected, name)
        self.refresh()

    def draw(self, surface: pygame.Surface) -> None:
        world = self.game.world
        theatre = world.theatre
        text = self.app.text
        s = self.s
        surface.blit(text.render(f"Theatre: {theatre.name}", 24, theme.TEXT, True), (s(30), s(18)))
        y = s(64)
        facts = []
        for attr, label in (("intensity", "intensity"), ("phase", "phase"),
                            ("host_consent", "host consent")):  # fmt: skip
            value = getattr(theatre, attr, None)
            if value is not None:
                facts.append(f"{label}: {value:.2f}" if isinstance(value, float)
                             and not isinstance(value, bool) else f"{label}: {value}")  # fmt: skip
        surface.blit(text.render(" · ".join(facts), 15, theme.MUTED), (s(30), y))
        y += s(34)
        surface.blit(text.render("Parties", 17, theme.TEXT, True), (s(30), y))
        y += s(26)
        for party in theatre.parties:
            patrons = f", patrons {', '.join(party.patrons)}" if party.patrons else ""
            line = f"{party.name} ({party.kind.replace('_', ' ')}), strength {party.strength:.2f}"
            surface.blit(text.render(line + patrons, 14, theme.TEXT), (s(30), y))
            y += s(22)
        y += s(14)
        surface.blit(text.render("Mandates in force", 17, theme.TEXT, True), (s(30), y))
        y += s(26)
        in_force = world.resolutions_in_force()
        if not in_force:
            surface.blit(text.render("None.", 14, theme.MUTED), (s(30), y))
            y += s(22)
        for res in in_force:
            line = f"{res.draft} until month {res.expires_month}"
            surface.blit(text.render(line, 14, theme.TEXT, True), (s(30), y))
            y += s(20)
            for part in text.wrap(res.clauses.describe(), 13, s(420))[:5]:
                surface.blit(text.render(part, 13, theme.MUTED), (s(30), y))
                y += s(18)
        area = self.r(470, self.chart_top, self.W - 500, self.H - 80 - self.chart_top)
        shown = {n: self.series[n] for n in self.selected}
        draw_charts(surface, text, shown, area, columns=2)
