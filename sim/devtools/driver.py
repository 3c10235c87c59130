"""Drive the game with real pygame events, as a player would (tests, screenshots, benchmark).

Everything goes through the event queue: key presses are posted as KEYDOWN/KEYUP, clicks as
mouse events at the centre of a real widget's rectangle (with the pointer moved there first,
which pygame_gui needs under the dummy video driver). Nothing calls a screen's methods directly.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pygame
from pygame_gui.elements import UIButton

from sim.ui.app import App
from sim.ui.savewriter import save_writer
from sim.ui.settings import Settings

FRAME = 1 / 60


def headless() -> None:
    """Select SDL's dummy video and audio drivers (no window, no sound card needed)."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


@contextmanager
def recorded_lines(text: Any) -> Iterator[list[str]]:
    """Record, while the block runs, every line ``text`` (the app's text renderer) renders, in
    the order rendered."""
    seen: list[str] = []
    render = text.render

    def recording(line: str, *args: object, **kwargs: object) -> pygame.Surface:
        seen.append(line)
        return render(line, *args, **kwargs)  # type: ignore[no-any-return]

    text.render = recording
    try:
        yield seen
    finally:
        del text.render


class Driver:
    """A scripted player for an :class:`App`."""

    def __init__(self, app: App) -> None:
        self.app = app

    @classmethod
    def start(
        cls,
        size: tuple[int, int] = (1280, 720),
        scale: float = 1.0,
        seed: int | None = 7,
        scenario: Path | None = None,
        designer: bool = False,
    ) -> Driver:
        """A new app under the dummy driver."""
        headless()
        settings = Settings(ui_scale=scale, window_width=size[0], window_height=size[1])
        app = App(scenario, size=size, settings=settings, seed=seed, designer=designer)
        driver = cls(app)
        driver.frames(2)
        return driver

    def frames(self, n: int = 1, dt: float = FRAME) -> None:
        """Run ``n`` frames; then the saves being written in the background are on disk (a
        script reads them at once, where a player could not)."""
        for _ in range(n):
            self.app.frame(dt)
        save_writer().wait()

    def key(self, key: int, mod: int = 0, frames: int = 2) -> None:
        """Press and release a key."""
        char = chr(key) if 32 <= key < 127 else ""
        pygame.event.post(
            pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=char, scancode=0)
        )
        pygame.event.post(
            pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=char, scancode=0)
        )
        self.frames(frames)

    def click_at(self, pos: tuple[int, int], frames: int = 2) -> None:
        """Left click at a window position."""
        pygame.mouse.set_pos(pos)
        pygame.event.post(
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
        )
        self.frames(1)
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        self.frames(1)
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
        self.frames(frames)

    def click(self, button: UIButton, frames: int = 2) -> None:
        """Click a widget at the centre of its rectangle."""
        self.click_at(button.rect.center, frames)

    def buttons(self) -> list[UIButton]:
        """The top screen's buttons."""
        return [e for e in self.app.screen.elements if isinstance(e, UIButton)]

    def button(self, text: str) -> UIButton:
        """The top screen's button whose text starts with ``text``."""
        for b in self.buttons():
            if b.text.startswith(text):
                return b
        names = [b.text for b in self.buttons()]
        raise LookupError(f"no button {text!r} on {self.app.screen.name}: {names}")

    def until(self, done: Callable[[], bool], limit: int = 600) -> bool:
        """Run frames until ``done()`` (or ``limit`` frames)."""
        for _ in range(limit):
            if done():
                return True
            self.frames(1)
        return done()

    def settle(self, limit: int = 60) -> bool:
        """Run frames until the top screen has made the parts of its build it left for later
        (:meth:`~sim.ui.screens.base.Screen.later`)."""
        return self.until(lambda: not self.app.screen.pending, limit)

    def take_seat(self) -> None:
        """Title → briefing → chamber by clicking the real buttons, to the player's first turn,
        with the chamber's later parts made."""
        self.click(self.button("New game"))
        self.click(self.button("Take your seat"))
        assert self.until(lambda: self.app.game is not None and self.app.game.awaiting)
        assert self.settle(), "the chamber never finished its later parts"
        self.frames(1)

    def lines_drawn(self) -> list[str]:
        """The lines of text the app draws in one frame, in the order drawn (what a test reads
        to check what the player is told)."""
        with recorded_lines(self.app.text) as seen:
            self.frames(1)
        return seen

    def screen(self) -> str:
        """Name of the top screen."""
        return self.app.screen.name

    def shot(self, path: Path) -> Path:
        """Save what the player sees."""
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.app.window, str(path))
        return path
