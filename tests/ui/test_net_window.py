"""The networked seat's game window, end to end on 127.0.0.1: a classroom server, one seat
played in the desktop window under the dummy driver by real pygame events, another seat played
by a bot client. The window tables its draft, lobbies, casts its own vote and ends its turns;
the server moves on only when every human seat has."""

from __future__ import annotations

import asyncio
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from sim.model.ballots import CastVote
from sim.model.commands import Lobby, TableDraft
from sim.net.classroom import Classroom
from sim.net.client import Bot
from sim.net.link import Link
from sim.net.server import ClassroomServer
from sim.ui.driver import Driver
from sim.ui.netgame import NetGame, connect_game

TUTORIAL = Path(__file__).resolve().parents[2] / "scenarios" / "tutorial.toml"
LIMIT = 240.0


class Served:
    """A classroom server and a bot seat on a thread of their own (their own event loop)."""

    def __init__(self, room: Classroom, save: Path, bot_seat: str) -> None:
        self.room = room
        self.loop = asyncio.new_event_loop()
        self.server = ClassroomServer(room, save)
        self.port = self.loop.run_until_complete(self.server.start("127.0.0.1", 0))
        self.url = f"ws://127.0.0.1:{self.port}"
        self.bot = Bot(self.url, room.codes[bot_seat])
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        async def both() -> None:
            bot = asyncio.create_task(self.bot.run(limit=LIMIT))
            await self.server.run()
            await asyncio.wait_for(bot, 10)

        self.loop.run_until_complete(both())

    def end(self) -> None:
        """The teacher ends the game (over the network, like any teacher's action)."""
        link = Link(self.url, self.room.teacher_code, window=False).start()
        try:
            link.send({"type": "teacher", "action": "end", "text": "the lesson is over"})
        finally:
            self.thread.join(30)
            link.close()
            self.loop.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    s = Served(Classroom(TUTORIAL, 3, ["ARN", "CAL"]), tmp_path / "save.json", "CAL")
    yield s
    if s.thread.is_alive():
        s.end()


def shots(tmp_path: Path) -> Path:
    return Path(os.environ.get("MANDATE_SHOTS", tmp_path))


def _wait(d: Driver, done: Any, seconds: float = 30.0) -> bool:
    """Frames until ``done()``, the window taking what the server sends (bounded in time)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if done():
            return True
        d.frames(1)
        time.sleep(0.005)
    return bool(done())


def _my_turn(d: Driver) -> bool:
    game = d.app.game
    if d.screen() in ("vote", "news"):
        d.key(pygame.K_RETURN)
    return game is not None and game.awaiting and d.screen() in ("chamber", "ballot")


def test_a_seat_plays_in_its_own_window(driver: Driver, served: Served, tmp_path: Path) -> None:
    link = Link(served.url, served.room.codes["ARN"]).start()
    try:
        game = connect_game(link)
        driver.app.start(game)
        assert isinstance(driver.app.game, NetGame) and game.player == "ARN"
        assert _wait(driver, lambda: _my_turn(driver)), "the window gets ARN's turn"
        assert driver.screen() == "chamber"
        # Month 1, opening: table the prepared draft with T.
        driver.key(pygame.K_t)
        assert _wait(driver, lambda: bool(game.world.drafts)), "the tabled draft comes back"
        draft = next(iter(game.world.drafts.values()))
        assert draft.penholder == "ARN" and draft.version == 1
        driver.frames(3)
        driver.shot(shots(tmp_path) / "net-seat-window.png")
        whip = game.whip(draft)
        assert any(e.band > 0 for e in whip.estimates), "the whip count shows the seat's doubt"
        driver.key(pygame.K_SPACE)  # end the turn: CAL (the bot) acts, then consultations
        assert _wait(driver, lambda: _my_turn(driver) and game.session.turn.phase == "consult")
        # Consultations: lobby the first member the screen offers (L), then end the turn.
        driver.key(pygame.K_c)
        assert driver.screen() == "consult"
        capital = game.view.capital("ARN")
        driver.key(pygame.K_l)
        assert _wait(driver, lambda: game.view.capital("ARN") < capital), "lobbying cost capital"
        driver.key(pygame.K_ESCAPE)
        assert driver.screen() == "chamber"
        driver.key(pygame.K_SPACE)
        # Play on with the advisor until ARN has a vote to cast, then cast it with a click.
        for _ in range(200):
            if not _wait(driver, lambda: _my_turn(driver) or game.session.finished):
                break
            if game.session.finished:
                break
            if driver.screen() == "ballot" or game.ballot is not None:
                if driver.screen() != "ballot":
                    driver.frames(2)
                assert driver.screen() == "ballot"
                driver.shot(shots(tmp_path) / "net-seat-ballot.png")
                driver.click(driver.button("Yes"))
                break
            before = (game.session.turn, len(game.session.engine.log))
            driver.key(pygame.K_a)
            _wait(driver, lambda b=before: (game.session.turn, len(game.session.engine.log)) != b)
        assert _wait(driver, lambda: not game.awaiting or game.ballot is None)
    finally:
        served.end()
        link.close()
    log = served.room.session.engine.log
    mine = [c for c in log if getattr(c, "actor", None) == "ARN"]
    assert any(isinstance(c, TableDraft) for c in mine)
    assert any(isinstance(c, Lobby) for c in mine)
    assert any(isinstance(c, CastVote) and c.choice == "yes" for c in mine), "ARN voted itself"
    ends = [e for e in served.room.journal if e["request"].get("type") == "end_turn"]
    assert {e["by"] for e in ends} == {"ARN", "CAL"}, "both human seats ended turns"
    assert served.bot.report.outcome is not None, "the bot played to the end of the game"
