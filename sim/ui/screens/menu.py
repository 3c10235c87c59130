"""The in-game menu (Esc in the chamber): resume, save, load, settings, quit to the title."""

from __future__ import annotations

from datetime import datetime

import pygame

from sim.ui import theme
from sim.ui.screens.base import Screen
from sim.ui.settings import saves_dir


class MenuScreen(Screen):
    """Pause-menu of a game in progress."""

    name = "menu"

    def build(self) -> None:
        game = self.app.game
        x = self.W // 2 - 170
        y = 170
        can_save = game is not None and game.can_save()
        entries = [
            ("Resume", self.back, pygame.K_r, "Back to the chamber (Esc)", True),
            ("Save game", self.save, pygame.K_s, "Save to a new file between actions", can_save),
            ("Load a saved game", self.load, pygame.K_l, "", True),
            (
                "Go back to a month",
                self.timeline,
                pygame.K_t,
                "Rewind to an earlier month and play on as a branch",
                can_save,
            ),
            ("Settings", self.settings, pygame.K_g, "UI scale, vote speed, motion", True),
            (
                "Quit to the title",
                self.app.quit_to_title,
                pygame.K_q,
                "The autosave keeps this month's start",
                True,
            ),
        ]
        for n, (label, action, key, tip, enabled) in enumerate(entries):
            self.button(
                self.r(x, y + n * 56, 340, 46),
                label,
                action,
                key=key,
                tip=tip,
                enabled=enabled,
                default=n == 0,
                object_id="#primary" if n == 0 else None,
            )

    def save(self) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        if self.app.save_to(saves_dir() / f"save-{stamp}.json"):
            self.app.pop()

    def load(self) -> None:
        self.go("load")

    def timeline(self) -> None:
        self.go("timeline")

    def settings(self) -> None:
        self.go("settings")

    def draw(self, surface: pygame.Surface) -> None:
        title = self.app.text.render("Menu", 28, theme.TEXT, True)
        surface.blit(title, title.get_rect(center=(self.app.size[0] // 2, self.s(120))))
        if self.app.game is not None and not self.app.game.can_save():
            note = "Saving is possible on your turn."
            hint = self.app.text.render(note, 14, theme.MUTED)
            surface.blit(hint, hint.get_rect(center=(self.app.size[0] // 2, self.s(526))))
