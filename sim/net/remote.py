"""A classroom seat's session over the network, for a game window: the server plays the game.

The server owns the game; the window keeps a *mirror*: the world as its seat may know it
(:mod:`sim.net.seatworld`), replaced each time the server sends a new one. :class:`RemoteSession`
stands where a local :class:`~sim.model.session.Session` stands, so the desktop screens read and
act as in a local game: a command goes to the server as a request, is applied there in the
seat's turn, and the session waits for its result and the world that follows. It decides
nothing itself; the server refuses what it must.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Sequence
from typing import Any

from sim.model.commands import Command, command_from_json
from sim.model.drafts import Draft
from sim.model.engine import CommandRejected
from sim.model.events import Event
from sim.model.saves import TurnRecord
from sim.model.session import Session, Turn
from sim.model.view import WorldView
from sim.model.world import World
from sim.net.link import Link, LinkClosed
from sim.net.mirror import MirrorError, decode_world

#: How long the window waits for the server's answer to one request.
ANSWER_SECONDS = 10.0


class Mirror:
    """Stands in for the engine: the latest world from the server, and how long its log is."""

    def __init__(self, world: World, log: int, own: Sequence[Command] = ()) -> None:
        self.world = world
        #: Its length is read (screens refresh when it grows); the commands stay on the server,
        #: except, once the game has ended, the seat's own, which come first (for its debrief).
        self.log: list[Command | None] = [*own, *[None] * max(0, log - len(own))]

    def check(self, command: Command) -> list[str]:
        """Why ``command`` would be refused in the mirrored world (the server checks again)."""
        return command.check(self.world)


class RemoteSession(Session):
    """A :class:`Session` whose game runs on the classroom server.

    It follows the server's frames: the turn, whose turn it is, the ballot, pauses, the world.
    ``seat`` is the window's own seat while it has the turn (None otherwise, as in a local
    session while others act). Requests block until the server answers (``ANSWER_SECONDS``).
    """

    def __init__(self, link: Link, own: str, world: World, log: int) -> None:  # noqa: D107
        # No call to Session.__init__: there is no local game to plan.
        self.link = link
        self.own = own
        self.engine = Mirror(world, log)  # type: ignore[assignment]
        self.players: tuple[str, ...] = ()
        self.agents = []
        self.turn = Turn(world.month, "open")
        self.seat: str | None = None
        self.ballot: str | None = None
        self._queue = deque()
        self.on_turn: str | None = None
        self.paused = False
        self.view_data: dict[str, Any] = {}
        self.bands: dict[str, dict[str, int]] = {}
        #: The private messages the window may read: the seat's own (every one, for the teacher).
        self.mail: list[dict[str, Any]] = []
        self.notes: list[str] = []
        self.results: dict[int, dict[str, Any]] = {}
        self.worlds = 0
        #: Once the game has ended: the seed and the seat's own commands, turn by turn.
        self.final: tuple[int, list[list[Command]]] | None = None

    # Frames from the server ---------------------------------------------------------------

    def apply(self, frame: dict[str, Any]) -> None:
        """Take one frame from the server into the mirror."""
        kind = frame.get("type")
        if kind == "state":
            self.view_data = frame["view"]
            public = self.view_data["public"]
            turn = public["turn"]
            self.turn = Turn(int(turn["month"]), str(turn["phase"]), int(turn["round"]))
            self.on_turn = public["on_turn"]
            self.paused = bool(public.get("paused", False))
            handed = self.own in public.get("ai_seats", ())  # the teacher gave the seat to the AI
            mine = self.on_turn == self.own and not (self.paused or handed or public["outcome"])
            self.seat = self.own if mine else None
            self.ballot = public["ballot"] if mine else None
            own = self.view_data.get("own") or self.view_data.get("teacher") or {}
            for message in own.get("messages", []):
                self._file(message)
        elif kind == "world":
            try:
                world = decode_world(str(frame["data"]))
            except MirrorError as exc:
                self.notes.append(f"The server sent a world this window cannot read: {exc}")
                return
            self.engine = Mirror(world, int(frame["log"]), self.own_commands())  # type: ignore[assignment]
            self.bands = {d: dict(m) for d, m in frame["bands"].items()}
            self.players = tuple(frame["players"])
            self.worlds += 1
        elif kind == "debrief":
            self._debrief(frame)
        elif kind == "message":
            message = frame["message"]
            if self._file(message) and message["from"] != self.own:
                self.notes.append(f"A private message from {message['from']} (M: messages)")
        elif kind == "result":
            self.results[int(frame["id"])] = frame
        elif kind == "error":
            self.notes.append(f"Server: {frame['reason']}")
        elif kind == "link":
            state = frame.get("state")
            self.notes.append(
                "Connection lost: the server cannot be reached"
                if state == "lost"
                else "Connection dropped: reconnecting…"
            )

    def _debrief(self, frame: dict[str, Any]) -> None:
        """The game has ended: keep the seed and the seat's own turns (the debrief replays them)."""
        try:
            turns = [[command_from_json(c) for c in turn] for turn in frame["turns"]]
            seed = int(frame["seed"])
        except (ValueError, TypeError, KeyError) as exc:
            self.notes.append(f"The server sent a debrief this window cannot read: {exc}")
            return
        self.final = (seed, turns)
        engine = self.engine
        self.engine = Mirror(engine.world, len(engine.log), self.own_commands())  # type: ignore[assignment]

    def own_commands(self) -> list[Command]:
        """The seat's own commands in order, once the game has ended (none before)."""
        return [c for turn in self.final[1] for c in turn] if self.final else []

    def final_record(self) -> TurnRecord | None:
        """The seat's turns as indices of the mirror's log, once the game has ended."""
        if self.final is None:
            return None
        record, index = TurnRecord(), 0
        for turn in self.final[1]:
            record.completed.append(list(range(index, index + len(turn))))
            index += len(turn)
        return record

    def _file(self, message: dict[str, Any]) -> bool:
        """Keep a message once; True when it is new."""
        key = (message["from"], message["to"], message["month"], message["text"])
        if any((m["from"], m["to"], m["month"], m["text"]) == key for m in self.mail):
            return False
        self.mail.append(message)
        return True

    def poll(self) -> int:
        """Take every frame that has arrived; returns how many."""
        n = 0
        while (frame := self.link.get()) is not None:
            self.apply(frame)
            n += 1
        return n

    def request(self, body: dict[str, Any], world: bool = True) -> dict[str, Any]:
        """Send a request and wait for its result; when it changed the game (``world``), wait for
        the world that follows too. Raises :class:`LinkClosed` without an answer."""
        seen = self.worlds
        request_id = self.link.send(body)
        deadline = time.monotonic() + ANSWER_SECONDS
        while request_id not in self.results or (
            world and self.results[request_id]["ok"] and self.worlds == seen
        ):
            left = deadline - time.monotonic()
            frame = self.link.get(left) if left > 0 else None
            if frame is None:
                if request_id in self.results:
                    break  # answered; the world did not come in time: it comes with the next
                raise LinkClosed("the server did not answer")
            self.apply(frame)
        return self.results.pop(request_id)

    # What a local session does ------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.engine.world.finished

    def step(self) -> bool:
        """The server steps the game: take what it sent."""
        self.poll()
        return False

    def submit(self, command: Command) -> list[Event]:
        """Send one of the seat's commands; raises CommandRejected with the server's reasons."""
        reasons = self.check(command)
        if reasons:
            raise CommandRejected(command, reasons)
        try:
            result = self.request({"type": "command", "command": command.to_json()})
        except LinkClosed as exc:
            raise CommandRejected(command, [str(exc)]) from None
        if not result["ok"]:
            raise CommandRejected(command, list(result["reasons"]))
        month = self.engine.world.month
        return [Event(month, "result", text) for text in result["events"]]

    def end_turn(self) -> None:
        """The seat is done for this phase; the server moves on when every human seat is."""
        if self.seat is None:
            return
        self.seat = self.ballot = None
        try:
            self.request({"type": "end_turn"})
        except LinkClosed as exc:
            self.notes.append(str(exc))

    def send_message(self, body: dict[str, Any]) -> list[str]:
        """Send a private message (``to``, ``text``, perhaps an ``offer``); the reasons it was
        refused (none when sent)."""
        try:
            result = self.request(body, world=False)
        except LinkClosed as exc:
            return [str(exc)]
        if not result["ok"]:
            return list(result["reasons"])
        sent = {
            "from": self.own,
            "to": body["to"],
            "month": self.engine.world.month,
            "text": body.get("text", ""),
            "offer": body.get("offer"),
        }
        self._file(sent)
        return []

    def teacher(self, action: str, **fields: Any) -> list[str]:
        """One of the teacher's actions (pause, resume, time_limit, inject, incident,
        hand_to_ai, hand_back, end); the reasons it was refused (none when done)."""
        try:
            result = self.request({"type": "teacher", "action": action, **fields})
        except LinkClosed as exc:
            return [str(exc)]
        return [] if result["ok"] else list(result["reasons"])

    def advise(self) -> list[Command]:
        """What the server's advisor would do in the seat now."""
        try:
            result = self.request({"type": "advise"}, world=False)
        except LinkClosed:
            return []
        return [command_from_json(c) for c in result["commands"]]


class SeatView(WorldView):
    """The mirror's view, with the bands of the seat's doubt as the server computed them (the
    mirror holds the seat's estimates, not what it does not know)."""

    def __init__(self, world: World, observer: str | None, session: RemoteSession) -> None:
        super().__init__(world, observer)
        self._session = session

    def seen_by(self, observer: str | None) -> WorldView:
        return SeatView(self._world, observer, self._session)

    def bands(self, draft: Draft) -> dict[str, int]:
        return dict(self._session.bands.get(draft.id, {}))
