"""A game window's connection to the classroom server, for code that is not asynchronous.

The desktop game runs one frame at a time on the main thread; the websocket lives on a thread
of its own with its own asyncio loop. :class:`Link` hands frames from the server over in a
thread-safe queue and sends requests for the main thread. A dropped connection is retried with
the same join code (``RETRIES`` times, a pause between); the server then sends the view again.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import queue
import threading
import time
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

RETRIES = 5
PAUSE = 0.3


class LinkClosed(ConnectionError):
    """The server cannot be reached (any more)."""


class Link:
    """One connection, as a seat's game window (``window``) or as a plain client."""

    def __init__(self, url: str, code: str, window: bool = True) -> None:
        self.url = url
        self.code = code
        self.window = window
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        self.closed = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ws: ClientConnection | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="mandate-link", daemon=True)

    def start(self) -> Link:
        """Connect in the background; frames arrive in :attr:`inbox`."""
        self._thread.start()
        return self

    def send(self, body: dict[str, Any]) -> int:
        """Send a request with a fresh id; returns the id. Raises :class:`LinkClosed`."""
        self.next_id += 1
        message = json.dumps({**body, "id": self.next_id})
        if not self._ready.wait(10.0) or self._loop is None or self.closed.is_set():
            raise LinkClosed("not connected to the classroom server")
        future = asyncio.run_coroutine_threadsafe(self._send(message), self._loop)
        try:
            future.result(10.0)
        except Exception as exc:
            raise LinkClosed(f"the request did not reach the server: {exc}") from None
        return self.next_id

    def get(self, timeout: float | None = None) -> dict[str, Any] | None:
        """The next frame from the server (waiting up to ``timeout`` seconds; None: none)."""
        try:
            if timeout is None or timeout <= 0:
                return self.inbox.get_nowait()
            return self.inbox.get(timeout=timeout)
        except queue.Empty:
            return None

    def close(self) -> None:
        """Disconnect and stop the thread."""
        self.closed.set()
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(lambda: None)
        self._thread.join(5.0)

    # The connection's own thread -----------------------------------------------------------

    async def _send(self, message: str) -> None:
        for _ in range(int(10 / 0.05)):
            if self._ws is not None:
                await self._ws.send(message)
                return
            await asyncio.sleep(0.05)
        raise LinkClosed("not connected")

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._ready.set()
        try:
            loop.run_until_complete(self._serve())
        finally:
            loop.close()
            self.closed.set()

    async def _serve(self) -> None:
        for attempt in range(RETRIES):
            if self.closed.is_set():
                return
            try:
                async with connect(self.url, max_size=None) as ws:
                    hello = {"type": "hello", "code": self.code, "window": self.window}
                    await ws.send(json.dumps(hello))
                    self._ws = ws
                    if await self._read(ws):
                        return
            except (ConnectionClosed, InvalidHandshake, OSError) as exc:
                self.inbox.put({"type": "link", "state": "dropped", "reason": str(exc)})
            finally:
                self._ws = None
            if attempt + 1 < RETRIES:
                await asyncio.sleep(PAUSE)
        self.inbox.put({"type": "link", "state": "lost", "reason": "the server cannot be reached"})

    async def _read(self, ws: ClientConnection) -> bool:
        """Pass frames on until the connection drops (False) or it is closed or refused (True)."""
        while not self.closed.is_set():
            try:
                raw = await asyncio.wait_for(ws.recv(), 0.2)
            except TimeoutError:
                continue
            frame = json.loads(raw)
            self.inbox.put(frame)
            if frame.get("type") == "error" and "join code" in str(frame.get("reason", "")):
                return True
        await ws.close()
        return True


def wait_for(link: Link, kind: str, limit: float, keep: list[dict[str, Any]]) -> dict[str, Any]:
    """The next frame of ``kind`` (frames before it are added to ``keep``); raises
    :class:`LinkClosed` when the connection is lost or nothing comes within ``limit`` seconds."""
    deadline = time.monotonic() + limit
    while (left := deadline - time.monotonic()) > 0:
        frame = link.get(left)
        if frame is None:
            break
        if frame.get("type") == kind:
            return frame
        if frame.get("type") == "error" and "join code" in str(frame.get("reason", "")):
            raise LinkClosed(str(frame["reason"]))
        if frame.get("type") == "link" and frame.get("state") == "lost":
            raise LinkClosed(str(frame.get("reason", "")))
        keep.append(frame)
    raise LinkClosed(f"no {kind} from the server within {limit:.0f} s")
