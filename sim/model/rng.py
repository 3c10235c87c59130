"""Seeded random streams owned by the world.

One root seed is split into independent, named numpy generators so that adding a draw in one
mechanism (say, the theatre) never shifts the numbers another mechanism (say, crisis events) sees.
Stream seeds derive from the root seed and a stable hash of the stream name, never from the clock,
so the same scenario and seed give the same game in every process.
"""

from __future__ import annotations

import hashlib
from typing import Any

import numpy as np


def _name_key(name: str) -> int:
    """A process-independent integer for a stream name (Python's ``hash`` is salted per process)."""
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "little")


class Streams:
    """Named random generators derived from one root seed.

    ``streams.get("theatre")`` always returns the same generator object for a name; its sequence
    depends only on the root seed and the name.
    """

    def __init__(self, seed: int) -> None:
        if seed < 0:
            raise ValueError(f"seed must be a non-negative integer, got {seed}")
        self.seed = seed
        self._generators: dict[str, np.random.Generator] = {}

    def get(self, name: str) -> np.random.Generator:
        """The generator for ``name``, created on first use."""
        gen = self._generators.get(name)
        if gen is None:
            sequence = np.random.SeedSequence([self.seed, _name_key(name)])
            gen = np.random.Generator(np.random.PCG64(sequence))
            self._generators[name] = gen
        return gen

    def snapshot(self) -> dict[str, Any]:
        """The state of every stream used so far, as JSON-ready data (for hashing and saves)."""
        return {
            name: self._generators[name].bit_generator.state for name in sorted(self._generators)
        }
