"""Python's cyclic garbage collector, kept out of the frames.

A full collection walks every object the process holds. Most of them live as long as the
process (modules, fonts, the theme, pygame_gui's caches: some 60,000 objects) or as long as a
game (its scenario and world), and walking them took 60-170 ms, in whatever frame it fell on.
Frozen objects (``gc.freeze``) are left out of every collection, so:

* :func:`settle` freezes what start-up made, once the title screen is up;
* :func:`settle_game` freezes a game's own objects once it has started;
* :func:`release_game`, back on the title screen, gives a finished game's objects back to the
  collector (one full collection, on the title, where nothing moves) and freezes the rest again.

Freezing only hides objects from the cycle collector: objects freed by reference counting are
freed as before; cyclic garbage among frozen objects waits until the next :func:`release_game`.
"""

from __future__ import annotations

import gc

_state = {"settled": False, "game": False}


def settle() -> None:
    """Once per process, when start-up is done: freeze every object that exists now."""
    if not _state["settled"]:
        _state["settled"] = True
        gc.freeze()


def settle_game() -> None:
    """A game has started: freeze its objects (and everything else alive now)."""
    if _state["settled"] and not _state["game"]:
        _state["game"] = True
        gc.freeze()


def release_game() -> None:
    """Back on the title: let the collector reclaim what the last game left, then freeze what
    is still alive again (the cost of one full collection, paid on the title screen)."""
    if _state["game"]:
        _state["game"] = False
        gc.unfreeze()
        gc.collect()
        gc.freeze()


def holding_game() -> bool:
    """Whether a game's objects are frozen (between :func:`settle_game` and
    :func:`release_game`)."""
    return _state["game"]


def frozen() -> int:
    """How many objects the collector leaves out (for tests and the benchmark)."""
    return gc.get_freeze_count()
