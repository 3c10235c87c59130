"""The hand-over between two people sharing one machine (hot-seat).

When the turn passes to another human seat, the whole window is covered: nothing of the seat
that just played (its vote, its factors, the offers it received, the last message) shows until
the next person says they are ready. The next seat's name is all it shows.
"""

from __future__ import annotations

import pygame

from sim.model.seats import describe, seat_name
from sim.ui import theme
from sim.ui.screens.base import Host, Screen


class HandOverScreen(Screen):
    """A blank screen naming the next seat; Enter (or the button) reveals its turn."""

    name = "handover"

    def __init__(self, app: Host, seat: str) -> None:
        super().__init__(app)
        self.seat = seat

    def build(self) -> None:
        W, H = self.W, self.H
        self.button(
            self.r(W // 2 - 150, H // 2 + 70, 300, 50),
            "I am ready",
            self.ready,
            tip="Show this seat's turn (Enter)",
            object_id="#primary",
            default=True,
        )

    def ready(self) -> None:
        self.app.pop()

    def back(self) -> None:
        """Esc does not lift the cover: only the next player's own Enter does."""

    def draw(self, surface: pygame.Surface) -> None:
        game = self.app.game
        assert game is not None
        text, s = self.app.text, self.s
        surface.fill(theme.BG)
        cx, cy = s(self.W // 2), s(self.H // 2)
        name = seat_name(game.world, self.seat)
        lines = [
            (f"Pass the machine to {name} ({self.seat})", 28, theme.ACCENT, True),
            (
                "Everyone else, please look away: this seat's positions and offers are private.",
                16,
                theme.TEXT,
                False,
            ),
            (
                text.fit(describe(game.world, self.seat), 14, s(self.W - 160)),
                14,
                theme.MUTED,
                False,
            ),
        ]
        y = cy - s(110)
        for line, size, colour, bold in lines:
            surf = text.render(line, size, colour, bold)
            surface.blit(surf, surf.get_rect(midtop=(cx, y)))
            y += surf.get_height() + s(16)
