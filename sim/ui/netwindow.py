"""The game window of a networked seat: ``mandate join`` connects, then plays in the desktop
app (the teacher's code opens on the teacher's desk). Kept apart from :mod:`sim.ui.netgame`,
which the screens use, so that the app and the screens do not import each other."""

from __future__ import annotations

import sys

import pygame

from sim.net.link import Link, LinkClosed
from sim.ui.app import App, NoDisplay
from sim.ui.netgame import connect_game
from sim.ui.screens.base import make_screen


def open_window(url: str, code: str) -> int:
    """``mandate join URL --code CODE``: the game window for the seat the code names (or the
    teacher's), until the window is closed."""
    link = Link(url, code).start()
    try:
        game = connect_game(link)
    except LinkClosed as exc:
        link.close()
        print(f"mandate join: {exc}", file=sys.stderr)
        return 1
    try:
        app = App()
    except pygame.error as exc:
        link.close()
        raise NoDisplay(str(exc)) from exc
    app.start(game)
    if game.player is None:  # the teacher's code: the teacher's desk first
        app.push(make_screen(app, "teacher"))
    try:
        app.run()
    finally:
        link.close()
    return 0
