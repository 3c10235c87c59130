"""The classroom server: asyncio and websockets around a :class:`~sim.net.classroom.Classroom`.

One process owns the game. A client's first message is ``hello`` with its join code; the code
names its seat (or the teacher) and the connection acts only as that seat. Each later message
is validated (:mod:`sim.net.protocol`); a malformed, oversized or unknown message, a command
for another seat, or a flood (more than ``RATE`` messages a second beyond a burst of ``BURST``)
is refused with an ``error`` to that client alone, and the game goes on for everyone else. A
dropped client reconnects with its code and gets its view again. After anything changes, every
client gets its own view (:mod:`sim.net.views`) and every game window the world as its seat may
know it (:mod:`sim.net.seatworld`); private messages go to the addressee and the teacher. The
game is saved atomically each month (and when it ends).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from sim.net.classroom import Classroom
from sim.net.protocol import MAX_MESSAGE_BYTES, ProtocolError, parse
from sim.net.views import TEACHER

RATE = 100.0
BURST = 100
HELLO_SECONDS = 10.0
SEND_SECONDS = 5.0
#: Frames larger than this are cut off by the websocket layer itself (the connection closes).
MAX_FRAME = 16 * MAX_MESSAGE_BYTES
#: A seat handed to the AI plays one turn this often, so the class can follow the game and the
#: teacher can pause it (a game of AI seats alone would otherwise be over in a blink).
AI_TURN_SECONDS = 1.0


@dataclass
class Bucket:
    """A token bucket: ``BURST`` messages at once, then ``RATE`` a second."""

    tokens: float = BURST
    stamp: float = field(default_factory=time.monotonic)

    def take(self) -> bool:
        now = time.monotonic()
        self.tokens = min(BURST, self.tokens + (now - self.stamp) * RATE)
        self.stamp = now
        if self.tokens < 1.0:
            return False
        self.tokens -= 1.0
        return True


class ClassroomServer:
    """Serves one classroom on one address until the game ends or the server is stopped."""

    def __init__(
        self,
        room: Classroom,
        save_path: Path | None = None,
        ai_turn_seconds: float = AI_TURN_SECONDS,
    ) -> None:
        self.room = room
        self.ai_turn_seconds = ai_turn_seconds
        self.ai_played = time.monotonic()
        self.save_path = save_path
        self.clients: dict[str, ServerConnection] = {}
        self.teachers: set[ServerConnection] = set()
        #: Connections of game windows: they also get the world as their seat may know it.
        self.windows: set[ServerConnection] = set()
        self.saved_month = room.world_month
        self.turn_started = time.monotonic()
        self.turn_key: tuple[Any, ...] = ()
        self.server: Server | None = None

    async def start(self, host: str, port: int) -> int:
        """Listen on ``host``:``port`` (0: any free port); returns the port."""
        self.server = await serve(self.connection, host, port, max_size=MAX_FRAME)
        return int(self.server.sockets[0].getsockname()[1])

    async def run(self) -> None:
        """Serve (after :meth:`start`) until the game ends; a final save is written."""
        try:
            while not self.room.finished:
                await asyncio.sleep(0.25)
                await self.tick()
            await asyncio.sleep(0.5)  # let the last views reach the clients
        finally:
            self.autosave(force=True)
            await self.stop()

    async def stop(self) -> None:
        """Close every connection and stop listening."""
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()

    async def tick(self) -> None:
        """The phase's time limit, when the teacher set one; a turn of a seat handed to the AI
        when its pace allows."""
        room = self.room
        now = time.monotonic()
        if now - self.ai_played >= self.ai_turn_seconds and room.play_ai_turn():
            self.ai_played = now
            self.autosave()
            await self.broadcast()
        key = (room.session.turn, room.session.seat, room.session.ballot)
        if key != self.turn_key:
            self.turn_key, self.turn_started = key, time.monotonic()
        limit = room.time_limit
        if limit > 0 and time.monotonic() - self.turn_started > limit and room.timeout():
            await self.broadcast()

    # Connections --------------------------------------------------------------------------

    async def connection(self, ws: ServerConnection) -> None:
        """One client, from its hello to its last message."""
        seat = await self.hello(ws)
        if seat is None:
            return
        bucket = Bucket()
        try:
            async for raw in ws:
                if not bucket.take():
                    await self.send(ws, {"type": "error", "reason": "too many messages: slow down"})
                    continue
                await self.receive(ws, seat, raw)
        except ConnectionClosed:
            pass
        finally:
            self.windows.discard(ws)
            if seat == TEACHER:
                self.teachers.discard(ws)
            elif self.clients.get(seat) is ws:
                del self.clients[seat]

    async def hello(self, ws: ServerConnection) -> str | None:
        try:
            raw = await asyncio.wait_for(ws.recv(), HELLO_SECONDS)
            request = parse(raw)
        except (TimeoutError, ConnectionClosed):
            return None
        except ProtocolError as exc:
            await self.refuse(ws, str(exc))
            return None
        seat = self.room.seat_of(request.code) if request.type == "hello" else None
        if seat is None:
            await self.refuse(
                ws,
                "unknown join code"
                if request.type == "hello"
                else "the first message must be hello with your join code",
            )
            return None
        if seat == TEACHER:
            self.teachers.add(ws)
        else:
            old = self.clients.get(seat)
            self.clients[seat] = ws
            if old is not None and old is not ws:
                with contextlib.suppress(ConnectionClosed):
                    await old.close(4000, "the seat reconnected elsewhere")
        welcome = {"type": "welcome", "seat": seat, "state_hash": self.room.to_json()["state_hash"]}
        if request.window:
            self.windows.add(ws)
            welcome["scenario"] = self.room.scenario_source()
        await self.send(ws, welcome)
        await self.send_state(ws, seat)
        return seat

    async def refuse(self, ws: ServerConnection, reason: str) -> None:
        with contextlib.suppress(ConnectionClosed):
            await ws.send(json.dumps({"type": "error", "reason": reason}))
            await ws.close(4001, reason[:100])

    async def receive(self, ws: ServerConnection, seat: str, raw: str | bytes) -> None:
        try:
            request = parse(raw)
        except ProtocolError as exc:
            await self.send(ws, {"type": "error", "reason": str(exc)})
            return
        if request.type == "hello":
            await self.send(ws, {"type": "error", "reason": "already joined"})
            return
        if request.type == "state":
            await self.send_state(ws, seat)
            return
        data = request.model_dump(mode="json")
        before = len(self.room.journal)
        reply = self.room.handle(seat, data)
        await self.send(
            ws,
            {
                "type": "result",
                "id": request.id,
                "ok": reply.ok,
                "reasons": reply.reasons,
                "events": reply.events,
                "commands": reply.commands,
            },
        )
        for message in reply.deliver:
            await self.deliver(message)
        if len(self.room.journal) != before and request.type != "message":
            self.autosave()
            await self.broadcast()

    async def deliver(self, message: dict[str, Any]) -> None:
        """A private message: to its addressee and the teacher, nobody else."""
        frame = {"type": "message", "message": message}
        target = self.clients.get(message["to"])
        if target is not None:
            await self.send(target, frame)
        for teacher in list(self.teachers):
            await self.send(teacher, frame)

    async def broadcast(self) -> None:
        """Every client its own view (and game windows their world)."""
        for seat, ws in list(self.clients.items()):
            await self.send_state(ws, seat)
        if self.teachers:
            frame = {"type": "state", "view": self.room.view(TEACHER)}
            world = self.room.world_frame(TEACHER) if self.windows & self.teachers else None
            for teacher in list(self.teachers):
                await self.send(teacher, frame)
                if world is not None and teacher in self.windows:
                    await self.send(teacher, world)

    async def send_state(self, ws: ServerConnection, seat: str) -> None:
        """The seat's view; to a game window, then (once the game has ended) what its debrief
        needs, then the world as the seat may know it."""
        await self.send(ws, {"type": "state", "view": self.room.view(seat)})
        if ws in self.windows:
            debrief = self.room.debrief(seat)
            if debrief is not None:  # before the world that shows the end, so it is there
                await self.send(ws, debrief)
            await self.send(ws, self.room.world_frame(seat))

    async def send(self, ws: ServerConnection, frame: dict[str, Any]) -> None:
        """Send one frame; a client that does not read for ``SEND_SECONDS`` is dropped (it may
        reconnect) rather than hold up everyone else."""
        try:
            await asyncio.wait_for(ws.send(json.dumps(frame)), SEND_SECONDS)
        except ConnectionClosed:
            pass
        except TimeoutError:
            with contextlib.suppress(ConnectionClosed):
                await asyncio.wait_for(ws.close(4002, "not reading: reconnect"), SEND_SECONDS)

    def autosave(self, force: bool = False) -> None:
        """Save once a month (and when asked), atomically."""
        if self.save_path is None:
            return
        month = self.room.world_month
        if force or month != self.saved_month or self.room.finished:
            self.room.save(self.save_path)
            self.saved_month = month
