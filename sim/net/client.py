"""Classroom clients: the bot that plays a seat with the AI, and an observer.

``mandate join ws://HOST:PORT --code CODE --bot`` plays the seat its code names until the game
ends: on each of its turns it asks the server what the AI would do (``advise``), sends those
commands one by one and ends the turn. It measures, for every request, the time from sending it
to receiving its result (what the load benchmark reports). A dropped connection is retried with
the same code, and the bot resumes where the game is.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

RETRIES = 5


@dataclass
class BotReport:
    """How a bot's game went: its seat, the outcome, and its request latencies (seconds)."""

    seat: str = ""
    outcome: str | None = None
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    frames: list[dict[str, Any]] = field(default_factory=list)


class Bot:
    """Plays one seat by the advisor's advice, one request at a time."""

    def __init__(self, url: str, code: str, keep_frames: bool = False) -> None:
        self.url = url
        self.code = code
        self.keep_frames = keep_frames
        self.report = BotReport()
        self.next_id = 0
        self.sent: dict[int, float] = {}
        self.queue: list[dict[str, Any]] = []
        self.busy = False
        self.ending_id = -1
        self.last: dict[str, Any] | None = None

    async def run(self, limit: float = 600.0) -> BotReport:
        """Play until the game ends (or ``limit`` seconds), reconnecting when dropped."""
        deadline = time.monotonic() + limit
        for _ in range(RETRIES):
            try:
                async with connect(self.url, max_size=None) as ws:
                    self.busy, self.queue = False, []
                    await ws.send(json.dumps({"type": "hello", "code": self.code}))
                    if await self.play(ws, deadline):
                        return self.report
            except (ConnectionClosed, InvalidHandshake, OSError):
                await asyncio.sleep(0.2)
            if time.monotonic() > deadline:
                break
        return self.report

    async def play(self, ws: ClientConnection, deadline: float) -> bool:
        """True when the game ended (False: the connection dropped)."""
        while time.monotonic() < deadline:
            frame = json.loads(await asyncio.wait_for(ws.recv(), deadline - time.monotonic()))
            if self.keep_frames:
                self.report.frames.append(frame)
            kind = frame.get("type")
            if kind == "welcome":
                self.report.seat = frame["seat"]
            elif kind == "error":
                self.report.errors.append(frame["reason"])
                if "join code" in frame["reason"]:
                    return True
                if "too many messages" in frame["reason"] and self.last is not None:
                    await asyncio.sleep(0.5)  # refused as a flood: slow down and send it again
                    await ws.send(json.dumps(self.last))
            elif kind == "result":
                self.report.latencies.append(time.perf_counter() - self.sent.pop(frame["id"]))
                if frame["id"] == self.ending_id:
                    self.busy = False
                    continue
                if frame["commands"]:
                    self.queue = list(frame["commands"])
                await self.next(ws)
            elif kind == "state":
                public = frame["view"]["public"]
                if public["outcome"] is not None:
                    self.report.outcome = public["outcome"]
                    return True
                handed = self.report.seat in public.get("ai_seats", ())
                mine = public["on_turn"] == self.report.seat and not public["paused"] and not handed
                if mine and not self.busy:
                    self.busy = True
                    await self.request(ws, {"type": "advise"})
        return False

    async def next(self, ws: ClientConnection) -> None:
        """The next of the advised commands, then the end of the turn."""
        if not self.busy:
            return
        if self.queue:
            await self.request(ws, {"type": "command", "command": self.queue.pop(0)})
        else:
            self.ending_id = await self.request(ws, {"type": "end_turn"})

    async def request(self, ws: ClientConnection, body: dict[str, Any]) -> int:
        """Send a request with a fresh id, noting when it left; returns the id."""
        self.next_id += 1
        self.sent[self.next_id] = time.perf_counter()
        self.last = {**body, "id": self.next_id}
        await ws.send(json.dumps(self.last))
        return self.next_id
