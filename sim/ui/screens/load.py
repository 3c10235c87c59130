"""Load a saved game: the saves folder, newest first (the autosave included)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pygame

from sim.model.saves import list_save_files
from sim.ui import theme
from sim.ui.screens.base import Screen
from sim.ui.screens.title import load_game
from sim.ui.settings import saves_dir

MAX_LISTED = 9
#: Save buttons made a frame (entering the screen is spread over a few short frames).
PER_FRAME = 3


def list_saves(folder: Path | None = None) -> list[tuple[Path, str]]:
    """(path, description) of saves, newest first; unreadable files are described as such."""
    return list_save_files(folder or saves_dir(), MAX_LISTED)


def readable_save(label: str) -> str:
    """A save's description as :func:`list_saves` gives it ("Libya 2011 — Month 1 (February
    2011) · 2026-12-03T13:42:33") with the moment it was saved in words ("… · saved 3 December
    2026 at 13:42")."""
    what, _, stamp = label.rpartition(" · ")
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return label
    return f"{what} · saved {when.day} {when:%B %Y} at {when:%H:%M}"


class LoadScreen(Screen):
    """Choose a save."""

    name = "load"
    saves: list[tuple[Path, str]] = []

    def build(self) -> None:
        # Listing reads every save file: once per build, never per frame.
        self.saves = saves = list_saves()
        labels = [readable_save(label) for _, label in saves]
        # As wide as the longest description needs, not the whole window: pygame_gui never
        # caches a button's shape wider than 1024 pixels, and drew each of nine window-wide
        # buttons anew (200-270 ms to enter at 1280 or 1920 wide).
        font = self.app.text.font(15)
        need = max((font.size(label)[0] for label in labels), default=0) + self.s(48)
        width = min(self.s(self.W - 120), max(self.s(640), need))

        def make(first: int, last: int) -> None:
            made = []
            for n in range(first, min(last, len(saves))):
                path = saves[n][0]
                made.append(
                    self.button(
                        pygame.Rect(self.s(60), self.s(90 + n * 52), width, self.s(44)),
                        labels[n],
                        lambda p=path: load_game(self.app, p),
                        key=pygame.K_1 + n,
                        default=n == 0,
                        tip=f"File: {path.name}",
                    )
                )
            self._into_ring(made, first)

        # A few saves in the frame that opens the screen, the others on the next frames.
        make(0, PER_FRAME)
        self.button(self.r(self.W - 200, self.H - 64, 160, 44), "Back", self.back, tip="Esc")
        for first in range(PER_FRAME, len(saves), PER_FRAME):
            self.later(lambda f=first: make(f, f + PER_FRAME))

    def draw(self, surface: pygame.Surface) -> None:
        text = self.app.text
        surface.blit(
            text.render("Load a saved game", 24, theme.TEXT, True), (self.s(60), self.s(30))
        )
        if not self.saves:
            surface.blit(
                text.render("No saved games yet.", 16, theme.MUTED), (self.s(60), self.s(90))
            )
        where = text.render(f"Folder: {saves_dir()}", 13, theme.MUTED)
        surface.blit(where, (self.s(60), self.s(self.H - 50)))
