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
        y = 90
        for n, (path, label) in enumerate(saves):
            self.button(
                self.r(60, y + n * 52, self.W - 120, 44),
                readable_save(label),
                lambda p=path: load_game(self.app, p),
                key=pygame.K_1 + n,
                default=n == 0,
                tip=f"File: {path.name}",
            )
        self.button(self.r(self.W - 200, self.H - 64, 160, 44), "Back", self.back, tip="Esc")

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
