"""A networked seat in the desktop game window: the same screens, a session on the server.

``mandate join ws://HOST:PORT --code CODE`` opens the window for the seat the code names (the
teacher's code opens the teacher's desk). The screens read a :class:`NetGame` exactly as they
read a local game; its session is a :class:`~sim.net.remote.RemoteSession`, which mirrors the
world as the seat may know it and sends everything the player does to the server.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from sim.model.commands import Command
from sim.model.drafts import Draft
from sim.model.events import Event
from sim.model.saves import SaveError, TurnRecord
from sim.model.view import WorldView
from sim.model.whip import Estimate, WhipCount, whip_count
from sim.net.link import Link, wait_for
from sim.net.mirror import decode_world
from sim.net.remote import ANSWER_SECONDS, RemoteSession, SeatView
from sim.net.views import TEACHER
from sim.scenario import catalogue
from sim.scenario.loader import load_scenario
from sim.ui.game import Game, Seen


class NetGame(Game):
    """The game as a networked seat's window sees it (see the module's notes)."""

    session: RemoteSession
    classroom = True

    @property
    def view(self) -> WorldView:
        return SeatView(self.world, self.player, self.session)

    # Once the game has ended the server sends the seed and the seat's own turns, so the debrief
    # works out the seat's turning points here, as a local game's does.

    @property  # type: ignore[override]
    def seed(self) -> int:
        final = self.session.final
        return final[0] if final else self._seed

    @seed.setter
    def seed(self, value: int) -> None:
        self._seed = value

    @property  # type: ignore[override]
    def record(self) -> TurnRecord:
        final = self.session.final_record()
        return final if final is not None else self._record

    @record.setter
    def record(self, value: TurnRecord) -> None:
        self._record = value

    @property
    def player(self) -> str | None:
        own = self.session.own
        return None if own == TEACHER else own

    @property
    def players(self) -> tuple[str, ...]:
        """Only the window's own seat: other people play in their own windows."""
        return (self.session.own,) if self.player is not None else ()

    @property
    def awaiting(self) -> bool:
        return self.session.seat is not None and not self.session.finished

    def whip(self, draft: Draft) -> WhipCount:
        """The seat's whip count: its estimates, with the bands the server sent."""
        whip = whip_count(self.world, draft, self.player)
        bands = self.session.bands.get(draft.id, {})
        return WhipCount(
            draft.id,
            tuple(
                Estimate(
                    e.member,
                    e.total,
                    bands.get(e.member, 0),
                    e.yes_above,
                    e.no_below,
                    e.veto_holder,
                )
                for e in whip.estimates
            ),
        )

    def advise(self) -> list[Command]:
        return self.session.advise() if self.awaiting else []

    def submit(self, command: Command) -> list[Event]:
        return self.session.submit(command)

    def end_turn(self) -> None:
        if self.awaiting:
            self.session.end_turn()

    def pump(self, budget: float, max_steps: int = 1_000_000) -> int:
        """Take what the server sent (the server plays the AI seats)."""
        return self.session.poll()

    def can_save(self) -> bool:
        return False

    def save(self, path: Path, label: str = "") -> Any:
        raise SaveError("a classroom game is saved by its server")

    def take_notes(self) -> list[str]:
        """Messages for the message line since last asked (private messages, the server's)."""
        notes, self.session.notes = self.session.notes, []
        return notes


def scenario_file(source: dict[str, str], folder: Path) -> Path:
    """The scenario the server plays: the installed file of that id when it is the same text,
    else the server's text written to ``folder``."""
    installed = catalogue.by_id(str(source["id"]))
    text = str(source["text"])
    if installed is not None and installed.read_text(encoding="utf-8") == text:
        return installed
    path = folder / Path(str(source["name"])).name
    path.write_text(text, encoding="utf-8")
    return path


def connect_game(link: Link, limit: float = ANSWER_SECONDS) -> NetGame:
    """Join the server over ``link`` (started) and build the window's game from its first
    frames; raises :class:`LinkClosed` when the code is refused or the server does not answer."""
    early: list[dict[str, Any]] = []
    welcome = wait_for(link, "welcome", limit, early)
    first = wait_for(link, "world", limit, early)
    folder = Path(tempfile.mkdtemp(prefix="mandate-classroom-"))
    path = scenario_file(welcome["scenario"], folder)
    scenario = load_scenario(path)
    session = RemoteSession(link, str(welcome["seat"]), decode_world(first["data"]), first["log"])
    for frame in (*early, first):
        session.apply(frame)
    game = NetGame(path, scenario, 0, session)
    world = session.engine.world
    game.seen = Seen(len(world.events), len(world.votes), world.month)
    return game
