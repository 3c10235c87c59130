"""Work of several seconds for a screen (the debrief's replays), run in another Python process.

A thread would share the interpreter's lock with the game: while it replays, every frame waits
for the lock again and again (the debrief's frames took two to five times their own CPU time),
and its garbage collections stop the game too. A separate process runs beside the game on
another core. This module imports no pygame, so the process starts with only the model.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any


def _run(connection: Connection, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
    """In the other process: call ``function`` and send back ("ok", result) or ("failed",
    message)."""
    try:
        outcome: tuple[str, Any] = ("ok", function(*args))
    except Exception as exc:  # the screen shows the reason; the game goes on
        outcome = ("failed", str(exc))
    connection.send(outcome)
    connection.close()


class Offloaded:
    """``function(*args)`` computed in another process (on a thread if no process can be
    started). ``function`` and ``args`` must pickle; the result too."""

    def __init__(self, function: Callable[..., Any], *args: Any) -> None:
        self._outcome: tuple[str, Any] | None = None
        self._connection: Connection | None = None
        self._process: Any = None
        self._finished = threading.Event()
        try:
            context = multiprocessing.get_context("spawn")
            receiver, sender = context.Pipe(duplex=False)
            self._process = context.Process(
                target=_run, args=(sender, function, args), daemon=True, name="mandate-replays"
            )
            self._process.start()
            sender.close()
            self._connection = receiver
        except Exception:  # noqa: BLE001 - no process (a frozen build): a thread does it
            self._connection = None
            threading.Thread(target=self._in_thread, args=(function, args), daemon=True).start()

    def _in_thread(self, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
        try:
            self._outcome = ("ok", function(*args))
        except Exception as exc:  # noqa: BLE001 - as in _run
            self._outcome = ("failed", str(exc))
        finally:
            self._finished.set()

    def wait(self, seconds: float = 0.0) -> bool:
        """Whether the result is there, waiting at most ``seconds`` for it (0: just look)."""
        if self._outcome is not None:
            return True
        if self._connection is None:
            self._finished.wait(seconds)
            return self._outcome is not None
        try:
            if not self._connection.poll(seconds):
                return False
            self._outcome = self._connection.recv()
        except (EOFError, OSError):
            self._outcome = ("failed", "the replays stopped before the end")
        self._connection.close()
        self._process.join(1.0)
        return True

    @property
    def failed(self) -> str:
        """Why the work failed ("" if it has not, or not yet)."""
        return str(self._outcome[1]) if self._outcome and self._outcome[0] == "failed" else ""

    @property
    def result(self) -> Any:
        """The result (None until :meth:`wait` says it is there, or if it failed)."""
        return self._outcome[1] if self._outcome and self._outcome[0] == "ok" else None
