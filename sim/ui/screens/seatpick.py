"""Choose your seat (or several, for a hot-seat game) at the briefing.

Every member of every body, each troop contributor and each regional organization's chair is a
seat. Clicking a seat adds it to the seats taken (clicking again removes it); one seat is a
single-player game, several are a hot-seat game in the order chosen, with a hand-over screen
between players. What each seat can decide is shown beside the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
from pygame_gui.elements import UIButton

from sim.model.seats import SeatOption, seat_options
from sim.ui import theme
from sim.ui.game import Game
from sim.ui.screens.base import Host, Screen

if TYPE_CHECKING:
    from sim.ui.screens.briefing import BriefingScreen

COLUMNS = 3
ROW = 34
TAGS = {
    "permanent": "P5",
    "elected": "elected",
    "member": "regional",
    "penholder": "pen",
    "contributor": "troops",
    "chair": "chair",
}


class SeatPickScreen(Screen):
    """The list of seats; the chosen ones in order; Done starts the game with them."""

    name = "seatpick"

    def __init__(self, app: Host, briefing: BriefingScreen) -> None:
        super().__init__(app)
        self.briefing = briefing
        game = briefing.game
        self.options: list[SeatOption] = seat_options(game.world)
        self.chosen: list[str] = list(game.players)
        # The seat described beside the list (not ``focused``: that is the base screen's
        # keyboard focus, and shadowing it made Enter crash).
        self.shown: SeatOption | None = next((o for o in self.options if o.id in self.chosen), None)
        self.seat_buttons: dict[str, UIButton] = {}

    def build(self) -> None:
        W, H = self.W, self.H
        width = self.column_w
        for n, option in enumerate(self.options):
            x = 30 + (n % COLUMNS) * width
            y = 70 + (n // COLUMNS) * ROW
            self.seat_buttons[option.id] = self.button(
                self.r(x, y, width - 8, ROW - 4),
                self.label_of(option, width - 24),
                lambda o=option: self.toggle(o),
                tip=f"<b>{option.name}</b>: {option.description}",
                object_id="#toggle_on" if option.id in self.chosen else None,
            )
        self.button(
            self.r(W - 300, H - 66, 260, 46),
            "Done",
            self.done,
            object_id="#primary",
            default=True,
            tip="Back to the briefing with these seats (Enter)",
        )
        self.button(self.r(40, H - 66, 160, 46), "Back", self.back, tip="Keep the seats (Esc)")

    @property
    def column_w(self) -> int:
        """The width of a column of seats (logical pixels)."""
        return (self.W - 480) // COLUMNS

    def label_of(self, option: SeatOption, width: int) -> str:
        """A seat's button: its turn if chosen, its name ("Chair of the African Union" for an
        organization's chair) and its roles in short, fitted to ``width``."""
        mark = f"{self.chosen.index(option.id) + 1}. " if option.id in self.chosen else ""
        tags = " · ".join(TAGS[r] for r in option.roles if r != "chair")
        tail = f" · {tags}" if tags else ""
        text = self.app.text
        room = self.s(width) - text.font(14).size(mark + tail)[0]
        name = text.fit(option.name, 14, room)
        return f"{mark}{name}{tail}"

    def toggle(self, option: SeatOption) -> None:
        if option.id in self.chosen:
            self.chosen.remove(option.id)
        else:
            self.chosen.append(option.id)
        self.shown = option
        # Only the buttons whose turn number or look changed are drawn again, in place (a
        # rebuild of every seat's button was 17-23 ms at 1920x1080).
        for other in self.options:
            self.restyle(
                self.seat_buttons[other.id],
                text=self.label_of(other, self.column_w - 24),
                object_id="#toggle_on" if other.id in self.chosen else None,
            )

    def done(self) -> None:
        if not self.chosen:
            self.app.notify("Choose at least one seat (or Watch from the title screen)")
            return
        game = self.briefing.game
        self.briefing.game = Game.new(game.scenario_path, game.seed, seats=self.chosen)
        self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        text, s = self.app.text, self.s
        title = "Choose your seat — several for a hot-seat game, in turn order"
        surface.blit(text.render(title, 22, theme.TEXT, True), (s(30), s(18)))
        x, w = s(self.W - 420), s(390)
        y = s(70)
        names = {o.id: o.name for o in self.options}
        chosen = ", ".join(names.get(c, c) for c in self.chosen) or "none"
        kind = "hot-seat: each takes turns" if len(self.chosen) > 1 else "single player"
        for line in text.wrap(f"Seats taken: {chosen} ({kind})", 15, w):
            surface.blit(text.render(line, 15, theme.ACCENT, True), (x, y))
            y += s(22)
        y += s(12)
        if self.shown is not None:
            surface.blit(text.render(self.shown.name, 17, theme.TEXT, True), (x, y))
            y += s(28)
            for line in text.wrap(self.shown.description, 14, w):
                surface.blit(text.render(line, 14, theme.TEXT), (x, y))
                y += s(20)
        y += s(12)
        legend = "P5: permanent member (veto) · elected: Council member · regional: member of"
        legend += " a regional body · pen: penholder · troops: contributor · chair: regional chair"
        for line in text.wrap(legend, 13, w):
            surface.blit(text.render(line, 13, theme.MUTED), (x, y))
            y += s(18)
