"""Saves written off the frame: the monthly autosave must not stall the window.

Writing a save costs little CPU but waits on the disk (the file is flushed to it before it
replaces the old one, so a crash never leaves half a save): 5–50 ms on a busy machine, a
visible hitch if the frame waits. The game takes its snapshot on the frame (a
:class:`~sim.model.saves.SavedGame` is immutable: tuples, and command dicts made for it alone)
and hands it to :func:`save_writer`, whose one thread writes the snapshots in the order given,
each atomically (:func:`sim.model.saves.write_text_atomic`: a temporary file, then a rename).

Anything that reads a save waits for the writes queued before it (:meth:`SaveWriter.wait`):
loading a game, going back to the title (its Continue button), and closing the window, so no
autosave is lost on exit. The interpreter also finishes queued writes before it exits.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from sim.model.savefiles import write_save
from sim.model.saves import SavedGame, SaveError


class SaveWriter:
    """One background thread writing saves in order; problems are collected for the
    message line (:meth:`problems`)."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._jobs: list[Future[Path]] = []
        self._lock = threading.Lock()

    def write(self, path: Path, save: SavedGame) -> Future[Path]:
        """Queue ``save`` to be written at ``path`` (see :func:`sim.model.savefiles.write_save`);
        returns the job, whose result is the file written."""
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="saves")
            job = self._pool.submit(write_save, path, save)
            self._jobs.append(job)
        return job

    @property
    def pending(self) -> int:
        """Writes queued or in progress."""
        with self._lock:
            return sum(1 for job in self._jobs if not job.done())

    def problems(self) -> list[str]:
        """Why the writes finished since last asked failed (none when all went well)."""
        with self._lock:
            done = [job for job in self._jobs if job.done()]
            self._jobs = [job for job in self._jobs if not job.done()]
        out = []
        for job in done:
            error = job.exception()
            if isinstance(error, (SaveError, OSError)):
                out.append(str(error))
            elif error is not None:
                raise error
        return out

    def wait(self) -> None:
        """Block until every write queued so far is on disk (or has failed: see
        :meth:`problems`)."""
        with self._lock:
            jobs = list(self._jobs)
        for job in jobs:
            job.exception()


_WRITER = SaveWriter()


def save_writer() -> SaveWriter:
    """The game's one save writer."""
    return _WRITER
