"""The networked seat's game window, end to end on 127.0.0.1: a classroom server, one seat
played in the desktop window under the dummy driver by real pygame events, another seat played
by a bot client. The window tables its draft, lobbies, casts its own vote and ends its turns;
the server moves on only when every human seat has."""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from sim.devtools.driver import Driver
from sim.model.ballots import CastVote
from sim.model.commands import Lobby, TableDraft
from sim.net.classroom import Classroom
from sim.net.client import Bot
from sim.net.link import Link, LinkClosed
from sim.net.server import ClassroomServer
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
        """The teacher ends the game (over the network, like any teacher's action); the server
        and the bot stop."""
        if self.thread.is_alive():
            link = Link(self.url, self.room.teacher_code, window=False).start()
            with contextlib.suppress(LinkClosed):
                link.send({"type": "teacher", "action": "end", "text": "the lesson is over"})
            self.thread.join(30)
            link.close()
        if not self.thread.is_alive() and not self.loop.is_closed():
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


def _type(d: Driver, text: str) -> None:
    """Type into the focused text line, as the keyboard's text input does."""
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
    d.frames(2)


def _dismissed(d: Driver) -> str:
    """Enter through the vote and news screens the game opens; the screen under them."""
    if d.screen() in ("vote", "news"):
        d.key(pygame.K_RETURN)
    return d.screen()


def _press(d: Driver, label: str, done: Any, tries: int = 5) -> bool:
    """Click the desk's button ``label`` until ``done()`` (a vote or the news may have opened
    over the desk just before the click)."""
    for _ in range(tries):
        if not _wait(d, lambda: _dismissed(d) == "teacher"):
            return False
        d.click(d.button(label))
        with contextlib.suppress(LookupError):
            if _wait(d, done, 5):
                return True
    return False


def _entry(d: Driver) -> Any:
    from pygame_gui.elements import UITextEntryLine

    return next(e for e in d.app.screen.elements if isinstance(e, UITextEntryLine))


def test_messages_and_the_teacher_desk(driver: Driver, served: Served, tmp_path: Path) -> None:
    room = served.room
    seat_link = Link(served.url, room.codes["ARN"]).start()
    teacher_link = Link(served.url, room.teacher_code).start()
    try:
        game = connect_game(seat_link)
        driver.app.start(game)
        driver.key(pygame.K_m)
        assert driver.screen() == "messages"
        driver.click(driver.button("Calderon"))
        driver.click(driver.button("Side payment"))
        driver.click(driver.button("+"))
        driver.click(_entry(driver))
        _type(driver, "Drop the ICC referral and CAL abstains?")
        driver.click(driver.button("Send"))
        sent = game.session.mail[-1]
        assert sent["to"] == "CAL" and sent["text"].startswith("Drop the ICC referral")
        assert sent["offer"]["kind"] == "side_payment" and sent["offer"]["amount"] == 1.5
        driver.frames(3)
        driver.shot(shots(tmp_path) / "net-messages.png")

        desk = connect_game(teacher_link)
        driver.app.start(desk)
        assert desk.player is None, "the teacher holds no seat"
        driver.key(pygame.K_k)
        assert driver.screen() == "teacher"
        assert _wait(driver, lambda: any(m["text"] == sent["text"] for m in desk.session.mail))
        driver.frames(3)
        driver.shot(shots(tmp_path) / "teacher-desk.png")
        public = lambda: desk.session.view_data["public"]  # noqa: E731
        driver.click(driver.button("Pause"))
        assert _wait(driver, lambda: public()["paused"])
        driver.click(driver.button("Resume"))
        assert _wait(driver, lambda: not public()["paused"])
        driver.click(_entry(driver))
        _type(driver, "A convoy is ambushed near the border")
        driver.click(driver.button("Incident"))
        assert _wait(driver, lambda: any("convoy is ambushed" in e.text for e in desk.world.events))
        month = desk.world.month
        driver.click(driver.button("To AI"))  # ARN's student has left: the AI plays the seat
        assert _wait(driver, lambda: "ARN" in desk.session.view_data["teacher"]["ai_seats"])
        assert _wait(driver, lambda: desk.world.month > month, 60), "the game goes on"
        # Votes and news open over the desk while the game goes on: press until it took.
        assert _press(driver, "Pause", lambda: public()["paused"])
        assert _wait(driver, lambda: _dismissed(driver) == "teacher")
        driver.frames(3)
        driver.shot(shots(tmp_path) / "teacher-desk-later.png")
        assert _press(
            driver, "Back", lambda: "ARN" not in desk.session.view_data["teacher"]["ai_seats"]
        )
        assert _press(driver, "End the game", lambda: driver.button("Really end?") is not None)
        driver.click(driver.button("Really end?"))
        assert _wait(driver, lambda: desk.session.finished)
    finally:
        served.end()
        seat_link.close()
        teacher_link.close()
    asked = [e["request"].get("action") for e in room.journal if e["by"] == "teacher"]
    once = [a for n, a in enumerate(asked) if n == 0 or asked[n - 1] != a]  # a press may repeat
    assert once == ["pause", "resume", "incident", "hand_to_ai", "pause", "hand_back", "end"]
    assert [(m["from"], m["to"]) for m in room.messages] == [("ARN", "CAL")]
