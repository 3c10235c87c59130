"""Work of several seconds for a screen (the debrief's replays), run in another Python process.

A thread would share the interpreter's lock with the game: while it replays, every frame waits
for the lock again and again (the debrief's frames took two to five times their own CPU time),
and its garbage collections stop the game too. A separate process runs beside the game on
another core, at a lower priority than the game's. It is a plain ``python -m
sim.ui.background IN OUT``: the function and its arguments go in a pickle file, the outcome
comes back in another; the process imports no pygame and nothing of the script that started
the game.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any


def main(argv: list[str] | None = None) -> None:
    """In the other process: read (function, args) from IN, write ("ok", result) or
    ("failed", message) to OUT (whole or not at all)."""
    source, target = (Path(a) for a in (argv or sys.argv[1:]))
    yield_to_the_game()
    function, args = pickle.loads(source.read_bytes())
    try:
        outcome: tuple[str, Any] = ("ok", function(*args))
    except Exception as exc:  # noqa: BLE001 - the screen shows the reason; the game goes on
        outcome = ("failed", str(exc))
    part = target.with_suffix(".part")
    part.write_bytes(pickle.dumps(outcome))
    part.replace(target)


#: How much lower the work's scheduling priority is than the game's (Unix niceness steps).
BELOW_THE_GAME = 10


def yield_to_the_game() -> None:
    """Lower this process's priority, so that on a busy machine the game's frames and the
    display server come before the replays (on two cores, a debrief frame waited up to
    145 ms while the replays ran at the game's priority). Where the system has no niceness,
    nothing changes."""
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(BELOW_THE_GAME)


class Offloaded:
    """``function(*args)`` computed in another process (on a thread if no process can be
    started). ``function`` and ``args`` must pickle; the result too."""

    def __init__(self, function: Callable[..., Any], *args: Any) -> None:
        self._outcome: tuple[str, Any] | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._finished = threading.Event()
        self._folder = Path(tempfile.mkdtemp(prefix="mandate-work-"))
        self._target = self._folder / "out.pickle"
        try:
            source = self._folder / "in.pickle"
            source.write_bytes(pickle.dumps((function, args)))
            path = os.pathsep.join(p for p in sys.path if p)
            self._process = subprocess.Popen(
                [sys.executable, "-m", "sim.ui.background", str(source), str(self._target)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                env={**os.environ, "PYTHONPATH": path},
            )
            atexit.register(self._stop)
        except Exception:  # noqa: BLE001 - no process can start: a thread does the work
            self._process = None
            shutil.rmtree(self._folder, ignore_errors=True)
            threading.Thread(target=self._in_thread, args=(function, args), daemon=True).start()

    def _in_thread(self, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
        try:
            self._outcome = ("ok", function(*args))
        except Exception as exc:  # noqa: BLE001 - as in main
            self._outcome = ("failed", str(exc))
        finally:
            self._finished.set()

    def wait(self, seconds: float = 0.0) -> bool:
        """Whether the result is there, waiting at most ``seconds`` for it (0: just look)."""
        if self._outcome is not None:
            return True
        process = self._process
        if process is None:
            self._finished.wait(seconds)
            return self._outcome is not None
        if seconds > 0:
            try:
                process.wait(seconds)
            except subprocess.TimeoutExpired:
                return False
        if process.poll() is None:
            return False
        try:
            self._outcome = pickle.loads(self._target.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError):
            self._outcome = ("failed", "the replays stopped before the end")
        self._stop()
        return True

    def _stop(self) -> None:
        """End the process if it still runs (the game is closing) and remove its files."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        shutil.rmtree(self._folder, ignore_errors=True)

    @property
    def failed(self) -> str:
        """Why the work failed ("" if it has not, or not yet)."""
        return str(self._outcome[1]) if self._outcome and self._outcome[0] == "failed" else ""

    @property
    def result(self) -> Any:
        """The result (None until :meth:`wait` says it is there, or if it failed)."""
        return self._outcome[1] if self._outcome and self._outcome[0] == "ok" else None


if __name__ == "__main__":
    main()
