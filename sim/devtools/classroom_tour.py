"""The classroom's screens, for the screenshots and the benchmark: a classroom game served on
127.0.0.1 from a thread of its own, a seat's window (its chamber and private messages, two of
them sent with offers) and the teacher's desk, driven by real events like the rest of the tour
(:mod:`sim.devtools.screenshots`). Every wait is bounded in time; the teacher ends the game,
which stops the server."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Callable

import pygame
from pygame_gui.elements import UITextEntryLine

from sim.bundled import scenarios_dir
from sim.devtools.driver import Driver
from sim.net.classroom import Classroom
from sim.net.link import Link, LinkClosed
from sim.net.server import ClassroomServer
from sim.ui.netgame import connect_game

#: Seconds any one wait for the server may take.
PATIENCE = 20.0


class LocalClassroom:
    """A classroom server for the tutorial (two human seats) on a free port of 127.0.0.1."""

    def __init__(self, seats: tuple[str, ...] = ("ARN", "CAL"), seed: int = 3) -> None:
        self.room = Classroom(scenarios_dir() / "tutorial.toml", seed, list(seats))
        self.loop = asyncio.new_event_loop()
        self.server = ClassroomServer(self.room)
        port = self.loop.run_until_complete(self.server.start("127.0.0.1", 0))
        self.url = f"ws://127.0.0.1:{port}"
        self.thread = threading.Thread(
            target=self.loop.run_until_complete, args=(self.server.run(),), daemon=True
        )
        self.thread.start()

    def link(self, code: str) -> Link:
        """A game window's connection with ``code`` (a seat's or the teacher's)."""
        return Link(self.url, code).start()

    def end(self, teacher: Link) -> None:
        """The teacher ends the game; the server stops (waited for, within :data:`PATIENCE`)."""
        with contextlib.suppress(LinkClosed):
            teacher.send({"type": "teacher", "action": "end", "text": "the tour is over"})
        self.thread.join(PATIENCE)
        if not self.thread.is_alive():
            self.loop.close()


def wait(d: Driver, done: Callable[[], bool]) -> bool:
    """Frames until ``done()`` (what the server sends arrives between frames), bounded."""
    deadline = time.monotonic() + PATIENCE
    while not done() and time.monotonic() < deadline:
        d.frames(1)
        time.sleep(0.005)
    return done()


def write(d: Driver, offer: str, words: str) -> None:
    """On the messages screen: choose an ``offer``, type ``words`` (as the keyboard's text input
    does) and send it to the first seat listed."""
    d.click(d.button(offer))
    entry = next(e for e in d.app.screen.elements if isinstance(e, UITextEntryLine))
    d.click_at(entry.rect.center)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=words))
    d.frames(2)
    d.click(d.button("Send"))


def classroom_tour(d: Driver, shot: Callable[[str], None]) -> None:
    """A seat's messages and the teacher's desk, in the window of ``d``."""
    served = LocalClassroom()
    seat = served.link(served.room.codes["ARN"])
    teacher = served.link(served.room.teacher_code)
    try:
        game = connect_game(seat)
        d.app.start(game)
        wait(d, lambda: game.awaiting and d.screen() == "chamber")
        d.frames(2)
        shot("21-classroom-seat")
        d.key(pygame.K_m)
        write(d, "Side payment", "Drop the ICC referral and Calderon abstains?")
        write(d, "Support for a clause", "We back the arms embargo if you back the mission.")
        shot("22-messages")
        d.key(pygame.K_ESCAPE)
        desk = connect_game(teacher)
        d.app.start(desk)  # the teacher's window: its chamber, then the desk (K)
        wait(d, lambda: d.screen() == "chamber" and bool(desk.session.view_data.get("teacher")))
        d.key(pygame.K_k)
        wait(d, lambda: len(desk.session.mail) >= 2)
        d.frames(2)
        shot("23-teacher-desk")
    finally:
        served.end(teacher)
        seat.close()
        teacher.close()
    d.app.quit_to_title()
    d.frames(2)
